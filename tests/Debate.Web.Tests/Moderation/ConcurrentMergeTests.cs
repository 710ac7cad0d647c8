using Debate.Core.Accounts;
using Debate.Core.Moderation;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Moderation;

/// <summary>Moderators merging and unmerging the same pair of posts at once, each with a database context of their own.</summary>
public class ConcurrentMergeTests(SeededAppFixture fixture) : IClassFixture<SeededAppFixture>
{
    private const int Moderators = 6;

    [Fact]
    public async Task Simultaneous_merges_then_simultaneous_undos_of_one_pair_each_happen_once_and_restore_every_table()
    {
        var (keep, fold) = await PairAsync();
        var before = await fixture.DumpTablesAsync();

        var merges = await Task.WhenAll(Enumerable.Range(0, Moderators).Select(i => InOwnContextAsync(db =>
            PostMerger.MergeAsync(db, keep, [fold], new Moderator("", $"moderator-{i}"), DateTimeOffset.UtcNow, default))));

        var merge = Assert.Single(merges, m => m.Error is null);
        Assert.All(merges.Where(m => m.Error is not null), m => Assert.Equal($"Post {fold} was already merged into post {keep}.", m.Error));
        await using (var db = fixture.CreateContext())
            Assert.Equal(keep, await db.Posts.Where(p => p.Id == fold).Select(p => p.MergedIntoId).SingleAsync());

        var undos = await Task.WhenAll(Enumerable.Range(0, Moderators).Select(i => InOwnContextAsync(db =>
            ModerationLog.UndoAsync(db, merge.Action!.Id, new Moderator("", $"moderator-{i}"), DateTimeOffset.UtcNow, default))));

        Assert.Single(undos, u => u.Error is null);
        Assert.All(undos.Where(u => u.Error is not null), u => Assert.Equal($"Action {merge.Action!.Id} was already undone.", u.Error));
        Assert.Equal(before, await fixture.DumpTablesAsync());
    }

    [Fact]
    public async Task Merges_and_undos_of_one_pair_racing_leave_no_orphaned_row_and_undo_back_to_the_start()
    {
        var (keep, fold) = await PairAsync();
        var before = await fixture.DumpTablesAsync();
        var moderator = new Moderator("", "racing-moderator");

        for (var round = 0; round < 4; round++)
        {
            var merge = await InOwnContextAsync(db => PostMerger.MergeAsync(db, keep, [fold], moderator, DateTimeOffset.UtcNow, default));
            Assert.Null(merge.Error);
            // An undo of the merge races a second merge of the same pair and another undo.
            var results = await Task.WhenAll(
                InOwnContextAsync(db => ModerationLog.UndoAsync(db, merge.Action!.Id, moderator, DateTimeOffset.UtcNow, default)),
                InOwnContextAsync(db => PostMerger.MergeAsync(db, keep, [fold], moderator, DateTimeOffset.UtcNow, default)),
                InOwnContextAsync(db => ModerationLog.UndoAsync(db, merge.Action!.Id, moderator, DateTimeOffset.UtcNow, default)));
            Assert.Single(new[] { results[0], results[2] }, r => r.Error is null);

            await using var db = fixture.CreateContext();
            // Whatever won, the fold is merged exactly when a merge of it stands un-undone in the log.
            var standing = await db.ModerationActions.Where(a => a.Kind == PostMerger.MergeKind && a.UndoneAt == null && a.PostId == keep).ToListAsync();
            var mergedInto = await db.Posts.Where(p => p.Id == fold).Select(p => p.MergedIntoId).SingleAsync();
            Assert.Equal(standing.Count == 1 ? keep : null, mergedInto);
            Assert.True(standing.Count <= 1, $"{standing.Count} merges of one pair stand");
            foreach (var action in standing)
                Assert.Null((await ModerationLog.UndoAsync(db, action.Id, moderator, DateTimeOffset.UtcNow, default)).Error);
            Assert.Equal(before, await fixture.DumpTablesAsync());
        }
    }

    /// <summary>A reply and its parent's sibling: neither an ancestor of the other, both with rows that point at them.</summary>
    private async Task<(long Keep, long Fold)> PairAsync()
    {
        await using var db = fixture.CreateContext();
        var posts = await db.Posts.AsNoTracking().Where(p => p.MergedIntoId == null && p.ParentId != null)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.ParentId }).ToListAsync();
        var keep = posts[0];
        var fold = posts.First(p => p.ParentId != keep.Id && p.Id != keep.ParentId && p.Id != keep.Id);
        return (keep.Id, fold.Id);
    }

    private async Task<ModerationResult> InOwnContextAsync(Func<Debate.Core.Data.DebateDbContext, Task<ModerationResult>> change)
    {
        await using var db = fixture.CreateContext();
        return await change(db);
    }
}
