using System.Net;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Accounts;

public class SignInTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    private static Dictionary<string, string> Login(string userName, string password) => new()
    {
        ["Input.UserName"] = userName,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task A_member_logs_in_sees_their_name_and_logs_out_with_a_post()
    {
        await fixture.CreateUserAsync("grace");
        var client = fixture.App.CreateBrowserLikeClient();

        using var login = await client.SubmitAsync("/account/login", Login("grace", AccountAppFixture.Password));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var home = await client.GetDocumentAsync("/");
        Assert.Equal("grace", home.QuerySelector(".account-name")!.TextContent.Trim());

        using var logout = await client.SubmitAsync("/", new Dictionary<string, string>(), ".account-nav form");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var after = await client.GetDocumentAsync("/");
        Assert.Null(after.QuerySelector(".account-name"));
        Assert.NotNull(after.QuerySelector(".account-nav a[href='/account/login']"));
    }

    [Theory]
    [InlineData("hedy", "%2Faccount%2Fpassword", "/account/password")]
    [InlineData("ida", "https%3A%2F%2Fevil.example%2F", "/")]
    public async Task Logging_in_by_email_follows_a_return_address_on_this_site_only(string userName, string returnUrl, string expected)
    {
        await fixture.CreateUserAsync(userName);
        var client = fixture.App.CreateBrowserLikeClient();

        using var response = await client.SubmitAsync($"/account/login?ReturnUrl={returnUrl}", Login($"{userName}@example.org", AccountAppFixture.Password));

        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    private const string TooManyFromHere = "Too many wrong passwords for this account from your address. Try again in 15 minutes.";

    private async Task<(int Failed, DateTimeOffset? LockedUntil)> LockoutAsync(string userName)
    {
        await using var db = fixture.CreateContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => new ValueTuple<int, DateTimeOffset?>(u.AccessFailedCount, u.LockoutEnd)).SingleAsync();
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_address_stop_that_address_even_with_the_right_one_but_leave_the_account_open()
    {
        await fixture.CreateUserAsync("joan");
        var client = fixture.App.CreateBrowserLikeClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await client.SubmitAsync("/account/login", Login("joan", $"Wrong-password-{attempt}"));
            Assert.Equal("Wrong username or password.", (await wrong.ReadDocumentAsync()).QuerySelector(".form-errors li")!.TextContent);
        }
        using var fifth = await client.SubmitAsync("/account/login", Login("joan", "Wrong-password-5"));
        using var right = await client.SubmitAsync("/account/login", Login("joan", AccountAppFixture.Password));

        Assert.Equal(TooManyFromHere, (await fifth.ReadDocumentAsync()).QuerySelector(".form-errors li")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var page = await right.ReadDocumentAsync();
        Assert.Equal(TooManyFromHere, page.QuerySelector(".form-errors li")!.TextContent);
        Assert.Equal("joan", page.QuerySelector("#Input_UserName")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#Input_Password")!.GetAttribute("value"));
        // The account itself is not locked: someone who knows a name cannot keep its owner out from their own address.
        Assert.Equal((5, (DateTimeOffset?)null), await LockoutAsync("joan"));
    }

    [Fact]
    public async Task Fifty_wrong_passwords_from_anywhere_lock_the_account_itself()
    {
        await fixture.CreateUserAsync("katherine");
        // 49 wrong passwords already came from other addresses.
        await using (var db = fixture.CreateContext())
            await db.Users.Where(u => u.UserName == "katherine").ExecuteUpdateAsync(set => set.SetProperty(u => u.AccessFailedCount, 49));
        var client = fixture.App.CreateBrowserLikeClient();

        using var fiftieth = await client.SubmitAsync("/account/login", Login("katherine", "Wrong-password-50"));
        using var right = await client.SubmitAsync("/account/login", Login("katherine", AccountAppFixture.Password));

        const string locked = "This account is locked after 50 wrong passwords. Try again in 15 minutes.";
        Assert.Equal(locked, (await fiftieth.ReadDocumentAsync()).QuerySelector(".form-errors li")!.TextContent);
        Assert.Equal(locked, (await right.ReadDocumentAsync()).QuerySelector(".form-errors li")!.TextContent);
        Assert.NotNull((await LockoutAsync("katherine")).LockedUntil);
    }

    [Fact]
    public async Task A_name_nobody_has_is_stopped_after_five_tries_like_a_real_one()
    {
        var client = fixture.App.CreateBrowserLikeClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await client.SubmitAsync("/account/login", Login("no-such-member", $"Wrong-password-{attempt}"));
            Assert.Equal("Wrong username or password.", (await wrong.ReadDocumentAsync()).QuerySelector(".form-errors li")!.TextContent);
        }
        using var fifth = await client.SubmitAsync("/account/login", Login("no-such-member", "Wrong-password-5"));

        Assert.Equal(TooManyFromHere, (await fifth.ReadDocumentAsync()).QuerySelector(".form-errors li")!.TextContent);
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        var client = fixture.App.CreateBrowserLikeClient();

        using var response = await client.SubmitAsync("/account/login", Login("nobody-here", "Whatever-password-1"));

        Assert.Equal("Wrong username or password.", (await response.ReadDocumentAsync()).QuerySelector(".form-errors li")!.TextContent);
    }

    [Fact]
    public async Task After_changing_the_password_the_new_one_lets_the_member_in_and_the_old_one_does_not()
    {
        var client = await fixture.LoggedInClientAsync("karen");
        const string newPassword = "Another-passphrase-77";

        using var change = await client.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = AccountAppFixture.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmNewPassword"] = newPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        var confirmation = await client.GetDocumentAsync("/account/password");
        Assert.Equal("Your password was changed.", confirmation.QuerySelector(".status")!.TextContent);

        var fresh = fixture.App.CreateBrowserLikeClient();
        using var old = await fresh.SubmitAsync("/account/login", Login("karen", AccountAppFixture.Password));
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        using var renewed = await fresh.SubmitAsync("/account/login", Login("karen", newPassword));
        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
    }

    [Fact]
    public async Task A_wrong_current_password_is_named_beside_its_field()
    {
        var client = await fixture.LoggedInClientAsync("lise");

        using var response = await client.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Not-the-password-1",
            ["Input.NewPassword"] = "Another-passphrase-77",
            ["Input.ConfirmNewPassword"] = "Another-passphrase-77",
        });

        var page = await response.ReadDocumentAsync();
        Assert.Equal("That is not your current password.", page.QuerySelector("#current-error")!.TextContent);
    }

    [Fact]
    public async Task Changing_the_password_needs_a_login()
    {
        using var response = await fixture.App.CreateBrowserLikeClient().GetAsync("/account/password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
