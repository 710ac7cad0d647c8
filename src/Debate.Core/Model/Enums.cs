namespace Debate.Core.Model;

// Enum members are stored and exchanged in lower case ("lesswrong", "repost", "moved"),
// the spellings of the debate-thread/1 format.

/// <summary>Where a post, a source or an account lives.</summary>
public enum Platform { Native, LessWrong, AlignmentForum, EaForum, Twitter, Arxiv, Podcast, Blog, Web }

/// <summary>How a provenance record relates to the post: where it first appeared, or a copy of it.</summary>
public enum ProvenanceRelation { Original, Repost, Mirror }

/// <summary>Whether an anchor still finds its span: exactly, after an edit, or not at all.</summary>
public enum AnchorStatus { Anchored, Moved, Orphaned }

/// <summary>A claim tag's stance toward the statement of its tag.</summary>
public enum Stance { Supports, Opposes, Neutral, Questions }

/// <summary>A claim tag is proposed by a member and confirmed (or removed) by the author or a moderator.</summary>
public enum ClaimState { Proposed, Confirmed, Removed }

/// <summary>A reconstructed thread is a draft until a moderator publishes it.</summary>
public enum ThreadStatus { Draft, Published }
