using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Debate.Core.Data;
using Debate.Core.Seeding;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Security;

/// <summary>The demo thread to reply in, and the app on a real port (Kestrel enforces the request size limit) over plain http.</summary>
public class OversizeFormFixture : AccountAppFixture
{
    public long FirstPostId { get; private set; }

    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Accounts:CookieSecurePolicy"] = "SameAsRequest" };

    protected override async Task PrepareAsync(DebateDbContext db)
    {
        await DemoSeeder.SeedAsync(db, TimeProvider.System);
        FirstPostId = await db.Posts.Where(p => p.Thread!.Slug == "scheming-ais" && p.ParentId == null)
            .OrderBy(p => p.PostedAt).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }
}

/// <summary>
/// docs/hostile-input.md: "any form whose declared length is over its page's limit is refused the same way" as the
/// oversize upload: 413 and the "Too large" page, before the body is read, nothing written. The reply and registration
/// pages set no limit of their own, so theirs is Kestrel's default, 30,000,000 bytes; each form here declares one byte more.
/// </summary>
public class OversizeFormTests(OversizeFormFixture fixture) : IClassFixture<OversizeFormFixture>
{
    private const int KestrelLimit = 30_000_000;

    /// <summary>A client of the real server that keeps cookies and shows redirects.</summary>
    private HttpClient NewClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.ServerAddress };

    /// <summary>
    /// The form of <paramref name="path"/> as the page gives it (hidden fields, the token), with <paramref name="field"/>
    /// filled so that the whole body is exactly <paramref name="length"/> bytes, sent with its length up front and
    /// Expect: 100-continue, as a browser's large form is: the server may answer before the body goes.
    /// </summary>
    private static async Task<HttpResponseMessage> SendFormOfLengthAsync(HttpClient client, string path, string formSelector, IReadOnlyDictionary<string, string> fields, string field, int length)
    {
        var page = await client.GetDocumentAsync(path);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {path}.");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Where(i => i.Name is { Length: > 0 })
            .GroupBy(i => i.Name!).ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var (name, value) in fields)
            values[name] = value;
        var head = string.Join("&", values.Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value)}")) + $"&{Uri.EscapeDataString(field)}=";
        var body = new byte[length];
        var written = Encoding.ASCII.GetBytes(head, body);
        body.AsSpan(written).Fill((byte)'a');
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var action = form.GetAttribute("action") is { Length: > 0 } target ? target : path;
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = content };
        request.Headers.ExpectContinue = true;
        return await client.SendAsync(request);
    }

    private static async Task AssertTooLargePageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var shown = Html.Parse(body);
        Assert.True(shown.QuerySelector("h1") is not null, $"The 413 answer is not the error page: {body[..Math.Min(body.Length, 500)]}");
        Assert.Equal("Too large", shown.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_reply_form_declaring_more_than_the_limit_gets_413_and_the_too_large_page_and_nothing_is_saved()
    {
        _ = fixture.ServerAddress; // the app on its port before the user is made, as in OversizeUploadTests
        await fixture.CreateUserAsync("oversize-reply");
        using var client = NewClient();
        using (var login = await client.SubmitAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.UserName"] = "oversize-reply",
            ["Input.Password"] = AccountAppFixture.Password,
        }))
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var before = await fixture.CountRowsAsync();

        using var response = await SendFormOfLengthAsync(client, $"/t/scheming-ais/reply?to={fixture.FirstPostId}", "form.reply-form",
            new Dictionary<string, string>(), "Input.Body", KestrelLimit + 1);

        await AssertTooLargePageAsync(response);
        Assert.Equal(before, await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task A_registration_form_declaring_more_than_the_limit_gets_413_and_the_too_large_page_and_nobody_is_registered()
    {
        using var client = NewClient();
        var before = await fixture.CountRowsAsync();
        int users;
        await using (var db = fixture.CreateContext())
            users = await db.Users.CountAsync();

        // A username of 30 million letters or so: the length alone decides.
        using var response = await SendFormOfLengthAsync(client, "/account/register", "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = "oversize-register@example.org",
            ["Input.Password"] = AccountAppFixture.Password,
            ["Input.ConfirmPassword"] = AccountAppFixture.Password,
        }, "Input.UserName", KestrelLimit + 1);

        await AssertTooLargePageAsync(response);
        Assert.Equal(before, await fixture.CountRowsAsync());
        await using var check = fixture.CreateContext();
        Assert.Equal(users, await check.Users.CountAsync());
    }
}
