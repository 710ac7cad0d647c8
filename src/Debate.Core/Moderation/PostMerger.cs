using Debate.Core.Accounts;
using Debate.Core.Anchoring;
using Debate.Core.Data;
using Debate.Core.Model;
using Debate.Core.Rebuilding;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Debate.Core.Moderation;

/// <summary>
/// Folds posts into one kept post: a comment that reposts a thread of tweets keeps each tweet as a span with
/// its own provenance; the folded posts' replies, quotes and claim tags move to the kept post; a folded
/// post's permalink then redirects to it. One transaction, logged with every touched row before and after,
/// so the log's undo restores exactly what was there.
/// </summary>
public static class PostMerger
{
    public const string MergeKind = "merge";

    public static Task<ModerationResult> MergeAsync(
        DebateDbContext db, long keepId, IReadOnlyCollection<long> foldIds, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken) =>
        ModerationLog.InTransactionAsync(db, () => MergeInTransactionAsync(db, keepId, foldIds.Distinct().ToList(), moderator, now, cancellationToken), cancellationToken);

    private static async Task<ModerationResult> MergeInTransactionAsync(
        DebateDbContext db, long keepId, List<long> foldIds, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (foldIds.Count == 0)
            return ModerationResult.Refused("Choose at least one post to merge.");
        if (foldIds.Contains(keepId))
            return ModerationResult.Refused($"Post {keepId} cannot be merged into itself.");
        var everyId = foldIds.Append(keepId).ToList();
        // Locked for the transaction: a reply or an edit arriving meanwhile waits instead of being lost.
        await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM posts WHERE id = ANY(@ids) FOR UPDATE", [new NpgsqlParameter("ids", everyId.ToArray())], cancellationToken);
        var posts = await db.Posts.Include(p => p.CurrentRevision).Where(p => everyId.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        if (everyId.FirstOrDefault(id => !posts.ContainsKey(id)) is var missing and not 0)
            return ModerationResult.Refused($"There is no post {missing}.");
        if (everyId.FirstOrDefault(id => posts[id].MergedIntoId is not null) is var gone and not 0)
            return ModerationResult.Refused($"Post {gone} was already merged into post {posts[gone].MergedIntoId}.");
        var keep = posts[keepId];
        var keptAncestors = keep.Path.ToString().Split('.');
        if (foldIds.FirstOrDefault(id => keptAncestors.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture))) is var ancestor and not 0)
            return ModerationResult.Refused($"Post {ancestor} is an ancestor of post {keepId}: merge the other way round.");

        var touched = await TouchedRowsAsync(db, keep, foldIds.Select(id => posts[id]).ToList(), cancellationToken);
        var before = await RowSnapshot.TakeAsync(db, touched, cancellationToken);

        var keptText = keep.CurrentRevision!.PlainText;
        var keptProvenance = await db.Provenance.Where(p => p.PostId == keepId).ToListAsync(cancellationToken);
        var searchFrom = 0;
        foreach (var foldId in foldIds.OrderBy(id => QuoteLocator.Find(keptText, posts[id].CurrentRevision!.PlainText)?.Start ?? int.MaxValue))
        {
            var fold = posts[foldId];
            var span = QuoteLocator.Find(keptText, fold.CurrentRevision!.PlainText, searchFrom);
            if (span is { End: var end })
                searchFrom = end;
            await MoveProvenanceAsync(db, fold, keepId, span, keptProvenance, cancellationToken);
            await RepointQuotesAndClaimsAsync(db, fold, keep, keptText, cancellationToken);
            fold.MergedIntoId = keepId;
        }
        await db.RepostCandidates
            .Where(c => c.State == RepostState.Open
                        && ((c.ContainerPostId == keepId && foldIds.Contains(c.ContainedPostId)) || (c.ContainedPostId == keepId && foldIds.Contains(c.ContainerPostId))))
            .ForEachAsync(c => c.State = RepostState.Merged, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // Deepest first: a thread of tweets folds each reply before the tweet it answers, so no path is moved twice.
        foreach (var foldId in foldIds.OrderByDescending(id => posts[id].Depth))
            await MoveRepliesAsync(db, posts[foldId], keep, cancellationToken);
        await RecountAsync(db, touched["threads"], cancellationToken);

        var after = await RowSnapshot.TakeAsync(db, touched, cancellationToken);
        var summary = foldIds.Count == 1
            ? $"Merged post {foldIds[0]} into post {keepId}"
            : $"Merged posts {string.Join(", ", foldIds)} into post {keepId}";
        var action = ModerationLog.Record(db, MergeKind, moderator, now, keep.ThreadId, keepId, summary, before, after);
        await db.SaveChangesAsync(cancellationToken);
        return new ModerationResult(action, null);
    }

    /// <summary>Every row a merge may change, by table: the undo puts exactly these back.</summary>
    private static async Task<Dictionary<string, IReadOnlyCollection<long>>> TouchedRowsAsync(DebateDbContext db, Post keep, List<Post> folds, CancellationToken cancellationToken)
    {
        var foldIds = folds.Select(f => f.Id).ToList();
        var subtrees = new List<long>();
        foreach (var fold in folds)
            subtrees.AddRange(await db.Posts.Where(p => p.Path.IsDescendantOf(fold.Path)).Select(p => p.Id).ToListAsync(cancellationToken));
        var postIds = subtrees.Append(keep.Id).Distinct().ToList();
        var threadIds = await db.Posts.Where(p => postIds.Contains(p.Id)).Select(p => p.ThreadId).Distinct().ToListAsync(cancellationToken);
        var bothIds = foldIds.Append(keep.Id).ToList();
        return new Dictionary<string, IReadOnlyCollection<long>>(StringComparer.Ordinal)
        {
            ["threads"] = threadIds,
            ["posts"] = postIds,
            ["provenance"] = await db.Provenance.Where(p => bothIds.Contains(p.PostId)).Select(p => p.Id).ToListAsync(cancellationToken),
            ["quotes"] = await db.Quotes.Where(q => foldIds.Contains(q.PostId) || foldIds.Contains(q.SourcePostId)).Select(q => q.Id).ToListAsync(cancellationToken),
            ["claim_tags"] = await db.ClaimTags.Where(c => foldIds.Contains(c.PostId)).Select(c => c.Id).ToListAsync(cancellationToken),
            ["repost_candidates"] = await db.RepostCandidates
                .Where(c => bothIds.Contains(c.ContainerPostId) || bothIds.Contains(c.ContainedPostId)).Select(c => c.Id).ToListAsync(cancellationToken),
        };
    }

    /// <summary>
    /// The folded post's records move to the kept post, over the span its text fills there. A record of the kept
    /// post that marked the same span without naming the item (a tweet embedded with no id) gives way to it.
    /// </summary>
    private static async Task MoveProvenanceAsync(DebateDbContext db, Post fold, long keepId, (int Start, int End)? span, List<Provenance> keptProvenance, CancellationToken cancellationToken)
    {
        var records = await db.Provenance.Where(p => p.PostId == fold.Id).ToListAsync(cancellationToken);
        foreach (var record in records)
        {
            record.PostId = keepId;
            if (span is not var (start, end))
                continue;
            (record.SpanStart, record.SpanEnd) = record.SpanStart is int s && record.SpanEnd is int e ? (start + s, start + e) : (start, end);
            var superseded = keptProvenance.FirstOrDefault(k =>
                k.Platform == record.Platform && k.ExternalId is null && k.Url is null && k.SpanStart is int ks && k.SpanEnd is int ke
                && Overlap(ks, ke, record.SpanStart!.Value, record.SpanEnd!.Value) * 2 > ke - ks);
            if (superseded is not null)
            {
                keptProvenance.Remove(superseded);
                db.Provenance.Remove(superseded);
            }
        }
    }

    private static int Overlap(int a1, int a2, int b1, int b2) => Math.Max(0, Math.Min(a2, b2) - Math.Max(a1, b1));

    /// <summary>Quotes of the folded post, quotes it made and its claim tags now belong to the kept post, found again in its text.</summary>
    private static async Task RepointQuotesAndClaimsAsync(DebateDbContext db, Post fold, Post keep, string keptText, CancellationToken cancellationToken)
    {
        foreach (var quote in await db.Quotes.Where(q => q.PostId == fold.Id).ToListAsync(cancellationToken))
            quote.PostId = keep.Id;
        foreach (var quote in await db.Quotes.Where(q => q.SourcePostId == fold.Id).ToListAsync(cancellationToken))
        {
            quote.SourcePostId = keep.Id;
            (quote.Status, quote.CurrentRevisionId, quote.CurrentStart, quote.CurrentEnd) = Relocate(quote.Anchor, keep, keptText);
        }
        foreach (var claim in await db.ClaimTags.Where(c => c.PostId == fold.Id).ToListAsync(cancellationToken))
        {
            claim.PostId = keep.Id;
            (claim.Status, claim.CurrentRevisionId, claim.CurrentStart, claim.CurrentEnd) = Relocate(claim.Anchor, keep, keptText);
        }
    }

    /// <summary>Where an anchor taken on the folded post stands in the kept post's current text, or orphaned.</summary>
    private static (AnchorStatus, long?, int?, int?) Relocate(TextAnchor anchor, Post keep, string keptText)
    {
        var found = TextAnchoring.Locate(keptText, anchor);
        return found.Status == AnchorStatus.Orphaned
            ? (AnchorStatus.Orphaned, null, null, null)
            : (found.Status, keep.CurrentRevisionId, found.Start, found.End);
    }

    /// <summary>Replies to the folded post become replies to the kept one, their whole subtrees with them (paths, depths, thread).</summary>
    private static async Task MoveRepliesAsync(DebateDbContext db, Post fold, Post keep, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE posts SET
                parent_id = CASE WHEN parent_id = @fold THEN @keep ELSE parent_id END,
                path = @keepPath::ltree || subpath(path, nlevel(@foldPath::ltree)),
                depth = @keepDepth + depth - @foldDepth,
                thread_id = @keepThread
            WHERE path <@ @foldPath::ltree AND id <> @fold
            """,
            [
                new NpgsqlParameter("fold", fold.Id), new NpgsqlParameter("keep", keep.Id),
                new NpgsqlParameter("keepPath", keep.Path.ToString()), new NpgsqlParameter("foldPath", fold.Path.ToString()),
                new NpgsqlParameter("keepDepth", keep.Depth), new NpgsqlParameter("foldDepth", fold.Depth),
                new NpgsqlParameter("keepThread", keep.ThreadId),
            ],
            cancellationToken);
    }

    /// <summary>Thread lists show a stored count: recounted for the threads a merge or a move touched.</summary>
    internal static async Task RecountAsync(DebateDbContext db, IReadOnlyCollection<long> threadIds, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE threads t SET post_count = (SELECT count(*) FROM posts p WHERE p.thread_id = t.id AND NOT p.is_deleted AND p.merged_into_id IS NULL) WHERE t.id = ANY(@ids)",
            [new NpgsqlParameter("ids", threadIds.ToArray())], cancellationToken);
}
