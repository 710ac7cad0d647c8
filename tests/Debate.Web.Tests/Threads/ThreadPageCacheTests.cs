using System.Net;
using Debate.Core.Data;
using Debate.Core.Interchange;
using Debate.Core.Model;
using Debate.Web.Tests.Infrastructure;
using Debate.Web.Tests.Reading;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Threads;

/// <summary>
/// Three threads: "shown", "quoting" (one of its posts quotes a post of "shown") and "apart" (other authors, no
/// quotes), so each change can be checked against the threads whose pages show it and one whose pages do not.
/// </summary>
public sealed class PageCacheFixture : AccountAppFixture
{
    public const string Shown = "shown", Quoting = "quoting", Apart = "apart";

    /// <summary>"shown"'s first post, which a post of "quoting" quotes.</summary>
    public long QuotedPostId { get; private set; }

    /// <summary>The post of "quoting" that quotes it.</summary>
    public long QuotingPostId { get; private set; }

    protected override async Task PrepareAsync(DebateDbContext db)
    {
        var importer = new ThreadImporter(db, TimeProvider.System);
        await importer.ImportAsync(ReadingThread.Document(Shown), "shown.json");
        await importer.ImportAsync(ReadingThread.Document(Quoting, "Scheming AIs, quoted elsewhere"), "quoting.json");
        await importer.ImportAsync(new ThreadDocument
        {
            Format = ThreadDocument.FormatName,
            Thread = new ThreadInfo { Slug = Apart, Title = "Another debate altogether" },
            Authors = [new AuthorInfo { Id = "someone-else", DisplayName = "Someone Else" }],
            Posts = [new PostInfo { Id = "c1", AuthorId = "someone-else", PostedAt = ReadingThread.Posted, Body = "A post nobody quotes." }],
        }, "apart.json");

        // "quoting"'s a2 quotes the words of its own a1; the very same words stand in "shown"'s a1, which it now quotes too.
        var quotingPost = await db.Posts.SingleAsync(p => p.Thread!.Slug == Quoting && p.ImportKey == "a2");
        var quote = await db.Quotes.AsNoTracking().SingleAsync(q => q.PostId == quotingPost.Id);
        var source = await db.Posts.SingleAsync(p => p.Thread!.Slug == Shown && p.ImportKey == "a1");
        db.Quotes.Add(new Quote
        {
            PostId = quote.PostId, SourcePostId = source.Id, SourceRevisionId = source.CurrentRevisionId!.Value, Anchor = quote.Anchor,
            Status = AnchorStatus.Anchored, CurrentRevisionId = source.CurrentRevisionId, CurrentStart = quote.Anchor.Start, CurrentEnd = quote.Anchor.End,
            CreatedAt = quote.CreatedAt,
        });
        await db.SaveChangesAsync();
        (QuotedPostId, QuotingPostId) = (source.Id, quote.PostId);
    }

    public async Task<Dictionary<string, long>> PageVersionsAsync()
    {
        await using var db = CreateContext();
        return await db.Threads.ToDictionaryAsync(t => t.Slug, t => t.PageVersion);
    }

    /// <summary>Runs SQL with {quoted} and {quoting} standing for the two posts' ids.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var db = CreateContext();
        await ExecuteAsync(db, sql);
    }

    public Task ExecuteAsync(DebateDbContext db, string sql) =>
        db.Database.ExecuteSqlRawAsync(sql
            .Replace("{quoted}", QuotedPostId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{quoting}", QuotingPostId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
}

public class ThreadPageCacheTests(PageCacheFixture fixture) : IClassFixture<PageCacheFixture>
{
    private const string Shown = PageCacheFixture.Shown, Quoting = PageCacheFixture.Quoting, Apart = PageCacheFixture.Apart;

    /// <summary>
    /// Every kind of row a thread's pages show, changed behind the app's back (as psql or an import would), and the
    /// threads whose pages must change: the post's own thread, the threads quoting it and those it quotes, never another.
    /// The second SQL, when there is one, puts things back, so the cases run in any order.
    /// </summary>
    public static TheoryData<string, string, string, string[]> Changes => new()
    {
        { "a post is hidden", "UPDATE posts SET is_hidden = is_hidden WHERE id = {quoted}", "", [Shown, Quoting] },
        // The quoted post's page lists it, with its author, under "quoted by".
        { "a quoting post is hidden", "UPDATE posts SET is_hidden = is_hidden WHERE id = {quoting}", "", [Shown, Quoting] },
        { "a quote is taken away", "CREATE TEMP TABLE kept AS SELECT * FROM quotes WHERE post_id = {quoting} AND source_post_id = {quoted}; DELETE FROM quotes WHERE post_id = {quoting} AND source_post_id = {quoted}",
            "INSERT INTO quotes SELECT * FROM kept; DROP TABLE kept", [Shown, Quoting] },
        { "a revision is rendered again", "UPDATE post_revisions SET html = html WHERE post_id = {quoted}", "", [Shown, Quoting] },
        { "a quote is anchored again", "UPDATE quotes SET status = status WHERE post_id = {quoting} AND source_post_id = {quoted}", "", [Shown, Quoting] },
        { "a claim changes", "UPDATE claim_tags SET stance = stance WHERE post_id = {quoted}", "", [Shown] },
        { "a tag's statement is edited", "UPDATE tags SET statement = statement", "", [Shown, Quoting] },
        { "a post's provenance changes", "UPDATE provenance SET url = url WHERE post_id = {quoted}", "", [Shown] },
        { "an author is renamed", "UPDATE authors SET display_name = display_name WHERE slug = 'quintin-pope'", "", [Shown, Quoting] },
        { "an author's account changes", "UPDATE author_accounts SET handle = handle", "", [Shown, Quoting] },
        { "a section of the outline changes", "UPDATE outline_sections SET title = title WHERE thread_id = (SELECT id FROM threads WHERE slug = 'shown')", "", [Shown] },
        { "a move is recorded", "INSERT INTO post_moves (post_id, from_thread_id, from_parent_id, to_thread_id, moved_at) SELECT {quoted}, (SELECT id FROM threads WHERE slug = 'apart'), NULL, (SELECT id FROM threads WHERE slug = 'shown'), now()",
            "DELETE FROM post_moves", [Shown, Apart] },
        { "the thread is locked", "UPDATE threads SET is_locked = is_locked WHERE slug = 'quoting'", "", [Quoting] },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_change_raises_the_page_version_of_every_thread_showing_it_and_of_no_other(string change, string sql, string putBack, string[] showing)
    {
        // One connection for the change and its undoing: a temporary table lives as long as its connection.
        await using var db = fixture.CreateContext();
        await db.Database.OpenConnectionAsync();
        var before = await fixture.PageVersionsAsync();
        await fixture.ExecuteAsync(db, sql);
        var after = await fixture.PageVersionsAsync();
        if (putBack.Length > 0)
            await fixture.ExecuteAsync(db, putBack);

        var raised = after.Where(t => t.Value > before[t.Key]).Select(t => t.Key).Order().ToList();
        Assert.True(showing.Order().SequenceEqual(raised), $"{change}: raised {string.Join(", ", raised)}; expected {string.Join(", ", showing)}");
    }

    [Fact]
    public async Task Anonymous_readers_are_served_the_cached_page_until_a_reply_changes_it()
    {
        // A version of "shown" no request has seen yet, whichever tests ran before: the first fetch below must build it.
        await fixture.ExecuteAsync("UPDATE threads SET title = title WHERE slug = 'shown'");
        var reader = fixture.App.CreateClient();
        // The thread quoting the post replied to below, cached before the reply.
        using var otherBefore = await reader.GetAsync($"/t/{Quoting}");
        Assert.Equal(HttpStatusCode.OK, otherBefore.StatusCode);

        using var first = await reader.GetAsync($"/t/{Shown}");
        using var second = await reader.GetAsync($"/t/{Shown}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());

        var member = await fixture.LoggedInClientAsync("cache-replier");
        using var saved = await member.SubmitAsync($"/t/{Shown}/reply?to={fixture.QuotedPostId}",
            new Dictionary<string, string> { ["Input.Body"] = "A reply no cached page may hide." }, "form.reply-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var third = await reader.GetAsync($"/t/{Shown}");
        Assert.Null(third.Headers.Age);
        Assert.Contains("A reply no cached page may hide.", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The thread quoting the replied-to post shows nothing new, and keeps the page cached before the reply.
        using var otherAfter = await reader.GetAsync($"/t/{Quoting}");
        Assert.Equal(HttpStatusCode.OK, otherAfter.StatusCode);
        Assert.NotNull(otherAfter.Headers.Age);
        Assert.Equal(await otherBefore.Content.ReadAsStringAsync(), await otherAfter.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_change_in_one_thread_reaches_the_cached_page_of_a_thread_quoting_it()
    {
        var reader = fixture.App.CreateClient();
        var page = $"/t/{Quoting}/p/{fixture.QuotingPostId}";
        using var warm = await reader.GetAsync(page);
        Assert.Contains("Quoting Quintin Pope", await warm.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await fixture.ExecuteAsync("UPDATE authors SET display_name = 'Quintin P.' WHERE slug = 'quintin-pope'");
        try
        {
            using var changed = await reader.GetAsync(page);
            Assert.Contains("Quoting Quintin P.", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await fixture.ExecuteAsync("UPDATE authors SET display_name = 'Quintin Pope' WHERE slug = 'quintin-pope'");
        }
    }

    [Fact]
    public async Task Signed_in_readers_are_never_served_from_the_cache()
    {
        var anonymous = fixture.App.CreateClient();
        using var warm = await anonymous.GetAsync($"/t/{Apart}");
        var member = await fixture.LoggedInClientAsync("cache-reader");

        using var first = await member.GetAsync($"/t/{Apart}");
        using var second = await member.GetAsync($"/t/{Apart}");

        Assert.Null(second.Headers.Age);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("cache-reader", html, StringComparison.Ordinal);
        Assert.Contains("Log out", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_api_builds_a_thread_once_per_version_and_answers_a_known_version_with_304()
    {
        var reader = fixture.App.CreateClient();
        var path = $"/api/threads/{Apart}";
        await fixture.ExecuteAsync("UPDATE authors SET display_name = 'Someone E.' WHERE slug = 'someone-else'");
        try
        {
            // Readers arriving together at a version nobody has asked for yet wait for one build.
            using (var counter = new SqlCommandCounter(fixture.ConnectionString))
            {
                var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => reader.GetStringAsync(path)));
                Assert.All(answers, answer => Assert.Contains("\"Someone E.\"", answer, StringComparison.Ordinal));
                Assert.Single(counter.Commands, sql => sql.Contains("post_revisions", StringComparison.Ordinal));
            }

            using var first = await reader.GetAsync(path);
            var etag = first.Headers.ETag;
            Assert.NotNull(etag);
            using (var counter = new SqlCommandCounter(fixture.ConnectionString))
            {
                using var again = await reader.GetAsync(path);
                Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
                // Only the page version is read.
                Assert.Single(counter.Commands);
            }

            using var notModified = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { IfNoneMatch = { etag } } };
            using (var response = await reader.SendAsync(notModified))
            {
                Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
                Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            }

            // A change behind the app's back is a new version: the old tag no longer matches, the new words are there.
            await fixture.ExecuteAsync("UPDATE authors SET display_name = 'Someone Else' WHERE slug = 'someone-else'");
            using var stale = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { IfNoneMatch = { etag } } };
            using var changed = await reader.SendAsync(stale);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.NotEqual(etag, changed.Headers.ETag);
            Assert.Contains("\"Someone Else\"", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await fixture.ExecuteAsync("UPDATE authors SET display_name = 'Someone Else' WHERE slug = 'someone-else'");
        }
    }

    [Fact]
    public async Task Moderators_and_readers_get_their_own_json_for_the_same_version()
    {
        await fixture.ExecuteAsync("UPDATE posts SET is_hidden = true WHERE id = {quoted}");
        try
        {
            var anonymous = await fixture.App.CreateClient().GetStringAsync($"/api/threads/{Shown}");
            var moderator = await fixture.LoggedInClientAsync("cache-moderator", Debate.Core.Accounts.AccountRoles.Moderator);
            using var moderatorResponse = await moderator.GetAsync($"/api/threads/{Shown}");
            var withHiddenText = await moderatorResponse.Content.ReadAsStringAsync();
            using var againResponse = await fixture.App.CreateClient().GetAsync($"/api/threads/{Shown}");
            var again = await againResponse.Content.ReadAsStringAsync();

            Assert.Equal("", HiddenPostBody(anonymous));
            Assert.NotEqual("", HiddenPostBody(withHiddenText));
            Assert.Equal(anonymous, again);
            // The moderator's copy, with the hidden words, is for that browser only: no shared cache may keep it.
            Assert.True(moderatorResponse.Headers.CacheControl is { Private: true, NoCache: true }, $"{moderatorResponse.Headers.CacheControl}");
            Assert.False(againResponse.Headers.CacheControl?.Private ?? false);
        }
        finally
        {
            await fixture.ExecuteAsync("UPDATE posts SET is_hidden = false WHERE id = {quoted}");
        }
    }

    private static string HiddenPostBody(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        // Fields at their default (false, "") are left out of the document.
        var hidden = document.RootElement.GetProperty("posts").EnumerateArray().Single(p => p.TryGetProperty("hidden", out var flag) && flag.GetBoolean());
        return hidden.TryGetProperty("body", out var body) ? body.GetString()! : "";
    }
}
