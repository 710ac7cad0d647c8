using System.Text.Json.Serialization;
using Debate.Core.Model;

namespace Debate.Core.Interchange;

// debate-thread/1: one JSON document per thread. The names are a contract other tools rely on
// (docs/formats/debate-thread-1.md and its JSON Schema); extra keys here are optional.

public sealed record ThreadDocument
{
    public const string FormatName = "debate-thread/1";
    public required string Format { get; init; }
    public required ThreadInfo Thread { get; init; }
    // Required in a file, as the schema says (an empty list is fine); code building a document may leave them empty.
    [JsonRequired]
    public List<AuthorInfo> Authors { get; init; } = [];
    public List<TagInfo> Tags { get; init; } = [];
    [JsonRequired]
    public List<PostInfo> Posts { get; init; } = [];
}

public sealed record ThreadInfo
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public ThreadStatus Status { get; init; } = ThreadStatus.Published;
    public bool Reconstructed { get; init; }
    public List<SourceInfo> Sources { get; init; } = [];
    public List<OutlineInfo> Outline { get; init; } = [];
}

public sealed record SourceInfo
{
    public required Platform Platform { get; init; }
    public required string Url { get; init; }
    public string? Title { get; init; }
}

public sealed record OutlineInfo
{
    public required string Number { get; init; }
    public required string Title { get; init; }
    public List<LinkInfo> Links { get; init; } = [];
}

public sealed record LinkInfo
{
    public required Platform Platform { get; init; }
    public required string Url { get; init; }
    public string? At { get; init; }
}

public sealed record AuthorInfo
{
    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    public List<AccountInfo> Accounts { get; init; } = [];
}

public sealed record AccountInfo
{
    public required Platform Platform { get; init; }
    public required string Handle { get; init; }
    public string? Url { get; init; }
}

public sealed record TagInfo
{
    public required string Name { get; init; }
    public required string Statement { get; init; }
    public List<string> Synonyms { get; init; } = [];
}

public sealed record PostInfo
{
    public required string Id { get; init; }
    public string? ParentId { get; init; }
    public required string AuthorId { get; init; }
    public required DateTimeOffset PostedAt { get; init; }
    /// <summary>The current text; when revisions are given it must equal the last one.</summary>
    public required string Body { get; init; }
    public bool Deleted { get; init; }
    /// <summary>Hidden by a moderator. Written only when true, so documents of threads without hidden posts stay as they were.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Hidden { get; init; }
    public List<RevisionInfo> Revisions { get; init; } = [];
    public List<ProvenanceInfo> Provenance { get; init; } = [];
    public List<QuoteInfo> Quotes { get; init; } = [];
    public List<ClaimInfo> Claims { get; init; } = [];
}

public sealed record RevisionInfo
{
    public required int Number { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset? EditedAt { get; init; }
}

public sealed record ProvenanceInfo
{
    public required Platform Platform { get; init; }
    public string? Url { get; init; }
    public string? ExternalId { get; init; }
    public string? AuthorHandle { get; init; }
    public DateTimeOffset? CapturedAt { get; init; }
    public ProvenanceRelation Relation { get; init; } = ProvenanceRelation.Original;
    /// <summary>The part of the post's plain text this record covers (a reposted tweet inside a comment).</summary>
    public int? SpanStart { get; init; }
    public int? SpanEnd { get; init; }
    /// <summary>The platform's record this post was read from (its JSON text). Imported and stored, never exported: it can be large.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RawRecord { get; init; }
}

public sealed record QuoteInfo
{
    public required string SourcePostId { get; init; }
    public required int SourceRevision { get; init; }
    public required string Exact { get; init; }
    public string Prefix { get; init; } = "";
    public string Suffix { get; init; } = "";
    public required int Start { get; init; }
    public required int End { get; init; }
    public AnchorStatus Status { get; init; } = AnchorStatus.Anchored;
}

public sealed record ClaimInfo
{
    public required string Tag { get; init; }
    public required Stance Stance { get; init; }
    public required string Exact { get; init; }
    public string Prefix { get; init; } = "";
    public string Suffix { get; init; } = "";
    public required int Start { get; init; }
    public required int End { get; init; }
    /// <summary>The revision the span was tagged on; the current one when absent.</summary>
    public int? Revision { get; init; }
    /// <summary>A claim a member proposed and no moderator confirmed yet stays proposed through an export and an import.</summary>
    public ClaimState State { get; init; } = ClaimState.Confirmed;
}
