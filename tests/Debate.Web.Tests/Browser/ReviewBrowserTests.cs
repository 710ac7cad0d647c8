using Debate.Core.Accounts;
using Debate.Core.Model;
using Debate.Core.Rebuilding;
using Debate.Core.Reconstruction;
using Debate.Web.Tests.Moderation.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;

namespace Debate.Web.Tests.Browser;

/// <summary>A moderator, in the browser, reviews a draft rebuilt from the seed page: a split, an author, an undo, then publishing.</summary>
public class ReviewBrowserTests(ReviewBrowserTests.Fixture fixture) : IClassFixture<ReviewBrowserTests.Fixture>
{
    /// <summary>The test server speaks plain http on a loopback port.</summary>
    public sealed class Fixture : ReviewFixture
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } =
            new Dictionary<string, string> { ["Accounts:CookieSecurePolicy"] = "SameAsRequest" };
    }

    [Fact]
    public async Task A_moderator_splits_assigns_an_author_undoes_and_publishes()
    {
        var server = fixture.ServerAddress;
        await fixture.CreateUserAsync("review-moderator", AccountRoles.Moderator);
        await fixture.ImportDraftAsync("browser-draft");
        var proposal = ReviewedPage.From(PageReconstructor.Reconstruct(await File.ReadAllTextAsync(ReviewFixture.SeedPage)));
        var comment = proposal.Comments.First(c => c.Lines.Count(l => proposal.Line(l).Role == LineRoles.Own) >= 2);
        var splitAt = comment.Lines.Where(l => proposal.Line(l).Role == LineRoles.Own).ElementAt(1);
        var page = await Infrastructure.Browser.NewPageAsync(server);
        await Infrastructure.Browser.LogInAsync(page, "review-moderator");

        await page.GotoAsync("/moderation/review/browser-draft");
        var comments = page.Locator("article.review-comment");
        await Assertions.Expect(comments).ToHaveCountAsync(proposal.Comments.Count);

        await page.Locator("#step-split").GetByLabel("Line").FillAsync($"{splitAt}");
        await page.Locator("#step-split").GetByRole(AriaRole.Button, new() { Name = "Split" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"split at line {splitAt}");
        await Assertions.Expect(comments).ToHaveCountAsync(proposal.Comments.Count + 1);

        var split = page.Locator($"article.review-comment:has(#line-in-comment-{splitAt})");
        await page.Locator("#step-author").GetByLabel("The comment holding line").FillAsync($"{splitAt}");
        await page.Locator("#step-author").GetByLabel("is by (author id)").FillAsync("turntrout");
        await page.Locator("#step-author").GetByRole(AriaRole.Button, new() { Name = "Assign author" }).ClickAsync();
        await Assertions.Expect(split.Locator(".review-author")).ToHaveTextAsync("TurnTrout");

        await page.GetByRole(AriaRole.Button, new() { Name = "Undo last step" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("undid step 2");
        await Assertions.Expect(split.Locator(".review-author")).ToHaveTextAsync("unknown");
        await Assertions.Expect(comments).ToHaveCountAsync(proposal.Comments.Count + 1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Published \"browser-draft\" after 1 review steps");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the published thread" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/t/browser-draft$"));

        await using var db = fixture.CreateContext();
        Assert.Equal(ThreadStatus.Published, (await db.Threads.SingleAsync(t => t.Slug == "browser-draft")).Status);
        Assert.Equal(proposal.Comments.Count + 1, await db.Posts.CountAsync(p => p.Thread!.Slug == "browser-draft"));
    }
}
