using System.Net;
using Debate.Core.Accounts;
using Debate.Core.Model;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Accounts;

public class RegistrationTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    private static Dictionary<string, string> Form(string userName, string email, string password, string? confirm = null) => new()
    {
        ["Input.UserName"] = userName,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
    };

    [Fact]
    public async Task Registering_makes_a_member_who_writes_as_an_author_of_their_own_and_is_logged_in()
    {
        var client = fixture.App.CreateBrowserLikeClient();

        using var response = await client.SubmitAsync("/account/register", Form("Ada_Lovelace", "ada@example.org", AccountAppFixture.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        await using var db = fixture.CreateContext();
        var user = await db.Users.Include(u => u.Author).SingleAsync(u => u.UserName == "Ada_Lovelace");
        Assert.Equal("ada-lovelace", user.Author!.Slug);
        Assert.Equal("Ada_Lovelace", user.Author.DisplayName);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Select(r => r.RoleId).ToListAsync();
        Assert.Equal([AccountRoles.Member], roles);
        var home = await client.GetDocumentAsync("/");
        Assert.Equal("Ada_Lovelace", home.QuerySelector(".account-name")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_member_whose_name_an_imported_author_already_has_gets_a_numbered_author()
    {
        await using (var db = fixture.CreateContext())
        {
            db.Authors.Add(new Author { Slug = "gwern", DisplayName = "Gwern", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var client = fixture.App.CreateBrowserLikeClient();

        using var response = await client.SubmitAsync("/account/register", Form("Gwern", "gwern@example.org", AccountAppFixture.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = fixture.CreateContext();
        var user = await check.Users.Include(u => u.Author).SingleAsync(u => u.UserName == "Gwern");
        Assert.Equal("gwern-2", user.Author!.Slug);
    }

    [Fact]
    public async Task A_rejected_form_keeps_what_was_typed_except_the_passwords_and_says_why_beside_each_field()
    {
        var client = fixture.App.CreateBrowserLikeClient();

        using var response = await client.SubmitAsync("/account/register", Form("x", "not-an-email", "short", "different"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("x", page.QuerySelector("#Input_UserName")!.GetAttribute("value"));
        Assert.Equal("not-an-email", page.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#Input_Password")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#Input_ConfirmPassword")!.GetAttribute("value"));
        Assert.Contains("3 to 32 characters", page.QuerySelector("#username-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("This is not an email address.", page.QuerySelector("#email-error")!.TextContent);
        Assert.Contains("12 to 128 characters", page.QuerySelector("#password-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("The two passwords differ.", page.QuerySelector("#confirm-error")!.TextContent);
        await using var db = fixture.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "not-an-email"));
    }

    [Fact]
    public async Task Identity_refusals_appear_beside_their_field_and_nothing_is_created()
    {
        await fixture.CreateUserAsync("taken");
        var client = fixture.App.CreateBrowserLikeClient();
        var authorsBefore = await CountAuthorsAsync();

        using var response = await client.SubmitAsync("/account/register", Form("taken", "someone-else@example.org", "alllowercase-no-digits"));

        var page = await response.ReadDocumentAsync();
        Assert.Contains("'taken' is already taken", page.QuerySelector("#username-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("uppercase", page.QuerySelector("#password-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(authorsBefore, await CountAuthorsAsync());
    }

    [Fact]
    public async Task The_form_states_the_password_rules()
    {
        var page = await fixture.App.CreateBrowserLikeClient().GetDocumentAsync("/account/register");

        Assert.Equal(AccountRules.PasswordDescription, page.QuerySelector("#password-rules")!.TextContent.Trim());
    }

    private async Task<int> CountAuthorsAsync()
    {
        await using var db = fixture.CreateContext();
        return await db.Authors.CountAsync();
    }
}
