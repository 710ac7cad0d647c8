namespace Debate.Core.Model;

/// <summary>Where a possible repost stands in the moderators' queue.</summary>
public enum RepostState { Open, Merged, Dismissed }

/// <summary>
/// A post whose text stands inside another post from another platform (a tweet reposted in a forum
/// comment), found by the repost finder and waiting for a moderator to merge or dismiss it.
/// </summary>
public sealed class RepostCandidate
{
    public long Id { get; set; }
    /// <summary>The post that holds the other's text (the forum comment).</summary>
    public long ContainerPostId { get; set; }
    /// <summary>The post whose text was found inside the container (the tweet).</summary>
    public long ContainedPostId { get; set; }
    /// <summary>pg_trgm word similarity of the contained text to its best stretch of the container's.</summary>
    public double Similarity { get; set; }
    /// <summary>Share of the contained text's word shingles that stand in the container's text.</summary>
    public double Containment { get; set; }
    /// <summary>Where the contained text stands in the container's current plain text; null when only similar.</summary>
    public int? SpanStart { get; set; }
    public int? SpanEnd { get; set; }
    public RepostState State { get; set; }
    public DateTimeOffset FoundAt { get; set; }
}
