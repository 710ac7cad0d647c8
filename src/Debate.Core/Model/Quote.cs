namespace Debate.Core.Model;

/// <summary>
/// A span of a source post's revision, quoted by another post. The anchor is fixed to the revision it
/// was taken from; after the source is edited, the quote is found again in the current revision
/// (<see cref="Status"/> and the Current* fields) or marked orphaned, never silently changed.
/// </summary>
public sealed class Quote
{
    public long Id { get; set; }
    public long PostId { get; set; }
    public long SourcePostId { get; set; }
    public Post? SourcePost { get; set; }
    public long SourceRevisionId { get; set; }
    public PostRevision? SourceRevision { get; set; }
    public TextAnchor Anchor { get; set; } = new();
    public AnchorStatus Status { get; set; }
    /// <summary>Where the span stands in the source's current revision; null when orphaned.</summary>
    public long? CurrentRevisionId { get; set; }
    public int? CurrentStart { get; set; }
    public int? CurrentEnd { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
