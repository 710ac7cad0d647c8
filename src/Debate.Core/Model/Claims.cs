namespace Debate.Core.Model;

/// <summary>A claim one can point at across threads ("counting-argument"), with the statement it stands for.</summary>
public sealed class Tag
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Statement { get; set; }
    public List<string> Synonyms { get; set; } = [];
    /// <summary>Set when a moderator merged this tag into another; its name redirects there.</summary>
    public long? MergedIntoId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A span of a post revision tagged with a claim and the stance the post takes toward it.</summary>
public sealed class ClaimTag
{
    public long Id { get; set; }
    public long PostId { get; set; }
    public long RevisionId { get; set; }
    public long TagId { get; set; }
    public Tag? Tag { get; set; }
    public Stance Stance { get; set; }
    public TextAnchor Anchor { get; set; } = new();
    public AnchorStatus Status { get; set; }
    public long? CurrentRevisionId { get; set; }
    public int? CurrentStart { get; set; }
    public int? CurrentEnd { get; set; }
    public ClaimState State { get; set; } = ClaimState.Confirmed;
    public string? ProposedByUserId { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
