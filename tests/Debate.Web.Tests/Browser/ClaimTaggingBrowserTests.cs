using Debate.Core.Accounts;
using Debate.Web.Tests.Claims;
using Debate.Web.Tests.Infrastructure;
using Debate.Web.Tests.Reading;
using Microsoft.Playwright;
using Xunit;

namespace Debate.Web.Tests.Browser;

public class ClaimTaggingBrowserTests(ClaimsAppFixture fixture) : IClassFixture<ClaimsAppFixture>
{
    private const string Words = "image generators draw llamas in their early layers";

    [Fact]
    public async Task A_moderator_selects_words_in_a_post_tags_them_by_keyboard_and_finds_them_on_the_tag_page()
    {
        // The app must listen on its port before anything else starts it.
        var address = fixture.ServerAddress;
        await fixture.CreateUserAsync("selector", AccountRoles.Moderator);
        var page = await Infrastructure.Browser.NewPageAsync(address);
        await Infrastructure.Browser.LogInAsync(page, "selector");
        var postId = fixture.Ids["a1"];
        await page.GotoAsync($"/t/{ClaimsAppFixture.Slug}/p/{postId}");

        // Select the words as a reader's drag would.
        await page.EvaluateAsync("""
            ([id, words]) => {
              const body = document.querySelector(`#p${id} .post-body`);
              const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(words);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + words.length);
                const selection = document.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                return;
              }
              throw new Error('words not found');
            }
            """, new object[] { postId, Words });
        var offer = page.Locator($"#p{postId} .claim-offer-link");
        await Assertions.Expect(offer).ToContainTextAsync("Tag “image generators draw llamas");
        await offer.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByLabel("Words to tag")).ToHaveValueAsync(Words);
        await page.GetByLabel("Tag", new() { Exact = true }).FillAsync("llama-layers");
        await page.GetByLabel("Statement (for a new tag)").FillAsync("Early layers draw whatever the prompt asks for.");
        await page.GetByRole(AriaRole.Radio, new() { Name = "opposes" }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "opposes" }).PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tag claim" }).PressAsync("Enter");

        await Assertions.Expect(page.Locator(".status")).ToContainTextAsync("Tagged");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Infrastructure.Browser.ScreenshotAsync(page, "claim-tagged");
        await page.GotoAsync("/tags/llama-layers");
        var span = page.Locator(".tagged-span");
        await Assertions.Expect(span.Locator("mark")).ToHaveTextAsync(Words);
        await Assertions.Expect(span.Locator(".stance")).ToHaveTextAsync("opposes");
        await Assertions.Expect(page.Locator(".stance-count[data-stance=opposes]")).ToHaveTextAsync("1");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
