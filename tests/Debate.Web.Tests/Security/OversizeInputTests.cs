using System.Net;
using System.Net.Http.Headers;
using Debate.Core.Accounts;
using Debate.Web.Tests.Infrastructure;
using Xunit;

namespace Debate.Web.Tests.Security;

/// <summary>An upload far over the limit: 413 before it is read, a page that says why, nothing written.</summary>
public class OversizeUploadTests(PlainHttpAccountAppFixture fixture) : IClassFixture<PlainHttpAccountAppFixture>
{
    [Fact]
    public async Task A_100_MB_upload_is_refused_with_413_and_a_page_that_says_why_before_it_is_read()
    {
        // The app listens on a port first: creating the user would otherwise start it in memory only.
        var server = fixture.ServerAddress;
        await fixture.CreateUserAsync("big-upload", AccountRoles.Moderator);
        var page = await Infrastructure.Browser.NewPageAsync(server);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Username or email").FillAsync("big-upload");
        await page.GetByLabel("Password").FillAsync(AccountAppFixture.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.GotoAsync("/moderation/import");
        var token = await page.GetAttributeAsync("main form input[name=__RequestVerificationToken]", "value");
        var cookies = string.Join("; ", (await page.Context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
        await page.Context.CloseAsync();
        var before = await fixture.CountRowsAsync();

        // As a browser sends a form: the length up front. Expect: 100-continue lets the server answer before the body goes.
        using var handler = new SocketsHttpHandler { UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = fixture.ServerAddress };
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token!), "__RequestVerificationToken" },
            { new StringContent("huge"), "Input.Slug" },
            { new StringContent("Huge"), "Input.Title" },
        };
        var file = new ByteArrayContent(new byte[100_000_000]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "Input.Files", "huge.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/moderation/import") { Content = content };
        request.Headers.Add("Cookie", cookies);
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var shown = Html.Parse(body);
        Assert.True(shown.QuerySelector("h1") is not null, $"The 413 answer is not the error page: {body}");
        Assert.Equal("Too large", shown.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("debate import", shown.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountRowsAsync());
    }
}

/// <summary>Fields far over their limits get a message beside the field, never a 500.</summary>
public class OverLongFieldTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    [Fact]
    public async Task Over_long_fields_get_a_message_beside_the_field_and_keep_what_was_typed()
    {
        var client = fixture.App.CreateBrowserLikeClient();
        var longName = new string('n', 100_000);

        using var response = await client.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.UserName"] = longName,
            ["Input.Email"] = new string('e', 100_000) + "@example.org",
            ["Input.Password"] = new string('P', 100_000),
            ["Input.ConfirmPassword"] = new string('P', 100_000),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        // The limits of AccountRules: usernames 3 to 32 characters, email addresses 254, passwords 12 to 128.
        Assert.Equal("A username has 3 to 32 characters: letters, digits, '-', '_' or '.'.", page.QuerySelector("#username-error")!.TextContent.Trim());
        // FluentValidation's own wording (Register.cshtml.cs gives this rule no message of its own): the limit, and the
        // length typed, 100,000 'e's and "@example.org".
        Assert.Equal("The length of 'Email' must be 254 characters or fewer. You entered 100012 characters.", page.QuerySelector("#email-error")!.TextContent.Trim());
        Assert.Equal("A password has 12 to 128 characters.", page.QuerySelector("#password-error")!.TextContent.Trim());
        Assert.Equal(longName, page.QuerySelector("input[name='Input.UserName']")!.GetAttribute("value"));
    }
}
