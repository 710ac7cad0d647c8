using Debate.Core.Accounts;
using Debate.Core.Interchange;
using Debate.Core.Interchange.Platforms;
using Debate.Core.Moderation;
using Debate.Core.Seeding;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Moderation;

/// <summary>
/// Merging any two posts and undoing it gives back the whole database: every table, every row, every column.
/// The pairs are drawn at random (a fixed seed, so a failure can be replayed) from the demo thread, whose posts
/// have replies, quotes both ways, claim tags and provenance spans, and from tweets imported into another thread.
/// </summary>
public class MergeUnmergePropertyTests(MergeUnmergePropertyTests.Fixture fixture) : IClassFixture<MergeUnmergePropertyTests.Fixture>
{
    public sealed class Fixture : DatabaseFixture
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using var db = CreateContext();
            await DemoSeeder.SeedAsync(db, TimeProvider.System);
            var tweets = ImportFormats.Read(
                new ExportFile("reposted-tweets.json", await File.ReadAllBytesAsync(SeededModerationFixture.RepostedTweets)),
                ImportFormat.XApiV2, new PlatformImportOptions { Slug = "tweets", Title = "Tweets", Clock = TimeProvider.System });
            await new ThreadImporter(db, TimeProvider.System).ImportAsync(tweets, "reposted-tweets.json");
        }
    }

    private static readonly Moderator Actor = new("", "property-test");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Merging_random_posts_then_undoing_restores_every_table(int seed)
    {
        var random = new Random(seed);
        await using var db = fixture.CreateContext();
        var posts = await db.Posts.AsNoTracking().Where(p => p.MergedIntoId == null).Select(p => new { p.Id, Path = p.Path.ToString() }).ToListAsync();
        var merged = 0;
        for (var round = 0; round < 8; round++)
        {
            var keep = posts[random.Next(posts.Count)];
            // One to three posts folded at once, as a thread of tweets is; none an ancestor of the kept post.
            var folds = Enumerable.Range(0, random.Next(1, 4)).Select(_ => posts[random.Next(posts.Count)])
                .Where(f => f.Id != keep.Id && !keep.Path.Split('.').Contains(f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Select(f => f.Id).Distinct().ToList();
            if (folds.Count == 0)
                continue;
            var before = await fixture.DumpTablesAsync();

            var merge = await PostMerger.MergeAsync(db, keep.Id, folds, Actor, DateTimeOffset.UtcNow, default);
            Assert.True(merge.Error is null, merge.Error);
            Assert.NotEqual(before, await fixture.DumpTablesAsync());
            var undo = await ModerationLog.UndoAsync(db, merge.Action!.Id, Actor, DateTimeOffset.UtcNow, default);
            Assert.True(undo.Error is null, undo.Error);

            Assert.Equal(before, await fixture.DumpTablesAsync());
            merged++;
        }
        Assert.True(merged >= 4, $"only {merged} rounds drew a pair to merge");
    }

    [Fact]
    public async Task A_merged_post_cannot_be_merged_again_and_an_undone_merge_cannot_be_undone_twice()
    {
        await using var db = fixture.CreateContext();
        var reply = await db.Posts.AsNoTracking().Where(p => p.ParentId != null && p.MergedIntoId == null).OrderBy(p => p.Id).FirstAsync();
        var merge = await PostMerger.MergeAsync(db, reply.ParentId!.Value, [reply.Id], Actor, DateTimeOffset.UtcNow, default);
        Assert.Null(merge.Error);

        var again = await PostMerger.MergeAsync(db, reply.ParentId!.Value, [reply.Id], Actor, DateTimeOffset.UtcNow, default);
        Assert.Equal($"Post {reply.Id} was already merged into post {reply.ParentId}.", again.Error);
        Assert.Null((await ModerationLog.UndoAsync(db, merge.Action!.Id, Actor, DateTimeOffset.UtcNow, default)).Error);
        Assert.Equal($"Action {merge.Action.Id} was already undone.", (await ModerationLog.UndoAsync(db, merge.Action.Id, Actor, DateTimeOffset.UtcNow, default)).Error);
        var ancestor = await PostMerger.MergeAsync(db, reply.Id, [reply.ParentId.Value], Actor, DateTimeOffset.UtcNow, default);
        Assert.Contains("is an ancestor of", ancestor.Error, StringComparison.Ordinal);
    }
}
