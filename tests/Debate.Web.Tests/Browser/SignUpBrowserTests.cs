using Debate.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Debate.Web.Tests.Browser;

public class SignUpBrowserTests(PlainHttpAccountAppFixture fixture) : IClassFixture<PlainHttpAccountAppFixture>
{
    [Fact]
    public async Task A_new_member_signs_up_sees_their_name_in_the_header_and_logs_out()
    {
        var page = await Infrastructure.Browser.NewPageAsync(fixture.ServerAddress);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Register" }).ClickAsync();
        await page.GetByLabel("Username").FillAsync("nadia");
        await page.GetByLabel("Email").FillAsync("nadia@example.org");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AccountAppFixture.Password);
        await page.GetByLabel("Password again").FillAsync(AccountAppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        await Assertions.Expect(page.Locator(".site-header .account-name")).ToHaveTextAsync("nadia");
        await Infrastructure.Browser.ScreenshotAsync(page, "signed-up");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Assertions.Expect(page.Locator(".site-header").GetByRole(AriaRole.Link, new() { Name = "Log in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".site-header .account-name")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
