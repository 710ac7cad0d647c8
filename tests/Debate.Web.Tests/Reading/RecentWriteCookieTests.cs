using System.Net;
using Debate.Core.Data;
using Debate.Core.Seeding;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Npgsql;
using Xunit;

namespace Debate.Web.Tests.Reading;

/// <summary>
/// The demo thread, and the app with a replica connection string: the same database under another application name, so
/// pg_stat_activity tells which connection a page used (as in <see cref="ReadRoutingTests"/>).
/// </summary>
public class ReplicaAccountAppFixture : AccountAppFixture
{
    public string ReplicaApplicationName { get; } = $"replica-{Guid.NewGuid():N}"[..24];

    public long FirstPostId { get; private set; }

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ConnectionStrings:DebateReplica"] = new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = ReplicaApplicationName }.ConnectionString,
    };

    protected override async Task PrepareAsync(DebateDbContext db)
    {
        await DemoSeeder.SeedAsync(db, TimeProvider.System);
        FirstPostId = await db.Posts.Where(p => p.Thread!.Slug == "scheming-ais" && p.ParentId == null)
            .OrderBy(p => p.PostedAt).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }
}

/// <summary>
/// docs/scale-out.md, "Read your own writes": any write that succeeds (status below 400) sets the `debate-wrote` cookie
/// for Database:ReadYourWritesSeconds (default 10 s), and while a browser holds it all its requests read from the primary.
/// </summary>
public class RecentWriteCookieTests(ReplicaAccountAppFixture fixture) : IClassFixture<ReplicaAccountAppFixture>
{
    private const string Cookie = "debate-wrote";

    private static SetCookieHeaderValue? WroteCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues(HeaderNames.SetCookie, out var values)
            ? SetCookieHeaderValue.ParseList(values.ToList()).SingleOrDefault(c => c.Name.Value == Cookie)
            : null;

    [Fact]
    public async Task A_reply_that_is_saved_sets_the_cookie_for_ten_seconds_on_the_whole_site()
    {
        var client = await fixture.LoggedInClientAsync("wrote-reply");

        using var response = await client.SubmitAsync($"/t/scheming-ais/reply?to={fixture.FirstPostId}",
            new Dictionary<string, string> { ["Input.Body"] = "Saved, so read from the primary for a while." }, "form.reply-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = WroteCookie(response);
        Assert.True(cookie is not null, "the reply's answer sets no debate-wrote cookie: " + string.Join(" | ", response.Headers.TryGetValues(HeaderNames.SetCookie, out var all) ? all : []));
        Assert.Equal(TimeSpan.FromSeconds(10), cookie.MaxAge);
        Assert.Equal("/", cookie.Path.Value);
        Assert.False(string.IsNullOrEmpty(cookie.Value.Value));
    }

    [Fact]
    public async Task A_registration_sets_the_cookie_and_the_new_member_then_reads_from_the_primary()
    {
        var client = fixture.App.CreateBrowserLikeClient();

        using var response = await client.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.UserName"] = "wrote-register",
            ["Input.Email"] = "wrote-register@example.org",
            ["Input.Password"] = AccountAppFixture.Password,
            ["Input.ConfirmPassword"] = AccountAppFixture.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = WroteCookie(response);
        Assert.NotNull(cookie);
        Assert.Equal(TimeSpan.FromSeconds(10), cookie.MaxAge);
        // The browser sends it back, and its next reading page is served by the primary.
        var since = await DatabaseNowAsync();
        using var page = await client.GetAsync("/t/scheming-ais");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(0, await ReplicaQueriesSinceAsync(since));
    }

    [Fact]
    public async Task The_cookie_lasts_as_long_as_Database_ReadYourWritesSeconds_says()
    {
        await using var app = new DebateApp(fixture.ConnectionString, new Dictionary<string, string>
        {
            ["ConnectionStrings:DebateReplica"] = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { ApplicationName = "replica-longer-window" }.ConnectionString,
            ["Database:ReadYourWritesSeconds"] = "45",
        });
        var client = app.CreateBrowserLikeClient();

        using var response = await client.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.UserName"] = "wrote-longer",
            ["Input.Email"] = "wrote-longer@example.org",
            ["Input.Password"] = AccountAppFixture.Password,
            ["Input.ConfirmPassword"] = AccountAppFixture.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(45), WroteCookie(response)?.MaxAge);
    }

    [Fact]
    public async Task A_refused_write_sets_no_cookie_and_the_reader_keeps_reading_from_the_replica()
    {
        var client = fixture.App.CreateBrowserLikeClient();

        // A forged form (no antiforgery token) is refused with 400: no write succeeded.
        using var response = await client.PostWithoutTokenAsync("/account/register", new Dictionary<string, string> { ["Input.UserName"] = "forged" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(WroteCookie(response));
        var since = await DatabaseNowAsync();
        using var page = await client.GetAsync("/t/scheming-ais");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(await ReplicaQueriesSinceAsync(since) > 0, "a reader whose write was refused did not read from the replica");
    }

    private async Task<DateTime> DatabaseNowAsync()
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT clock_timestamp()");
        return (DateTime)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Connections under the replica's application name whose state changed (a statement ran) since then.</summary>
    private async Task<long> ReplicaQueriesSinceAsync(DateTime since)
    {
        await using var command = fixture.DataSource.CreateCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND state_change >= $2");
        command.Parameters.AddWithValue(fixture.ReplicaApplicationName);
        command.Parameters.AddWithValue(since);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
