using System.Globalization;
using Debate.Core.Accounts;
using Debate.Core.Data;
using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Debate.Core.Moderation;

/// <summary>
/// Moves a post and all its replies under another post, or to the top of a thread, in the same thread or
/// another: paths, depths and thread rewritten for the whole subtree, both threads recounted, and a
/// "moved to" link (<see cref="PostMove"/>) left at the old place. Logged with every touched row, so the
/// log's undo puts it all back.
/// </summary>
public static class SubtreeMover
{
    public const string MoveKind = "move";

    /// <param name="toThreadSlug">The thread to move into; null means the thread of <paramref name="toParentId"/> (or the post's own).</param>
    /// <param name="toParentId">The post to move under; null makes the post a top-level post.</param>
    public static Task<ModerationResult> MoveAsync(
        DebateDbContext db, long postId, string? toThreadSlug, long? toParentId, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken) =>
        ModerationLog.InTransactionAsync(db, () => MoveInTransactionAsync(db, postId, toThreadSlug, toParentId, moderator, now, cancellationToken), cancellationToken);

    private static async Task<ModerationResult> MoveInTransactionAsync(
        DebateDbContext db, long postId, string? toThreadSlug, long? toParentId, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
            return ModerationResult.Refused($"There is no post {postId}.");
        // The subtree and the new parent are locked for the transaction: a reply arriving meanwhile waits.
        await db.Database.ExecuteSqlRawAsync(
            "SELECT 1 FROM posts WHERE path <@ @path::ltree OR id = @parent ORDER BY id FOR UPDATE",
            [new NpgsqlParameter("path", post.Path.ToString()), new NpgsqlParameter("parent", toParentId ?? 0L)], cancellationToken);
        post = await db.Posts.AsNoTracking().SingleAsync(p => p.Id == postId, cancellationToken);
        if (post.MergedIntoId is long into)
            return ModerationResult.Refused($"Post {postId} was merged into post {into}: move that one instead.");

        Post? parent = null;
        if (toParentId is long parentId)
        {
            parent = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == parentId, cancellationToken);
            if (parent is null)
                return ModerationResult.Refused($"Under post: there is no post {parentId}.");
            if (parent.MergedIntoId is long parentInto)
                return ModerationResult.Refused($"Under post: post {parentId} was merged into post {parentInto}; choose that one.");
            if (parent.Path.ToString().Split('.').Contains(postId.ToString(CultureInfo.InvariantCulture)))
                return ModerationResult.Refused(parentId == postId
                    ? $"Under post: post {postId} cannot be moved under itself."
                    : $"Under post: post {parentId} is one of the replies of post {postId}; a post cannot move under its own replies.");
        }
        var fromThread = await db.Threads.AsNoTracking().SingleAsync(t => t.Id == post.ThreadId, cancellationToken);
        DebateThread toThread;
        if (!string.IsNullOrWhiteSpace(toThreadSlug))
        {
            var named = await db.Threads.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == toThreadSlug.Trim(), cancellationToken);
            if (named is null)
                return ModerationResult.Refused($"Thread: there is no thread '{toThreadSlug.Trim()}'.");
            if (parent is not null && parent.ThreadId != named.Id)
                return ModerationResult.Refused($"Under post: post {parent.Id} is not in thread '{named.Slug}'.");
            toThread = named;
        }
        else
        {
            toThread = parent is null ? fromThread : await db.Threads.AsNoTracking().SingleAsync(t => t.Id == parent.ThreadId, cancellationToken);
        }
        if (toThread.Id == post.ThreadId && parent?.Id == post.ParentId)
            return ModerationResult.Refused(parent is null
                ? $"Post {postId} is already a top-level post of thread '{toThread.Slug}'."
                : $"Post {postId} already answers post {parent.Id}.");

        if (toThread.Id != post.ThreadId)
        {
            // Imports find their posts again by (thread, import key): two posts with one key in a thread would be confused.
            var clash = await db.Posts.Where(p => p.Path.IsDescendantOf(post.Path) && p.ImportKey != null)
                .Where(p => db.Posts.Any(there => there.ThreadId == toThread.Id && there.ImportKey == p.ImportKey))
                .Select(p => new { p.Id, p.ImportKey }).FirstOrDefaultAsync(cancellationToken);
            if (clash is not null)
                return ModerationResult.Refused($"Thread: post {clash.Id} came from an import as '{clash.ImportKey}', and thread '{toThread.Slug}' already has a post imported as '{clash.ImportKey}'; a later import could not tell them apart.");
        }
        var subtree = await db.Posts.Where(p => p.Path.IsDescendantOf(post.Path)).Select(p => p.Id).ToListAsync(cancellationToken);
        var threadIds = new long[] { fromThread.Id, toThread.Id }.Distinct().ToList();
        var before = await RowSnapshot.TakeAsync(db, Touched(threadIds, subtree, []), cancellationToken);

        await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE posts SET
                parent_id = CASE WHEN id = @post THEN @parent ELSE parent_id END,
                path = @parentPath::ltree || subpath(path, nlevel(@oldPath::ltree) - 1),
                depth = depth - @oldDepth + @newDepth,
                thread_id = @thread
            WHERE path <@ @oldPath::ltree
            """,
            [
                new NpgsqlParameter("post", postId),
                new NpgsqlParameter("parent", (object?)parent?.Id ?? DBNull.Value) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint },
                new NpgsqlParameter("parentPath", parent?.Path.ToString() ?? ""),
                new NpgsqlParameter("oldPath", post.Path.ToString()),
                new NpgsqlParameter("oldDepth", post.Depth),
                new NpgsqlParameter("newDepth", parent is null ? 0 : parent.Depth + 1),
                new NpgsqlParameter("thread", toThread.Id),
            ],
            cancellationToken);
        await PostMerger.RecountAsync(db, threadIds, cancellationToken);
        var move = new PostMove { PostId = postId, FromThreadId = fromThread.Id, FromParentId = post.ParentId, ToThreadId = toThread.Id, MovedAt = now };
        db.PostMoves.Add(move);
        await db.SaveChangesAsync(cancellationToken);

        var after = await RowSnapshot.TakeAsync(db, Touched(threadIds, subtree, [move.Id]), cancellationToken);
        var replies = subtree.Count - 1;
        var what = replies == 0 ? $"post {postId}" : $"post {postId} and its {replies} {(replies == 1 ? "reply" : "replies")}";
        var where = parent is null ? $"the top of thread '{toThread.Slug}'" : $"post {parent.Id} in thread '{toThread.Slug}'";
        var action = ModerationLog.Record(db, MoveKind, moderator, now, toThread.Id, postId,
            $"Moved {what} from thread '{fromThread.Slug}' to {(parent is null ? "" : "under ")}{where}", before, after);
        await db.SaveChangesAsync(cancellationToken);
        return new ModerationResult(action, null);
    }

    /// <summary>Every row a move changes, by table: the undo puts exactly these back (and removes the "moved to" link).</summary>
    private static Dictionary<string, IReadOnlyCollection<long>> Touched(List<long> threadIds, List<long> subtree, IReadOnlyCollection<long> moves) =>
        new(StringComparer.Ordinal)
        {
            ["threads"] = threadIds,
            ["posts"] = subtree,
            ["post_moves"] = moves,
        };
}
