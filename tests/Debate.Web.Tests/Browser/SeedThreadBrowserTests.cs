using System.Globalization;
using System.Text.RegularExpressions;
using Debate.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Debate.Web.Tests.Browser;

/// <summary>
/// Reading the demo thread as rebuilt from the scraped page, in Chromium: the real quotes, the edited comment,
/// the reposted tweets and the section mentions of the seed debate, not a thread made for the tests.
/// </summary>
public class SeedThreadBrowserTests(SeededAppFixture fixture) : IClassFixture<SeededAppFixture>
{
    private const string Slug = "scheming-ais";

    private string Id(string key) => fixture.Ids[key].ToString(CultureInfo.InvariantCulture);

    private string[] Ids(string keys) => keys.Split(' ').Select(Id).ToArray();

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await Infrastructure.Browser.NewPageAsync(fixture.ServerAddress);
        await page.GotoAsync(path);
        return page;
    }

    [Fact]
    public async Task Following_TurnTrouts_quote_scrolls_up_to_Evans_words_and_highlights_exactly_them()
    {
        var page = await OpenAsync($"/t/{Slug}");
        var quote = page.Locator($"#p{Id("c3")} a.quote-source").First;
        await Assertions.Expect(quote).ToHaveAttributeAsync("aria-label", "Quoting Evan Hubinger: go to the quoted words");
        var target = (await quote.GetAttributeAsync("data-target"))!;
        Assert.StartsWith($"p{Id("c2")}-s", target, StringComparison.Ordinal);
        await quote.ScrollIntoViewIfNeededAsync();
        await page.Mouse.WheelAsync(0, 300);
        var scrolledTo = await page.EvaluateAsync<double>("window.scrollY");

        await quote.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"#{target}$"));
        var highlighted = page.Locator("mark.quoted-span.is-highlighted");
        await Assertions.Expect(highlighted.First).ToBeVisibleAsync();
        Assert.Equal("The problem is that figuring out how to do well at training is actually quite hard", string.Concat(await highlighted.AllTextContentsAsync()));
        Assert.Equal(await highlighted.CountAsync(), await page.Locator($"#p{Id("c2")} mark.quoted-span.is-highlighted").CountAsync());
        Assert.True(await page.EvaluateAsync<double>("window.scrollY") < scrolledTo, "the page moved up to the source");
        await Infrastructure.Browser.AssertInUpperHalfAsync(page, $"#{target}");
        await Infrastructure.Browser.WindowScreenshotAsync(page, "seed-quote-followed");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_quoted_by_marker_in_Quintins_reposted_tweets_leads_back_to_his_later_reply()
    {
        var page = await OpenAsync($"/t/{Slug}");
        var words = page.Locator($"#p{Id("c1")} mark.quoted-span", new() { HasText = "I don’t think this is how NN simplicity biases work." });
        var marker = page.Locator($"#p{Id("c1")} mark.quoted-span:has-text('I don’t think this is how NN simplicity biases work.') + a.quoted-by");
        await Assertions.Expect(words).ToHaveCountAsync(1);
        await Assertions.Expect(marker).ToHaveAttributeAsync("data-label", "quoted by 1");
        await Assertions.Expect(marker).ToHaveAttributeAsync("aria-label", "Quoted by 1 post: Quintin Pope");
        var target = (await marker.GetAttributeAsync("data-target"))!;
        Assert.StartsWith($"p{Id("c16")}-q", target, StringComparison.Ordinal);

        await marker.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"#{target}$"));
        var quote = page.Locator($"#{target}");
        await Assertions.Expect(quote).ToHaveClassAsync(new Regex("is-highlighted"));
        Assert.Equal(Id("c16"), await quote.EvaluateAsync<string>("a => a.closest('article').dataset.postId"));
        await Infrastructure.Browser.AssertInUpperHalfAsync(page, $"#{target}");
        await Infrastructure.Browser.WindowScreenshotAsync(page, "seed-quoted-by-followed");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_permalink_deep_in_the_argument_shows_the_seven_comments_above_it_and_its_replies()
    {
        var page = await OpenAsync($"/t/{Slug}/p/{Id("c8")}");

        var focus = page.Locator("article.post.focus");
        await Assertions.Expect(focus).ToBeFocusedAsync();
        await Assertions.Expect(focus).ToHaveAttributeAsync("data-post-id", Id("c8"));
        await Assertions.Expect(focus).ToContainTextAsync("I am very confused now what you believe.");
        var context = page.Locator(".context-list article.post");
        Assert.Equal(
            Ids("c1 c2 c3 c4 c5 c6 c7").ToArray(),
            await context.EvaluateAllAsync<string[]>("posts => posts.map(p => p.dataset.postId)"));
        await Assertions.Expect(context.Locator(".author")).ToHaveTextAsync(
            ["Quintin Pope", "Evan Hubinger", "TurnTrout", "Evan Hubinger", "TurnTrout", "Evan Hubinger", "TurnTrout"]);
        var subtree = page.Locator("section.posts details.replies article.post");
        Assert.Equal(
            Ids("c9 c10 c11 c12 c13").Order().ToArray(),
            (await subtree.EvaluateAllAsync<string[]>("posts => posts.map(p => p.dataset.postId)")).Order().ToArray());
        await Assertions.Expect(page.Locator($"#p{Id("c13")}")).ToBeVisibleAsync();
        await Infrastructure.Browser.AssertInUpperHalfAsync(page, "article.post.focus");
        await Infrastructure.Browser.WindowScreenshotAsync(page, "seed-permalink-window");
        await Infrastructure.Browser.ScreenshotAsync(page, "seed-permalink");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Collapsing_the_answers_to_TurnTrouts_first_objection_survives_a_reload()
    {
        var page = await OpenAsync($"/t/{Slug}");
        var replies = page.Locator($"details.replies[data-post-id='{Id("c3")}']");
        var hidden = page.Locator($"#p{Id("c15")}");
        await Assertions.Expect(hidden).ToBeVisibleAsync();

        await replies.Locator("> summary").ClickAsync();
        await Assertions.Expect(hidden).ToBeHiddenAsync();
        // The browser fires 'toggle', which remembers the collapse, a moment after the click: reload once it has.
        await page.WaitForFunctionAsync($"() => Object.values(localStorage).some(v => v.includes('\"{Id("c3")}\"'))");
        await page.ReloadAsync();

        await Assertions.Expect(replies).Not.ToHaveAttributeAsync("open", "");
        await Assertions.Expect(hidden).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator($"#p{Id("c4")}")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator($"#p{Id("c3")}")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#p{Id("c16")}")).ToBeVisibleAsync();
        await replies.ScrollIntoViewIfNeededAsync();
        await Infrastructure.Browser.WindowScreenshotAsync(page, "seed-collapsed");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Joe_Carlsmiths_mention_of_section_4_4_links_to_the_outline_and_the_podcast_at_that_section()
    {
        var page = await OpenAsync($"/t/{Slug}");
        var mention = page.Locator($"#p{Id("c15")} a.section-ref", new() { HasText = "Section 4.4" });
        await Assertions.Expect(mention).ToHaveTextAsync("Section 4.4");
        var audio = page.Locator($"#{await mention.GetAttributeAsync("id")} + a.section-audio");
        var audioHref = (await audio.GetAttributeAsync("href"))!;
        Assert.StartsWith("https://joecarlsmithaudio.buzzsprout.com/2034731/13980105-", audioHref, StringComparison.Ordinal);
        var at = (await audio.GetAttributeAsync("data-label"))!;
        Assert.Matches(@"^▶ \d\d:\d\d:\d\d$", at);
        Assert.EndsWith("#t=" + TimeSpan.Parse(at[2..], CultureInfo.InvariantCulture).TotalSeconds.ToString(CultureInfo.InvariantCulture), audioHref, StringComparison.Ordinal);
        await mention.ScrollIntoViewIfNeededAsync();
        await Infrastructure.Browser.WindowScreenshotAsync(page, "seed-section-mention");

        await mention.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/t/{Slug}/outline#"));
        var section = page.Locator(":target");
        await Assertions.Expect(section).ToContainTextAsync("4.4");
        await Assertions.Expect(section).ToContainTextAsync("Speed");
        await Assertions.Expect(section).ToContainTextAsync(at[2..]);
        await Assertions.Expect(section.Locator($"a[href*='/p/{Id("c15")}']")).ToHaveCountAsync(1);
        await Assertions.Expect(section.Locator($"a[href*='/p/{Id("c18")}']")).ToHaveCountAsync(1);
        await Infrastructure.Browser.WindowScreenshotAsync(page, "seed-outline-section");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Evans_edited_comment_shows_its_diff_and_Quintins_quote_of_the_first_wording_links_to_revision_1()
    {
        var page = await OpenAsync($"/t/{Slug}");
        var edited = page.Locator($"#p{Id("c2")} a.edited");
        await Assertions.Expect(edited).ToHaveTextAsync("edited · 2 revisions");
        var quote = page.Locator($"#p{Id("c16")} a.quote-source", new() { HasText = "" }).First;
        await Assertions.Expect(quote).ToHaveAttributeAsync("aria-label", "Quoting Evan Hubinger, revision 1 (edited away since): see that revision, where the quoted words stand");
        await quote.ScrollIntoViewIfNeededAsync();
        await Infrastructure.Browser.WindowScreenshotAsync(page, "seed-quote-of-revision-1");

        await quote.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/t/{Slug}/p/{Id("c2")}/history#"));
        var words = page.Locator("#r1 .is-highlighted");
        await Assertions.Expect(words.First).ToBeVisibleAsync();
        Assert.Equal(
            "I really don’t like that you’ve taken this discussion to Twitter. I think Twitter is really a much worse forum for talking about complex issues like this than LW/AF.",
            string.Concat(await words.AllTextContentsAsync()));
        var diff = page.Locator("#r2 .diff");
        await Assertions.Expect(diff.Locator("del")).ToHaveTextAsync(["that you’ve taken this discussion to Twitter"]);
        await Assertions.Expect(diff.Locator("ins")).ToHaveTextAsync(["all this discussion happening on Twitter, and I appreciate that you took the time to move this back to LW/AF instead"]);
        await Infrastructure.Browser.ScreenshotAsync(page, "seed-history");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Quintins_reposted_tweets_are_marked_as_coming_from_Twitter()
    {
        var page = await OpenAsync($"/t/{Slug}");
        var post = page.Locator($"#p{Id("c1")}");

        // One badge counts the tweets the comment reposts, instead of a row of 26 alike (one per reposted tweet, seed-002-truth.json).
        var badges = post.Locator(".post-header .badge");
        await Assertions.Expect(badges).ToHaveTextAsync(["LessWrong", "Twitter/X ×26"]);
        await Assertions.Expect(badges.Last).ToHaveClassAsync(new Regex("platform-twitter"));
        await Assertions.Expect(badges.Last).ToHaveAttributeAsync("title", "26 parts of this post were first published on Twitter/X");
        await Assertions.Expect(page.Locator($"#p{Id("c2")} .post-header .badge")).ToHaveTextAsync(["LessWrong"]);
        await post.ScrollIntoViewIfNeededAsync();
        await Infrastructure.Browser.WindowScreenshotAsync(page, "seed-reposted-tweets");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("seed-thread", "/t/scheming-ais")]
    [InlineData("seed-permalink", "/t/scheming-ais/p/{c13}")]
    [InlineData("seed-map", "/t/scheming-ais/map")]
    [InlineData("seed-outline", "/t/scheming-ais/outline")]
    [InlineData("seed-history", "/t/scheming-ais/p/{c2}/history")]
    public async Task Seed_thread_pages_have_no_serious_or_critical_accessibility_violations(string name, string path)
    {
        var page = await OpenAsync(Regex.Replace(path, @"\{(\w+)\}", m => Id(m.Groups[1].Value)));

        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await Infrastructure.Browser.ScreenshotAsync(page, name + "-full");
        await Infrastructure.Browser.WindowScreenshotAsync(page, name + "-window");
        await page.Context.CloseAsync();
    }
}
