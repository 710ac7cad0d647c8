using Microsoft.EntityFrameworkCore;

namespace Debate.Core.Model;

/// <summary>A node of a thread's reply tree. Its words live in revisions; the post points at the current one.</summary>
public sealed class Post
{
    public long Id { get; set; }
    public long ThreadId { get; set; }
    public DebateThread? Thread { get; set; }
    public long? ParentId { get; set; }
    public Post? Parent { get; set; }
    /// <summary>Ids from the root down to this post, for subtree and ancestor queries on an index.</summary>
    public LTree Path { get; set; }
    public int Depth { get; set; }
    public long AuthorId { get; set; }
    public Author? Author { get; set; }
    public DateTimeOffset PostedAt { get; set; }
    /// <summary>The post's id in the document it was imported from, so a second import finds it.</summary>
    public string? ImportKey { get; set; }
    /// <summary>
    /// The key of the reply form that sent this post (one per opened form): the same form sent again, by a double
    /// click or a resent request, finds this post instead of storing a second one.
    /// </summary>
    public Guid? SubmissionKey { get; set; }
    public long? CurrentRevisionId { get; set; }
    public PostRevision? CurrentRevision { get; set; }
    public bool IsDeleted { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    /// <summary>Hidden by a moderator: soft and reversible, unlike nothing else here.</summary>
    public bool IsHidden { get; set; }
    /// <summary>Set when a merge folded this post into another; its permalink redirects there.</summary>
    public long? MergedIntoId { get; set; }
    /// <summary>PostgreSQL's xmin: a concurrent change makes a save fail instead of overwriting.</summary>
    public uint Version { get; set; }

    public List<PostRevision> Revisions { get; set; } = [];
    public List<Provenance> Provenance { get; set; } = [];
    public List<Quote> Quotes { get; set; } = [];
    public List<ClaimTag> Claims { get; set; } = [];
}

/// <summary>One text a post has had. Rendered and sanitised once, when saved; pages serve the stored HTML.</summary>
public sealed class PostRevision
{
    public long Id { get; set; }
    public long PostId { get; set; }
    public int Number { get; set; }
    public required string Body { get; set; }
    public required string Html { get; set; }
    /// <summary>The text content of <see cref="Html"/>: what anchors' offsets count in, as a browser sees it.</summary>
    public required string PlainText { get; set; }
    /// <summary>The author's own words, without blockquotes: weighs more in search.</summary>
    public required string OwnText { get; set; }
    public required string QuotedText { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Null for the first text; when the author edited it, for later ones.</summary>
    public DateTimeOffset? EditedAt { get; set; }
    public string? EditorUserId { get; set; }
}
