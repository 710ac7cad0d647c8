using System.Text.RegularExpressions;
using Debate.Web.Tests.Infrastructure;
using Debate.Web.Tests.Reading;
using Microsoft.Playwright;
using Xunit;

namespace Debate.Web.Tests.Browser;

/// <summary>Reading a thread in Chromium: following quotes both ways, collapsing, permalinks, keys, accessibility.</summary>
public class ReadingBrowserTests(ReadingAppFixture fixture) : IClassFixture<ReadingAppFixture>
{
    private const string Slug = ReadingAppFixture.Slug;

    private long Id(string key) => fixture.Ids[key];

    private static (int Start, int End) Span(string markdown, string words) => ReadingThread.SpanOf(markdown, words);

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await Infrastructure.Browser.NewPageAsync(fixture.ServerAddress);
        await page.GotoAsync(path);
        return page;
    }

    [Fact]
    public async Task Following_a_quote_scrolls_to_its_source_and_highlights_the_quoted_words()
    {
        var page = await OpenAsync($"/t/{Slug}");
        var (start, end) = Span(ReadingThread.RootBody, ReadingThread.CountingWords);
        var spanId = $"p{Id("a1")}-s{start}-{end}";
        var quote = page.Locator($"#p{Id("a4")} a.quote-source[data-target='{spanId}']");
        await quote.ScrollIntoViewIfNeededAsync();
        var scrolledTo = await page.EvaluateAsync<double>("window.scrollY");

        await quote.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"#{spanId}$"));
        var highlighted = page.Locator("mark.quoted-span.is-highlighted");
        await Assertions.Expect(highlighted.First).ToBeVisibleAsync();
        Assert.Equal(ReadingThread.CountingWords, string.Concat(await highlighted.AllTextContentsAsync()));
        Assert.Equal(1, await page.Locator($"#p{Id("a1")} mark.quoted-span.is-highlighted").CountAsync());
        // The page moved up to the source, and the quoted words stand near the top of the window.
        Assert.True(await page.EvaluateAsync<double>("window.scrollY") < scrolledTo);
        await Infrastructure.Browser.AssertInUpperHalfAsync(page, $"#{spanId}");
        await Infrastructure.Browser.WindowScreenshotAsync(page, "quote-followed");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_address_with_a_bad_escape_after_the_hash_still_gets_the_whole_script()
    {
        // "#100%" cannot be decoded: the script must treat it as naming nothing, and go on setting up (Escape last).
        var page = await Infrastructure.Browser.NewPageAsync(fixture.ServerAddress);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync($"/t/{Slug}#100%");
        var quote = page.Locator($"#p{Id("a2")} a.quote-source");

        await quote.HoverAsync();
        var preview = page.Locator(".quote-preview");
        await Assertions.Expect(preview).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(preview).ToHaveCountAsync(0);
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Hovering_a_quote_previews_its_source_with_the_quoted_words_highlighted()
    {
        var page = await OpenAsync($"/t/{Slug}");
        var quote = page.Locator($"#p{Id("a2")} a.quote-source");

        await quote.HoverAsync();

        var preview = page.Locator(".quote-preview");
        await Assertions.Expect(preview).ToBeVisibleAsync();
        await Assertions.Expect(preview).ToContainTextAsync("Reposting my response on Twitter.");
        await Assertions.Expect(preview.Locator("mark.quoted-span.is-highlighted")).ToHaveTextAsync(ReadingThread.CountingWords);
        await Assertions.Expect(quote).ToHaveAttributeAsync("aria-describedby", "quote-preview");
        // The copy carries no ids, so those of the page stay unique.
        Assert.Equal(0, await preview.Locator("[id]").CountAsync());
        await Infrastructure.Browser.ScreenshotAsync(page, "quote-preview");

        await page.Mouse.MoveAsync(5, 5);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(preview).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_quoted_by_marker_leads_back_to_the_reply_that_quotes_the_words()
    {
        var page = await OpenAsync($"/t/{Slug}");
        var marker = page.Locator($"#p{Id("a2")} a.quoted-by");
        var target = (await marker.GetAttributeAsync("data-target"))!;
        Assert.StartsWith($"p{Id("a4")}-q", target, StringComparison.Ordinal);

        await marker.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"#{target}$"));
        await Assertions.Expect(page.Locator($"#{target}")).ToHaveClassAsync(new Regex("is-highlighted"));
        await Infrastructure.Browser.AssertInUpperHalfAsync(page, $"#{target}");

        // Words quoted by two posts lead to the list of both, under the source.
        var twice = page.Locator($"#p{Id("a1")} a.quoted-by");
        await twice.ClickAsync();
        var list = page.Locator($"#p{Id("a1")} .quoted-by-list li");
        await Assertions.Expect(list).ToHaveClassAsync(new Regex("is-highlighted"));
        await Assertions.Expect(list.Locator("a")).ToHaveTextAsync(["Evan Hubinger", "Joe Carlsmith"]);
        await list.Locator("a", new() { HasText = "Joe Carlsmith" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"#p{Id("a4")}-q\\d+$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_collapsed_subthread_stays_collapsed_after_a_reload()
    {
        var page = await OpenAsync($"/t/{Slug}");
        var replies = page.Locator($"details.replies[data-post-id='{Id("a2")}']");
        var reply = page.Locator($"#p{Id("a3")}");
        await Assertions.Expect(reply).ToBeVisibleAsync();

        await replies.Locator("> summary").ClickAsync();
        await Assertions.Expect(reply).ToBeHiddenAsync();
        await page.ReloadAsync();

        await Assertions.Expect(replies).Not.ToHaveAttributeAsync("open", "");
        await Assertions.Expect(reply).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator($"#p{Id("a4")}")).ToBeVisibleAsync();
        await Infrastructure.Browser.ScreenshotAsync(page, "thread-collapsed");

        await replies.Locator("> summary").ClickAsync();
        await page.ReloadAsync();
        await Assertions.Expect(reply).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_permalink_deep_in_the_tree_opens_at_the_post_with_its_context_above()
    {
        var page = await OpenAsync($"/t/{Slug}/p/{Id("d6")}");

        var focus = page.Locator("article.post.focus");
        await Assertions.Expect(focus).ToBeFocusedAsync();
        Assert.Equal(Id("d6"), long.Parse((await focus.GetAttributeAsync("data-post-id"))!));
        // Scrolled past the context to the post (as far as the page's length allows), which is in view.
        Assert.True(await page.EvaluateAsync<double>("window.scrollY") > 0);
        await Infrastructure.Browser.AssertInUpperHalfAsync(page, "article.post.focus");
        var context = page.Locator(".context-list article.post");
        await Assertions.Expect(context).ToHaveCountAsync(6);
        var lastAncestor = await context.Last.BoundingBoxAsync();
        Assert.True(lastAncestor!.Y < (await focus.BoundingBoxAsync())!.Y);
        await Assertions.Expect(page.Locator($"#p{Id("d7")}")).ToBeVisibleAsync();
        await Infrastructure.Browser.ScreenshotAsync(page, "permalink");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task More_replies_load_in_place_without_opening_another_page()
    {
        var page = await OpenAsync($"/t/{Slug}");
        await page.EvaluateAsync("window.loadedOnce = true");
        var more = page.Locator($"details[data-post-id='{Id("d6")}'] li.more a.more-link");
        await Assertions.Expect(more).ToHaveAttributeAsync("href", $"/t/{Slug}/p/{Id("d6")}");

        await more.ClickAsync();

        var deepest = page.Locator($"#p{Id("d7")}");
        await Assertions.Expect(deepest).ToBeVisibleAsync();
        await Assertions.Expect(deepest).ToBeFocusedAsync();
        await Assertions.Expect(more).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("window.loadedOnce === true"), "the page was not opened again");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task J_and_k_move_the_focus_between_posts_in_reading_order()
    {
        var page = await OpenAsync($"/t/{Slug}");
        var order = await page.EvaluateAsync<long[]>("[...document.querySelectorAll('article.post')].map(a => Number(a.dataset.postId))");

        async Task<long> FocusedAsync() => await page.EvaluateAsync<long>("Number(document.activeElement.dataset.postId ?? -1)");

        await page.Keyboard.PressAsync("j");
        Assert.Equal(order[0], await FocusedAsync());
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        Assert.Equal(order[2], await FocusedAsync());
        await page.Keyboard.PressAsync("k");
        Assert.Equal(order[1], await FocusedAsync());
        await Infrastructure.Browser.AssertInUpperHalfAsync(page, $"#p{order[1]}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("thread", "/t/reading")]
    [InlineData("permalink", "/t/reading/p/{a3}")]
    [InlineData("outline", "/t/reading/outline")]
    [InlineData("map", "/t/reading/map")]
    [InlineData("history", "/t/reading/p/{a2}/history")]
    [InlineData("author", "/authors/quintin-pope")]
    [InlineData("tag", "/tags/counting-argument")]
    public async Task Reading_pages_have_no_serious_or_critical_accessibility_violations(string name, string path)
    {
        var page = await OpenAsync(Regex.Replace(path, @"\{(\w+)\}", m => Id(m.Groups[1].Value).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await Infrastructure.Browser.ScreenshotAsync(page, name);
        await Infrastructure.Browser.WindowScreenshotAsync(page, name + "-window");
        await page.Context.CloseAsync();
    }
}
