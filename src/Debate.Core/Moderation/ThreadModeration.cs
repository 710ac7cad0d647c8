using Debate.Core.Accounts;
using Debate.Core.Data;
using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Debate.Core.Moderation;

/// <summary>
/// Locking a thread and hiding a post: each one transaction, logged with the row before and after, so the
/// log's undo puts it back exactly.
/// </summary>
public static class ThreadModeration
{
    public const string LockKind = "lock";
    public const string UnlockKind = "unlock";
    public const string HideKind = "hide";
    public const string UnhideKind = "unhide";

    /// <summary>Locks (or unlocks) the thread: a locked thread takes no new posts.</summary>
    public static Task<ModerationResult> SetLockedAsync(DebateDbContext db, string slug, bool locked, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken) =>
        ModerationLog.InTransactionAsync(db, async () =>
        {
            var threadId = await db.Threads.Where(t => t.Slug == slug).Select(t => (long?)t.Id).SingleOrDefaultAsync(cancellationToken);
            if (threadId is not long id)
                return ModerationResult.Refused($"There is no thread '{slug}'.");
            // Locked for the transaction: a reply arriving meanwhile waits, then sees the lock.
            await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM threads WHERE id = @id FOR UPDATE", [new NpgsqlParameter("id", id)], cancellationToken);
            var thread = await db.Threads.SingleAsync(t => t.Id == id, cancellationToken);
            if (thread.IsLocked == locked)
                return ModerationResult.Refused($"Thread '{slug}' is already {(locked ? "locked" : "unlocked")}.");
            return await ChangeRowAsync(db, "threads", id, () => thread.IsLocked = locked,
                new PlannedEntry(locked ? LockKind : UnlockKind, moderator, now, id, null, $"{(locked ? "Locked" : "Unlocked")} thread '{thread.Title}'"), cancellationToken);
        }, cancellationToken);

    /// <summary>Hides (or shows again) one post; its replies stay where they are and stay readable.</summary>
    public static Task<ModerationResult> SetHiddenAsync(DebateDbContext db, long postId, bool hidden, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken) =>
        ModerationLog.InTransactionAsync(db, async () =>
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM posts WHERE id = @id FOR UPDATE", [new NpgsqlParameter("id", postId)], cancellationToken);
            var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
            if (post is null)
                return ModerationResult.Refused($"There is no post {postId}.");
            if (post.MergedIntoId is long into)
                return ModerationResult.Refused($"Post {postId} was merged into post {into}: hide that one instead.");
            if (post.IsHidden == hidden)
                return ModerationResult.Refused($"Post {postId} is already {(hidden ? "hidden" : "shown")}.");
            return await ChangeRowAsync(db, "posts", postId, () => post.IsHidden = hidden,
                new PlannedEntry(hidden ? HideKind : UnhideKind, moderator, now, post.ThreadId, postId, $"{(hidden ? "Hid" : "Unhid")} post {postId}"), cancellationToken);
        }, cancellationToken);

    private sealed record PlannedEntry(string Kind, Moderator Moderator, DateTimeOffset Now, long? ThreadId, long? PostId, string Summary);

    /// <summary>Applies a change to one tracked row and logs that row before and after.</summary>
    private static async Task<ModerationResult> ChangeRowAsync(DebateDbContext db, string table, long id, Action change, PlannedEntry entry, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, IReadOnlyCollection<long>>(StringComparer.Ordinal) { [table] = [id] };
        var before = await RowSnapshot.TakeAsync(db, rows, cancellationToken);
        change();
        await db.SaveChangesAsync(cancellationToken);
        var after = await RowSnapshot.TakeAsync(db, rows, cancellationToken);
        var action = ModerationLog.Record(db, entry.Kind, entry.Moderator, entry.Now, entry.ThreadId, entry.PostId, entry.Summary, before, after);
        await db.SaveChangesAsync(cancellationToken);
        return new ModerationResult(action, null);
    }
}
