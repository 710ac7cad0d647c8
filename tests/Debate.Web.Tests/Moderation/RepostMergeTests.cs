using System.Net;
using AngleSharp.Dom;
using Debate.Core.Accounts;
using Debate.Core.Model;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Moderation;

/// <summary>
/// The reposted tweets of the demo thread's first comment, imported from an X API v2 file: found as reposts of
/// the comment, merged into it from the queue, and unmerged from the log, back to the database as it was.
/// </summary>
public class RepostMergeTests(SeededModerationFixture fixture) : IClassFixture<SeededModerationFixture>
{
    private const string FirstTweet = "1724950000000000100";

    [Fact]
    public async Task Imported_tweets_are_proposed_as_reposts_merged_into_the_comment_and_unmerged_exactly()
    {
        var moderator = await fixture.LoggedInClientAsync("merging-moderator", AccountRoles.Moderator);
        await using var db = fixture.CreateContext();
        var comment = await FirstCommentAsync(db);
        var beforeImport = await fixture.DumpTablesAsync();

        var imported = await UploadAsync(moderator, SeededModerationFixture.RepostedTweets);
        // The five tweets in the first comment, and a tweet's words again where later comments quote them.
        Assert.Matches(@"\d+ possible reposts of posts already here", imported.QuerySelector("[role=status]")!.TextContent);

        var queue = await moderator.GetDocumentAsync("/moderation/reposts");
        var group = queue.QuerySelector($"#container-{comment.Id}")!;
        var rows = group.QuerySelectorAll("tr[data-contained]");
        Assert.Equal(5, rows.Length);
        foreach (var row in rows)
        {
            // Side by side: the comment's span and the tweet say the same words.
            var matched = row.QuerySelector("blockquote.matched")!.TextContent;
            var tweet = row.QuerySelector("blockquote.contained")!.TextContent;
            Assert.Equal(Words(tweet), Words(matched));
            Assert.True(double.Parse(row.QuerySelectorAll("td.score")[1].TextContent, System.Globalization.CultureInfo.InvariantCulture) >= 0.9);
        }
        var tweetIds = rows.Select(r => long.Parse(r.GetAttribute("data-contained")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var beforeMerge = await fixture.DumpTablesAsync();

        using (var merged = await MergeAsync(moderator, group))
            Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        await using (var after = fixture.CreateContext())
        {
            var provenance = await after.Provenance.Where(p => p.PostId == comment.Id).OrderBy(p => p.SpanStart).ToListAsync();
            var text = (await after.PostRevisions.SingleAsync(r => r.Id == comment.CurrentRevisionId)).PlainText;
            var tweets = provenance.Where(p => p.ExternalId != null).ToList();
            Assert.Equal(5, tweets.Count);
            Assert.All(tweets, t => Assert.Equal($"https://x.com/QuintinPope5/status/{t.ExternalId}", t.Url));
            Assert.StartsWith("I just skimmed the section headers", text[tweets[0].SpanStart!.Value..tweets[0].SpanEnd!.Value], StringComparison.Ordinal);
            // The id-less spans the scraped page gave these tweets gave way to the named ones; the other 21 of the
            // comment's 26 reposted tweets (seed-002-truth.json) stay.
            Assert.Equal(26 - 5, provenance.Count(p => p.Platform == Platform.Twitter && p.ExternalId == null));
            Assert.All(await after.Posts.Where(p => tweetIds.Contains(p.Id)).ToListAsync(), p => Assert.Equal(comment.Id, p.MergedIntoId));
        }
        var page = await moderator.GetDocumentAsync($"/t/scheming-ais/p/{comment.Id}");
        Assert.NotNull(page.QuerySelector($"#p{comment.Id} a.badge[href='https://x.com/QuintinPope5/status/{FirstTweet}']"));
        using (var redirect = await moderator.GetAsync($"/t/scheming-ais/p/{tweetIds[0]}"))
        {
            Assert.True(redirect.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently);
            // At the post the repost is now part of: the repost's own id names nothing on that page.
            Assert.EndsWith($"/p/{comment.Id}#p{comment.Id}", redirect.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var log = await moderator.GetDocumentAsync("/moderation/log");
        var mergeRow = log.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("Merged posts", StringComparison.Ordinal));
        using (var undone = await PostFormAsync(moderator, log, mergeRow.QuerySelector("form")!))
            Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);

        Assert.Equal(beforeMerge, await fixture.DumpTablesAsync());
        Assert.NotEqual(beforeImport, beforeMerge);
        var undoneLog = await moderator.GetDocumentAsync("/moderation/log");
        Assert.Contains("(undone)", undoneLog.QuerySelector($"#{mergeRow.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.Null(undoneLog.QuerySelector($"#{mergeRow.Id} form"));
    }

    [Fact]
    public async Task An_undo_is_refused_when_what_it_changed_has_changed_again()
    {
        var moderator = await fixture.LoggedInClientAsync("second-undoer", AccountRoles.Moderator);
        await using var db = fixture.CreateContext();
        var posts = await db.Posts.Where(p => p.Thread!.Slug == "scheming-ais" && p.MergedIntoId == null && p.ParentId != null)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.ParentId }).Take(2).ToListAsync();
        var actor = new Moderator("", "second-undoer");
        var merge = await Debate.Core.Moderation.PostMerger.MergeAsync(db, posts[0].ParentId!.Value, [posts[0].Id], actor, DateTimeOffset.UtcNow, default);
        Assert.Null(merge.Error);
        await db.Posts.Where(p => p.Id == posts[0].ParentId).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsHidden, true));
        var dump = await fixture.DumpTablesAsync();

        var log = await moderator.GetDocumentAsync("/moderation/log");
        using var refused = await PostFormAsync(moderator, log, log.QuerySelector($"#action-{merge.Action!.Id} form")!);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("has changed again", (await refused.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(dump, await fixture.DumpTablesAsync());
    }

    private static string Words(string text) => string.Join(' ', text.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries));

    private static async Task<Post> FirstCommentAsync(Debate.Core.Data.DebateDbContext db) =>
        await db.Posts.AsNoTracking().Where(p => p.Thread!.Slug == "scheming-ais" && p.ParentId == null).OrderBy(p => p.PostedAt).ThenBy(p => p.Id).FirstAsync();

    private static async Task<IDocument> UploadAsync(HttpClient client, string file)
    {
        var form = await client.GetDocumentAsync("/moderation/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent("scheming-ais"), "Input.Slug" },
            { new StringContent("Scheming AIs"), "Input.Title" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(file)), "Input.Files", Path.GetFileName(file) },
        };
        using var response = await client.PostAsync("/moderation/import", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadDocumentAsync();
    }

    /// <summary>The group's merge form as a browser sends it: its token and every checked box.</summary>
    private static Task<HttpResponseMessage> MergeAsync(HttpClient client, IElement group) =>
        PostFormAsync(client, group.Owner!, group.QuerySelector("form[action*='handler=Merge']")!);

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, IDocument page, IElement form)
    {
        var fields = form.QuerySelectorAll("input[type=hidden], input[type=checkbox][checked]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!))
            .ToList();
        return client.PostAsync(form.GetAttribute("action") ?? page.Url, new FormUrlEncodedContent(fields));
    }
}
