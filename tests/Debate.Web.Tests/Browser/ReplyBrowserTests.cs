using System.Text.RegularExpressions;
using Debate.Core.Accounts;
using Debate.Core.Data;
using Debate.Core.Seeding;
using Debate.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Debate.Web.Tests.Browser;

/// <summary>Taking part in the demo thread in Chromium: quoting selections from two posts in one reply, then editing a quoted post.</summary>
public class ReplyBrowserTests(ReplyBrowserTests.Fixture fixture) : IClassFixture<ReplyBrowserTests.Fixture>
{
    private const string Slug = "scheming-ais";

    /// <summary>The demo thread, served over plain http on a loopback port.</summary>
    public sealed class Fixture : AccountAppFixture
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } =
            new Dictionary<string, string> { ["Accounts:CookieSecurePolicy"] = "SameAsRequest" };

        protected override Task PrepareAsync(DebateDbContext db) => DemoSeeder.SeedAsync(db, TimeProvider.System);

        /// <summary>A member who has claimed the imported author <paramref name="authorSlug"/>, as a moderator links them.</summary>
        public async Task CreateMemberWritingAsAsync(string userName, string authorSlug)
        {
            await CreateUserAsync(userName);
            await using var db = CreateContext();
            var result = await AuthorLinks.LinkAsync(db, userName, authorSlug, new Moderator("", "test moderator"), DateTimeOffset.UtcNow, CancellationToken.None);
            if (result.Errors is [var error, ..])
                throw new InvalidOperationException(error.Message);
        }
    }

    /// <summary>
    /// Selects the first <paramref name="words"/> words of the first plain paragraph text of the <paramref name="index"/>th
    /// post on the page (not inside a quote or a link), as a reader dragging over them would; returns the words.
    /// </summary>
    private static Task<string> SelectWordsAsync(IPage page, int index, int words) => page.EvaluateAsync<string>(
        """
        ([index, words]) => {
          // Selecting with the mouse or the caret takes the focus out of any field, as this does.
          document.activeElement?.blur();
          const body = document.querySelectorAll('article.post .post-body')[index];
          const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement.closest('blockquote, a, mark, code')) continue;
            const start = node.data.search(/\S/);
            const match = start < 0 ? null : node.data.slice(start).match(new RegExp(`^(\\S+\\s+){${words - 1}}\\S+`));
            if (!match) continue;
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + match[0].length);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            return match[0];
          }
          throw new Error(`no ${words} plain words in post ${index}`);
        }
        """, new object[] { index, words });

    /// <summary>What the member sees in the window: the demo thread is far taller than a useful full-page shot.</summary>
    private static async Task ViewportScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Infrastructure.Browser.ArtifactsFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Infrastructure.Browser.ArtifactsFolder, name + ".png") });
    }

    [Fact]
    public async Task A_new_member_quotes_two_posts_in_one_reply_and_sees_the_quotes_move_when_a_source_is_edited()
    {
        var page = await Infrastructure.Browser.NewPageAsync(fixture.ServerAddress);

        // Sign up.
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Username").FillAsync("newcomer");
        await page.GetByLabel("Email").FillAsync("newcomer@example.org");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AccountAppFixture.Password);
        await page.GetByLabel("Password again").FillAsync(AccountAppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(page.Locator(".site-header .account-name")).ToHaveTextAsync("newcomer");

        // Select words in the first post: the Quote button appears by them and opens the reply form under that post.
        await page.GotoAsync($"/t/{Slug}");
        var posts = page.Locator("article.post");
        var firstAuthor = await posts.Nth(0).GetAttributeAsync("data-author");
        var secondAuthor = await posts.Nth(1).GetAttributeAsync("data-author");
        var firstAuthorPage = (await posts.Nth(0).Locator(".author a").GetAttributeAsync("href"))!;
        var firstWords = await SelectWordsAsync(page, 0, 6);
        var quoteButton = page.Locator(".quote-bar button", new() { HasTextString = "Quote" });
        await Assertions.Expect(quoteButton).ToBeVisibleAsync();
        await ViewportScreenshotAsync(page, "reply-quote-button");
        await quoteButton.ClickAsync();
        var form = page.Locator("form.reply-form");
        await Assertions.Expect(form).ToBeVisibleAsync();
        await Assertions.Expect(form.Locator(".replying-to")).ToHaveTextAsync(firstAuthor!);

        // The second quote, from another post, with the keyboard: select, then q puts it into the open reply.
        var secondWords = await SelectWordsAsync(page, 1, 5);
        await Assertions.Expect(page.Locator(".quote-bar button", new() { HasTextString = $"Quote in my reply to {firstAuthor}" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("q");
        await Assertions.Expect(form.Locator(".reply-quote")).ToHaveCountAsync(2);

        var textarea = form.Locator("textarea");
        await textarea.PressAsync("End");
        await textarea.PressSequentiallyAsync("Both of these assume **the same** thing.");
        var text = await textarea.InputValueAsync();
        Assert.Contains("> " + firstWords, text, StringComparison.Ordinal);
        Assert.Contains("> " + secondWords, text, StringComparison.Ordinal);

        // Preview, rendered by the server as it will be saved.
        await form.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(form.Locator(".reply-preview blockquote")).ToHaveCountAsync(2);
        await Assertions.Expect(form.Locator(".reply-preview strong")).ToHaveTextAsync("the same");
        await form.Locator(".reply-preview").ScrollIntoViewIfNeededAsync();
        await ViewportScreenshotAsync(page, "reply-preview");

        // Post it: the new post's page shows both quotes, each linked to its exact span.
        await form.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/p/\d+#p\d+$"));
        var replyId = new Regex(@"#p(\d+)$").Match(page.Url).Groups[1].Value;
        var reply = page.Locator($"#p{replyId}");
        var sources = reply.Locator("a.quote-source");
        await Assertions.Expect(sources).ToHaveCountAsync(2);
        await Assertions.Expect(sources.Nth(0)).ToHaveAttributeAsync("data-label", $"Quoting {firstAuthor}");
        await Assertions.Expect(sources.Nth(1)).ToHaveAttributeAsync("data-label", $"Quoting {secondAuthor}");
        await reply.ScrollIntoViewIfNeededAsync();
        await ViewportScreenshotAsync(page, "reply-posted");
        var secondHref = await sources.Nth(1).GetAttributeAsync("href") ?? "";

        // The first source is on the page (the post replied to): following the quote highlights exactly the words quoted.
        await sources.Nth(0).ClickAsync();
        var highlighted = page.Locator("mark.quoted-span.is-highlighted");
        await Assertions.Expect(highlighted.First).ToBeVisibleAsync();
        Assert.Equal(firstWords, string.Concat(await highlighted.AllTextContentsAsync()));
        // The second leads to its post's page, at the words quoted.
        await page.GotoAsync(secondHref);
        var spanId = secondHref[(secondHref.IndexOf('#', StringComparison.Ordinal) + 1)..];
        Assert.Equal(secondWords, string.Concat(await page.Locator($"[data-span='{spanId}']").AllTextContentsAsync()));

        // The author of the first post (a member who claimed that imported author) edits it: the quote has moved.
        await page.Context.CloseAsync();
        await fixture.CreateMemberWritingAsAsync("the-author", firstAuthorPage["/authors/".Length..]);
        var author = await Infrastructure.Browser.NewPageAsync(fixture.ServerAddress);
        await Infrastructure.Browser.LogInAsync(author, "the-author");
        await author.GotoAsync($"/t/{Slug}");
        await author.Locator("article.post").First.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        var body = author.Locator("#edit-body");
        await body.PressAsync("Control+Home");
        await body.PressSequentiallyAsync("Edited to add: a new first paragraph.\n\n");
        await author.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(author.Locator("article.post.focus .edited")).ToContainTextAsync("2 revisions");

        await author.GotoAsync($"/t/{Slug}/p/{replyId}");
        var moved = author.Locator($"#p{replyId} a.quote-source").First;
        await Assertions.Expect(moved).ToHaveAttributeAsync("data-status", "moved");
        await Assertions.Expect(moved).ToHaveAttributeAsync("data-label", $"Quoting {firstAuthor}, revision 1 (moved since)");
        await moved.ScrollIntoViewIfNeededAsync();
        await ViewportScreenshotAsync(author, "reply-quote-moved");

        // Following it still lands on exactly the words quoted, at their new place.
        await moved.ClickAsync();
        var again = author.Locator("mark.quoted-span.is-highlighted");
        await Assertions.Expect(again.First).ToBeVisibleAsync();
        Assert.Equal(firstWords, string.Concat(await again.AllTextContentsAsync()));
        await author.Context.CloseAsync();
    }

    [Fact]
    public async Task A_reply_form_opened_in_place_and_sent_twice_at_once_posts_once_and_the_next_form_posts_again()
    {
        // The server first: the fixture's services come from it once it runs on its port.
        var page = await Infrastructure.Browser.NewPageAsync(fixture.ServerAddress);
        await fixture.CreateUserAsync("hasty");
        await Infrastructure.Browser.LogInAsync(page, "hasty");
        await page.GotoAsync($"/t/{Slug}");
        var replies = page.Locator("article.post .post-body", new() { HasTextString = "Said once, sent twice." });

        for (var opened = 1; opened <= 2; opened++)
        {
            await page.Locator("article.post").Nth(2).Locator("a.reply-link").ClickAsync();
            var form = page.Locator("form.reply-form");
            await form.Locator("textarea").FillAsync("Said once, sent twice.");
            // Two sends of the form as it stands, before either answers: what a double click on a slow connection does.
            var statuses = await form.EvaluateAsync<int[]>(
                """
                form => Promise.all([1, 2].map(() =>
                  fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), redirect: 'manual' })
                    .then(r => r.type === 'opaqueredirect' ? 302 : r.status)))
                """);
            Assert.Equal([302, 302], statuses);
            await page.ReloadAsync();
            // Each opened form posted once: the one opened after the first stored a second reply.
            await Assertions.Expect(replies).ToHaveCountAsync(opened);
        }
        await page.Context.CloseAsync();
    }
}
