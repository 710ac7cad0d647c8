using Debate.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Debate.Web.Tests.Browser;

public class ThreadPageBrowserTests(SeededAppFixture fixture) : IClassFixture<SeededAppFixture>
{
    [Fact]
    public async Task A_reader_sees_the_thread_as_a_nested_tree()
    {
        var page = await Infrastructure.Browser.NewPageAsync(fixture.ServerAddress);

        await page.GotoAsync("/t/scheming-ais");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Scheming AIs: Will AIs fake alignment during training in order to get power?");
        var posts = page.Locator("article.post");
        await Assertions.Expect(posts.First).ToBeVisibleAsync();
        // Each reply sits inside its parent's list item, and so is drawn indented under it.
        var parents = await page.EvaluateAsync<string[][]>("""
            [...document.querySelectorAll('article.post')].slice(0, 3).map(post => [
              post.querySelector('.author').textContent.trim(),
              post.parentElement.parentElement.closest('li.post-item')?.querySelector(':scope > article .author').textContent.trim() ?? ''])
            """);
        Assert.Equal([["Quintin Pope", ""], ["Evan Hubinger", "Quintin Pope"], ["TurnTrout", "Evan Hubinger"]], parents);
        var rootBox = await posts.Nth(0).BoundingBoxAsync();
        var deepestBox = await posts.Nth(2).BoundingBoxAsync();
        Assert.True(deepestBox!.X > rootBox!.X + 20, "a reply to a reply is indented further than the root post");
        await Infrastructure.Browser.ScreenshotAsync(page, "thread-page");
        await page.Context.CloseAsync();
    }
}
