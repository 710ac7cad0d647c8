using System.Text.RegularExpressions;
using Debate.Web.Tests.Infrastructure;
using Debate.Web.Tests.Search;
using Microsoft.Playwright;
using Xunit;

namespace Debate.Web.Tests.Browser;

/// <summary>Searching in Chromium: the header form, highlighted results, and following one to the words in its post.</summary>
public class SearchBrowserTests(SearchAppFixture fixture) : IClassFixture<SearchAppFixture>
{
    [Fact]
    public async Task Searching_from_the_header_shows_highlighted_results_that_lead_to_the_words_in_the_post()
    {
        var page = await Infrastructure.Browser.NewPageAsync(fixture.ServerAddress);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search posts, threads and sections" }).FillAsync("implausible systems");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=implausible\+systems$"));
        var hit = page.Locator("li.search-hit");
        await Assertions.Expect(hit).ToHaveCountAsync(1);
        await Assertions.Expect(hit.Locator(".snippet mark")).ToHaveTextAsync(["implausible", "systems"]);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Infrastructure.Browser.ScreenshotAsync(page, "search-results");

        await hit.Locator("a.hit-link").ClickAsync();

        var postId = fixture.Ids["own"];
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/t/{SearchThread.Slug}/p/{postId}\?hl=implausible(%20|\+)systems#p{postId}$"));
        var marked = page.Locator($"#p{postId} .post-body mark.search-term");
        await Assertions.Expect(marked).ToHaveTextAsync(["implausible", "systems"]);
        await Assertions.Expect(marked.First).ToBeInViewportAsync();
        // Only the post followed is marked, not the others on its page.
        Assert.Equal(2, await page.Locator("mark.search-term").CountAsync());
        await Infrastructure.Browser.ScreenshotAsync(page, "search-followed");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_quoted_passage_shows_once_with_its_quoting_replies_behind_a_count()
    {
        var page = await Infrastructure.Browser.NewPageAsync(fixture.ServerAddress);
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("\"steers its own training\""));

        var hit = page.Locator("li.search-hit");
        await Assertions.Expect(hit).ToHaveCountAsync(1);
        await hit.Locator("summary", new() { HasText = "quoted 5 times" }).ClickAsync();
        await Assertions.Expect(hit.Locator(".quoted-by-hits li a")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#search-q")).ToHaveValueAsync("\"steers its own training\"");
        await page.Context.CloseAsync();
    }
}
