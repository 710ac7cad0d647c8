using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Debate.Core.Data;
using Debate.Core.Postgres;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Threads;

/// <summary>
/// PostgreSQL restarted under the app: on a cluster of this class's own, so stopping it disturbs no other test.
/// While it is down pages and writes answer 503 (never 500); once it is back the app answers again without being
/// restarted, and what was written before is still there.
/// </summary>
public sealed class DatabaseRestartTests : IAsyncLifetime
{
    private string _folder = null!;
    private LocalPostgres _cluster = null!;
    private DebateApp _app = null!;

    public async Task InitializeAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"debate-restart-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        if (Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101); // the cluster runs as postgres and must reach its folder
        _cluster = await LocalPostgres.StartAsync(
            new LocalPostgresOptions { DataDirectory = Path.Combine(_folder, "postgres"), Database = "debate", Ephemeral = true }, _ => { });
        using var dataSource = DebateDatabase.CreateDataSource(_cluster.ConnectionString());
        await using (var db = new DebateDbContext(DebateDatabase.Options(dataSource)))
            await db.Database.MigrateAsync();
        _app = new DebateApp(_cluster.ConnectionString());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _cluster.StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover folder in the temp directory is harmless.
        }
    }

    [Fact]
    public async Task While_the_database_is_down_pages_and_writes_answer_503_and_after_it_returns_the_app_recovers_with_every_acknowledged_write()
    {
        var client = _app.CreateBrowserLikeClient();
        using (var registered = await Register(client, await RegisterForm(client, "before_restart")))
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var anonymous = _app.CreateBrowserLikeClient();
        var formWhileUp = await RegisterForm(anonymous, "while_down");

        await _cluster.StopAsync();

        using (var page = await client.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("Temporarily unavailable", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            // The error page is written after the exception handler cleared the failed response's headers.
            Assert.Equal(("DENY", "nosniff"), (page.Headers.GetValues("X-Frame-Options").Single(), page.Headers.GetValues("X-Content-Type-Options").Single()));
            Assert.StartsWith("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
        using (var api = await client.GetAsync("/api/threads/any-thread"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", api.Headers.GetValues("X-Content-Type-Options").Single());
        }
        using (var write = await Register(anonymous, formWhileUp))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);

        await _cluster.StartAgainAsync();

        // Broken pooled connections may fail a request or two; each such failure must still be a 503, and the app must come back.
        var seen = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 50 && seen.LastOrDefault() != HttpStatusCode.OK; attempt++)
        {
            using var page = await client.GetAsync("/");
            seen.Add(page.StatusCode);
            if (page.StatusCode != HttpStatusCode.OK)
                await Task.Delay(200);
        }
        Assert.All(seen, status => Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.Equal(HttpStatusCode.OK, seen[^1]);
        var home = await client.GetDocumentAsync("/");
        Assert.Equal("before_restart", home.QuerySelector(".account-name")!.TextContent.Trim());

        using (var after = await Register(anonymous, await RegisterForm(anonymous, "after_restart")))
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        using var dataSource = DebateDatabase.CreateDataSource(_cluster.ConnectionString());
        await using var db = new DebateDbContext(DebateDatabase.Options(dataSource));
        var users = await db.Users.Select(u => u.UserName).OrderBy(name => name).ToListAsync();
        Assert.Equal(["after_restart", "before_restart"], users);
    }

    /// <summary>The registration form's fields, token included, fetched now so it can be posted later.</summary>
    private static async Task<Dictionary<string, string>> RegisterForm(HttpClient client, string userName)
    {
        var page = await client.GetDocumentAsync("/account/register");
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(input => input.Name is { Length: > 0 })
            .ToDictionary(input => input.Name!, input => input.Value);
        fields["Input.UserName"] = userName;
        fields["Input.Email"] = $"{userName}@example.org";
        fields["Input.Password"] = AccountAppFixture.Password;
        fields["Input.ConfirmPassword"] = AccountAppFixture.Password;
        return fields;
    }

    private static Task<HttpResponseMessage> Register(HttpClient client, Dictionary<string, string> fields) =>
        client.PostAsync("/account/register", new FormUrlEncodedContent(fields));
}
