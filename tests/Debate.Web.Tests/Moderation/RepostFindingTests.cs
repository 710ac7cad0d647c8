using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Debate.Core.Accounts;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Moderation;

/// <summary>Reposts that are not word for word are still found: candidates need two of the post's three longest words.</summary>
public class RepostFindingTests(SeededModerationFixture fixture) : IClassFixture<SeededModerationFixture>
{
    private const string TweetId = "1724959999999999001";

    [Fact]
    public async Task A_tweet_of_a_comment_paragraph_with_its_longest_word_misspelt_is_proposed_as_a_repost()
    {
        var moderator = await fixture.LoggedInClientAsync("finding-moderator", AccountRoles.Moderator);
        await using var db = fixture.CreateContext();
        var comment = await db.Posts.AsNoTracking()
            .Where(p => p.Thread!.Slug == "scheming-ais" && p.ParentId != null && p.CurrentRevision!.PlainText.Length > 400)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.CurrentRevision!.PlainText }).FirstAsync();
        var paragraph = comment.PlainText.Split('\n').First(line => line.Length is > 150 and < 280);
        var longest = Regex.Matches(paragraph, @"\p{L}+").OrderByDescending(m => m.Length).First().Value;
        var misspelt = longest.Remove(longest.Length - 2, 1);
        var tweet = paragraph.Replace(longest, misspelt, StringComparison.Ordinal);

        var imported = await UploadAsync(moderator, TweetId, tweet);

        Assert.Matches(@"\d+ possible reposts? of posts? already here", imported);
        var tweetPost = await db.Provenance.Where(r => r.ExternalId == TweetId).Select(r => r.PostId).SingleAsync();
        var queue = await moderator.GetDocumentAsync("/moderation/reposts");
        var row = queue.QuerySelector($"#container-{comment.Id} tr[data-contained='{tweetPost}']");
        Assert.True(row is not null, $"\"{tweet}\" ({longest} spelt {misspelt}) was not proposed as a repost of post {comment.Id}");
    }

    [Fact]
    public async Task A_tweet_reposted_in_a_comment_is_proposed_in_that_comment_and_not_in_the_replies_quoting_it()
    {
        const string tweetId = "1724959999999999002";
        var moderator = await fixture.LoggedInClientAsync("quoting-moderator", AccountRoles.Moderator);
        await using var db = fixture.CreateContext();
        // The demo thread's longest quote of one comment by another: its words stand in both.
        var quote = await db.Quotes.AsNoTracking()
            .Where(q => q.SourcePost!.Thread!.Slug == "scheming-ais" && q.CurrentStart != null)
            .OrderByDescending(q => q.CurrentEnd - q.CurrentStart).ThenBy(q => q.Id)
            .Select(q => new { q.PostId, q.SourcePostId, q.Anchor.Exact })
            .FirstAsync();
        Assert.True(quote.Exact.Length >= 150, $"the demo thread's longest quote is only {quote.Exact.Length} characters");
        var tweet = quote.Exact.Length <= 280 ? quote.Exact : quote.Exact[..quote.Exact.LastIndexOf(' ', 280)];

        await UploadAsync(moderator, tweetId, tweet);

        var tweetPost = await db.Provenance.Where(r => r.ExternalId == tweetId).Select(r => r.PostId).SingleAsync();
        var queue = await moderator.GetDocumentAsync("/moderation/reposts");
        Assert.True(queue.QuerySelector($"#container-{quote.SourcePostId} tr[data-contained='{tweetPost}']") is not null,
            $"the tweet was not proposed as a repost in post {quote.SourcePostId}, where its words were written");
        Assert.True(queue.QuerySelector($"#container-{quote.PostId} tr[data-contained='{tweetPost}']") is null,
            $"post {quote.PostId} quotes post {quote.SourcePostId} at the tweet's words and was proposed as a repost too");
    }

    private static async Task<string> UploadAsync(HttpClient client, string tweetId, string text)
    {
        var file = JsonSerializer.SerializeToUtf8Bytes(new
        {
            data = new[]
            {
                new
                {
                    id = tweetId, text, author_id = "1050000000000000009", conversation_id = tweetId,
                    created_at = "2023-11-16T20:00:00.000Z", edit_history_tweet_ids = new[] { tweetId },
                },
            },
            includes = new { users = new[] { new { id = "1050000000000000009", username = "reposter", name = "Re Poster" } } },
        });
        var form = await client.GetDocumentAsync("/moderation/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent("scheming-ais"), "Input.Slug" },
            { new StringContent("Scheming AIs"), "Input.Title" },
            { new ByteArrayContent(file), "Input.Files", $"tweet-{tweetId}.json" },
        };
        using var response = await client.PostAsync("/moderation/import", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadDocumentAsync()).QuerySelector("[role=status]")?.TextContent ?? "";
    }
}
