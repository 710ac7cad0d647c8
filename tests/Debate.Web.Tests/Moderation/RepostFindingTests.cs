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

        var imported = await UploadAsync(moderator, tweet);

        Assert.Matches(@"\d+ possible reposts? of posts? already here", imported);
        var tweetPost = await db.Provenance.Where(r => r.ExternalId == TweetId).Select(r => r.PostId).SingleAsync();
        var queue = await moderator.GetDocumentAsync("/moderation/reposts");
        var row = queue.QuerySelector($"#container-{comment.Id} tr[data-contained='{tweetPost}']");
        Assert.True(row is not null, $"\"{tweet}\" ({longest} spelt {misspelt}) was not proposed as a repost of post {comment.Id}");
    }

    private static async Task<string> UploadAsync(HttpClient client, string text)
    {
        var file = JsonSerializer.SerializeToUtf8Bytes(new
        {
            data = new[]
            {
                new
                {
                    id = TweetId, text, author_id = "1050000000000000009", conversation_id = TweetId,
                    created_at = "2023-11-16T20:00:00.000Z", edit_history_tweet_ids = new[] { TweetId },
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
            { new ByteArrayContent(file), "Input.Files", "misspelt-tweet.json" },
        };
        using var response = await client.PostAsync("/moderation/import", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadDocumentAsync()).QuerySelector("[role=status]")?.TextContent ?? "";
    }
}
