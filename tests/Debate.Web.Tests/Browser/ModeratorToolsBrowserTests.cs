using Debate.Core.Accounts;
using Debate.Web.Tests.Moderation;
using Microsoft.Playwright;
using Xunit;

namespace Debate.Web.Tests.Browser;

/// <summary>A moderator, in Chromium, locks a thread and hides a post; a member, in another browser, sees the Reply links gone and the post hidden.</summary>
public class ModeratorToolsBrowserTests(ModeratorToolsBrowserTests.Fixture fixture) : IClassFixture<ModeratorToolsBrowserTests.Fixture>
{
    /// <summary>The test server speaks plain http on a loopback port.</summary>
    public sealed class Fixture : ModeratorToolsFixture
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } =
            new Dictionary<string, string> { ["Accounts:CookieSecurePolicy"] = "SameAsRequest" };

        protected override bool ServesBrowsers => true;
    }

    private async Task<IPage> LogInAsync(string userName, string role)
    {
        await fixture.CreateUserAsync(userName, role);
        var page = await Infrastructure.Browser.NewPageAsync(fixture.ServerAddress);
        await Infrastructure.Browser.LogInAsync(page, userName);
        return page;
    }

    [Fact]
    public async Task A_moderator_locks_a_thread_and_hides_a_post_and_a_member_sees_both()
    {
        var moderator = await LogInAsync("browser-moderator", AccountRoles.Moderator);
        var member = await LogInAsync("browser-member", AccountRoles.Member);
        var hidden = fixture.Ids[("tools-lock", "a2")];

        await member.GotoAsync("/t/tools-lock");
        await Assertions.Expect(member.Locator("a.reply-link").First).ToBeVisibleAsync();

        await moderator.GotoAsync("/t/tools-lock");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Lock thread" }).ClickAsync();
        await Assertions.Expect(moderator.Locator(".thread-header .locked")).ToHaveTextAsync("Locked");
        await moderator.Locator($"#p{hidden}").GetByRole(AriaRole.Button, new() { Name = "Hide" }).ClickAsync();
        await Assertions.Expect(moderator.Locator($"article.hidden-post#p{hidden} button.unhide-button")).ToBeVisibleAsync();
        await Infrastructure.Browser.ScreenshotAsync(moderator, "moderator-locked-thread-hidden-post");

        await member.ReloadAsync();
        await Assertions.Expect(member.Locator(".thread-header .locked")).ToHaveTextAsync("Locked");
        await Assertions.Expect(member.Locator("a.reply-link")).ToHaveCountAsync(0);
        await Assertions.Expect(member.Locator("a.new-post")).ToHaveCountAsync(0);
        await Assertions.Expect(member.Locator($"#p{hidden} .post-body")).ToHaveTextAsync("This post was hidden by a moderator.");
        await Assertions.Expect(member.Locator($"#p{fixture.Ids[("tools-lock", "a3")]} .post-body")).ToContainTextAsync("it was a repost");

        await moderator.Context.CloseAsync();
        await member.Context.CloseAsync();
    }
}
