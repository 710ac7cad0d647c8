namespace Debate.Core.Model;

/// <summary>
/// One place a post was published. A post merged with its reposts has several; a reposted tweet kept
/// inside a forum comment covers a span of the comment's text.
/// </summary>
public sealed class Provenance
{
    public long Id { get; set; }
    public long PostId { get; set; }
    public Platform Platform { get; set; }
    public string? Url { get; set; }
    public string? ExternalId { get; set; }
    public string? AuthorHandle { get; set; }
    public DateTimeOffset? CapturedAt { get; set; }
    public ProvenanceRelation Relation { get; set; }
    /// <summary>The span of the post's plain text this record covers; null when it covers the whole post.</summary>
    public int? SpanStart { get; set; }
    public int? SpanEnd { get; set; }
    /// <summary>The record exactly as it was imported (JSON, or the scraped lines), so nothing is lost.</summary>
    public string? RawRecord { get; set; }
}
