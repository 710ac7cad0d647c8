using Debate.Core.Accounts;
using Debate.Web.Tests.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;

namespace Debate.Web.Tests.Browser;

/// <summary>A moderator, in the browser: imports the reposted tweets, merges them into the comment, sees their provenance there, and undoes it.</summary>
public class RepostMergeBrowserTests(RepostMergeBrowserTests.Fixture fixture) : IClassFixture<RepostMergeBrowserTests.Fixture>
{
    /// <summary>The test server speaks plain http on a loopback port.</summary>
    public sealed class Fixture : SeededModerationFixture
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } =
            new Dictionary<string, string> { ["Accounts:CookieSecurePolicy"] = "SameAsRequest" };
    }

    [Fact]
    public async Task A_moderator_merges_reposted_tweets_into_the_first_comment_and_unmerges_them()
    {
        var server = fixture.ServerAddress; // Kestrel first: making a user starts the app
        await fixture.CreateUserAsync("browser-moderator", AccountRoles.Moderator);
        long commentId;
        await using (var db = fixture.CreateContext())
            commentId = await db.Posts.Where(p => p.Thread!.Slug == "scheming-ais" && p.ParentId == null).OrderBy(p => p.PostedAt).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var page = await Infrastructure.Browser.NewPageAsync(server);
        await Infrastructure.Browser.LogInAsync(page, "browser-moderator");

        await page.GotoAsync("/moderation/import");
        await page.GetByLabel("Files").SetInputFilesAsync(SeededModerationFixture.RepostedTweets);
        await page.GetByLabel("Thread slug").FillAsync("scheming-ais");
        await page.GetByLabel("Thread title").FillAsync("Scheming AIs");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "review and merge" }).ClickAsync();

        var group = page.Locator($"#container-{commentId}");
        await Assertions.Expect(group.Locator("tr[data-contained]")).ToHaveCountAsync(5);
        await Assertions.Expect(group.Locator("blockquote.matched").First).ToContainTextAsync("I just skimmed the section headers");
        await Infrastructure.Browser.ScreenshotAsync(page, "possible-reposts");
        var beforeMerge = await fixture.DumpTablesAsync();
        await group.GetByRole(AriaRole.Button, new() { Name = "Merge the checked posts into this one" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"into post {commentId}");

        await page.GotoAsync($"/t/scheming-ais/p/{commentId}");
        var comment = page.Locator($"#p{commentId}");
        for (var tweet = 1724950000000000100; tweet < 1724950000000000105; tweet++)
            await Assertions.Expect(comment.Locator($"a.badge[href='https://x.com/QuintinPope5/status/{tweet}']")).ToHaveCountAsync(1);

        await page.GotoAsync("/moderation/log");
        await page.Locator("tbody tr", new() { HasText = "Merged posts" }).GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Undid: Merged posts");
        Assert.Equal(beforeMerge, await fixture.DumpTablesAsync());
        await page.Context.CloseAsync();
    }
}
