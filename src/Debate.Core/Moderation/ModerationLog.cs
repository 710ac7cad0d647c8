using System.Text.Json;
using Debate.Core.Accounts;
using Debate.Core.Data;
using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;

namespace Debate.Core.Moderation;

/// <summary>What a moderation action answered: the logged action, or why nothing was done.</summary>
public sealed record ModerationResult(ModerationAction? Action, string? Error)
{
    public static ModerationResult Refused(string error) => new(null, error);
}

/// <summary>
/// Moderation actions that change posts log the rows they touched before and after (<see cref="RowSnapshot"/>);
/// undoing one writes the "before" back, provided nothing has changed those rows since.
/// </summary>
public static class ModerationLog
{
    public const string UndoKind = "undo";

    /// <summary>The order rows are written back in: threads and posts before what points at them.</summary>
    private static readonly string[] RestoreOrder = ["threads", "posts", "provenance", "quotes", "claim_tags", "repost_candidates", "post_moves"];

    /// <summary>Runs a change in one transaction; a change that is refused leaves nothing behind.</summary>
    public static async Task<ModerationResult> InTransactionAsync(DebateDbContext db, Func<Task<ModerationResult>> change, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await strategy.ExecuteAsync(async () =>
                {
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
                    var result = await change();
                    if (result.Error is null)
                        await transaction.CommitAsync(cancellationToken);
                    else
                        await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    return result;
                });
            }
            // Another moderator changed the same rows first: run the change again on what they left, which then
            // refuses it by name ("already merged", "already undone") instead of failing.
            catch (Exception e) when (attempt < MaxAttempts && IsSerializationFailure(e))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private const int MaxAttempts = 5;

    private static bool IsSerializationFailure(Exception? e) =>
        e is not null && (e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.SerializationFailure or Npgsql.PostgresErrorCodes.DeadlockDetected }
            || IsSerializationFailure(e.InnerException));

    public static ModerationAction Record(DebateDbContext db, string kind, Moderator moderator, DateTimeOffset now, long? threadId, long? postId, string summary, JsonDocument before, JsonDocument after)
    {
        var action = new ModerationAction
        {
            Kind = kind,
            ActorUserId = moderator.UserId,
            ActorName = moderator.Name,
            At = now,
            ThreadId = threadId,
            PostId = postId,
            Summary = summary,
            Before = before,
            After = after,
        };
        db.ModerationActions.Add(action);
        return action;
    }

    /// <summary>Whether the log can put an action back: it holds row snapshots and has not been undone.</summary>
    public static bool CanUndo(string kind, DateTimeOffset? undoneAt) => undoneAt is null && RowSnapshotKinds.Contains(kind);

    /// <summary>The kinds logged with row snapshots (author links keep their own record and undo).</summary>
    public static readonly IReadOnlySet<string> RowSnapshotKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        PostMerger.MergeKind, RepostFinder.DismissKind,
        ThreadModeration.LockKind, ThreadModeration.UnlockKind, ThreadModeration.HideKind, ThreadModeration.UnhideKind, SubtreeMover.MoveKind,
    };

    /// <summary>Puts back exactly what <paramref name="actionId"/> changed, in one transaction, and logs the undo.</summary>
    public static Task<ModerationResult> UndoAsync(DebateDbContext db, long actionId, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken) =>
        InTransactionAsync(db, async () =>
        {
            var action = await db.ModerationActions.SingleOrDefaultAsync(a => a.Id == actionId, cancellationToken);
            if (action is null)
                return ModerationResult.Refused($"There is no moderation action {actionId}.");
            if (action.UndoneAt is not null)
                return ModerationResult.Refused($"Action {actionId} was already undone.");
            if (!RowSnapshotKinds.Contains(action.Kind) || action.Before is null || action.After is null)
                return ModerationResult.Refused($"Action {actionId} ({action.Kind}) cannot be undone from the log.");
            if (!await RowSnapshot.StillMatchesAsync(db, action.After, cancellationToken))
                return ModerationResult.Refused($"What action {actionId} changed has changed again since; undo the later actions first.");

            await RowSnapshot.RestoreAsync(db, action.Before, action.After, RestoreOrder, cancellationToken);
            action.UndoneAt = now;
            var undo = new ModerationAction
            {
                Kind = UndoKind,
                ActorUserId = moderator.UserId,
                ActorName = moderator.Name,
                At = now,
                ThreadId = action.ThreadId,
                PostId = action.PostId,
                Summary = $"Undid: {action.Summary}",
                UndoesActionId = action.Id,
            };
            db.ModerationActions.Add(undo);
            await db.SaveChangesAsync(cancellationToken);
            return new ModerationResult(undo, null);
        }, cancellationToken);
}
