using System.Text.Json;

namespace Debate.Core.Model;

/// <summary>
/// The moderation log: who did what, and the rows as they were before and after, so that an action
/// (a merge above all) can be undone exactly.
/// </summary>
public sealed class ModerationAction
{
    public long Id { get; set; }
    /// <summary>What was done: "merge", "unmerge", "hide", "move", "lock", "link-author", "review", ...</summary>
    public required string Kind { get; set; }
    public string? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public DateTimeOffset At { get; set; }
    public long? ThreadId { get; set; }
    public long? PostId { get; set; }
    public required string Summary { get; set; }
    public JsonDocument? Before { get; set; }
    public JsonDocument? After { get; set; }
    /// <summary>For an undo: the action it undid. On the undone action: when it was undone.</summary>
    public long? UndoesActionId { get; set; }
    public DateTimeOffset? UndoneAt { get; set; }
}

/// <summary>A file as it was imported: the raw page beside the thread rebuilt from it, and the machine's proposal.</summary>
public sealed class ImportedDocument
{
    public long Id { get; set; }
    public long? ThreadId { get; set; }
    public required string Format { get; set; }
    public required string FileName { get; set; }
    /// <summary>SHA-256 of the content: the same file imported twice is recognised.</summary>
    public required string Sha256 { get; set; }
    public required string Content { get; set; }
    /// <summary>For a reconstructed page: the debate-reconstruction/1 proposal with its confidences.</summary>
    public JsonDocument? Proposal { get; set; }
    /// <summary>For a reconstructed page: the debate-corrections/1 document of the review so far (its steps in order).</summary>
    public JsonDocument? Corrections { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>
/// A post a moderator moved (with its replies) away from a thread or a parent: the old place keeps a
/// "moved to" link to it. The link follows the post's permalink, so it stays right after later moves.
/// </summary>
public sealed class PostMove
{
    public long Id { get; set; }
    public long PostId { get; set; }
    public long FromThreadId { get; set; }
    /// <summary>The post it answered there; null when it was a top-level post.</summary>
    public long? FromParentId { get; set; }
    public long ToThreadId { get; set; }
    public DateTimeOffset MovedAt { get; set; }
}
