using System.Net;
using Debate.Core.Accounts;
using Debate.Core.Model;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Moderation;

public class ImportPageTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    private static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    /// <summary>Uploads files through the page's own form, token included, as a moderator's browser would.</summary>
    private async Task<(HttpStatusCode Status, AngleSharp.Dom.IDocument Page)> UploadAsync(string moderator, IReadOnlyDictionary<string, string> fields, params string[] files) =>
        await UploadAsync(await fixture.LoggedInClientAsync(moderator, AccountRoles.Moderator), fields, files);

    private static async Task<(HttpStatusCode Status, AngleSharp.Dom.IDocument Page)> UploadAsync(HttpClient client, IReadOnlyDictionary<string, string> fields, params string[] files)
    {
        var form = await client.GetDocumentAsync("/moderation/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
            content.Add(new StringContent(value), name);
        foreach (var file in files)
            content.Add(new ByteArrayContent(await File.ReadAllBytesAsync(file)), "Input.Files", Path.GetFileName(file));
        using var response = await client.PostAsync("/moderation/import", content);
        return (response.StatusCode, await response.ReadDocumentAsync());
    }

    /// <summary>The first line of the page's report, its spaces collapsed.</summary>
    private static string StatusLine(AngleSharp.Dom.IDocument page) =>
        System.Text.RegularExpressions.Regex.Replace(page.QuerySelector("[role=status] > p")!.TextContent, @"\s+", " ").Trim();

    [Fact]
    public async Task A_moderator_imports_forum_comments_into_a_new_thread()
    {
        var (status, page) = await UploadAsync("mod-forum", new Dictionary<string, string> { ["Input.Slug"] = "uploaded-forum", ["Input.Title"] = "Uploaded" },
            Data("imports", "forummagnum", "comments.json"));

        Assert.Equal(HttpStatusCode.OK, status);
        // The file holds four comments (ForumMagnumReaderTests), all new here.
        Assert.Equal("uploaded-forum: 4 posts added, 0 already present. Open the thread", StatusLine(page));
        Assert.Equal("/t/uploaded-forum", page.QuerySelector("[role=status] a")!.GetAttribute("href"));
        await using var db = fixture.CreateContext();
        Assert.Equal(4, await db.Posts.CountAsync(p => p.Thread!.Slug == "uploaded-forum"));
    }

    [Fact]
    public async Task An_x_archive_is_its_two_files_uploaded_together()
    {
        var (status, page) = await UploadAsync("mod-x", new Dictionary<string, string> { ["Input.Slug"] = "uploaded-tweets", ["Input.Title"] = "Tweets" },
            Data("imports", "x-archive", "data", "tweets.js"), Data("imports", "x-archive", "data", "account.js"));

        // tweets.js holds five tweets, one a retweet, which is left out (XArchiveReaderTests): four posts, each one tweet.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("uploaded-tweets: 4 posts added, 0 already present. Open the thread", StatusLine(page));
        await using var db = fixture.CreateContext();
        Assert.Equal(4, await db.Posts.CountAsync(p => p.Thread!.Slug == "uploaded-tweets"));
        Assert.Equal(4, await db.Provenance.CountAsync(p => p.Platform == Platform.Twitter && db.Posts.Any(x => x.Id == p.PostId && x.Thread!.Slug == "uploaded-tweets")));
    }

    [Fact]
    public async Task A_scraped_page_becomes_a_draft()
    {
        var (_, page) = await UploadAsync("mod-page", new Dictionary<string, string> { ["Input.Slug"] = "uploaded-page", ["Input.Title"] = "Scraped" },
            Data("002_97dd18eff6661fdc.txt"));

        Assert.Contains("draft", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/moderation/review/uploaded-page", page.QuerySelector("[role=status] a")!.GetAttribute("href"));
        await using var db = fixture.CreateContext();
        Assert.Equal(ThreadStatus.Draft, (await db.Threads.SingleAsync(t => t.Slug == "uploaded-page")).Status);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused_with_a_message_not_an_error_page()
    {
        var binary = Path.Combine(Path.GetTempPath(), $"binary-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(binary, [0x7B, 0xFF, 0xFE, 0xC3, 0x28, 0x7D]);
        var moderator = await fixture.LoggedInClientAsync("mod-binary", AccountRoles.Moderator);
        var before = await fixture.CountRowsAsync();
        try
        {
            var (status, page) = await UploadAsync(moderator, new Dictionary<string, string>(), binary);

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(Path.GetFileName(binary), page.QuerySelector("[role=alert] li")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(before, await fixture.CountRowsAsync());
        }
        finally
        {
            File.Delete(binary);
        }
    }

    [Fact]
    public async Task A_broken_file_is_refused_with_where_and_why_and_nothing_is_written()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        var json = await File.ReadAllTextAsync(Data("imports", "forummagnum", "comments.json"));
        await File.WriteAllTextAsync(broken, json[..(json.Length / 2)]);
        var moderator = await fixture.LoggedInClientAsync("mod-broken", AccountRoles.Moderator);
        var before = await fixture.CountRowsAsync();
        try
        {
            var (status, page) = await UploadAsync(moderator, new Dictionary<string, string> { ["Input.Slug"] = "never-written", ["Input.Title"] = "Kept title" }, broken);

            Assert.Equal(HttpStatusCode.OK, status);
            var error = page.QuerySelector("[role=alert] li")!.TextContent;
            Assert.Contains(Path.GetFileName(broken), error, StringComparison.Ordinal);
            Assert.Contains("line ", error, StringComparison.Ordinal);
            Assert.Equal("Kept title", page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
            Assert.Equal(before, await fixture.CountRowsAsync());
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task Uploading_nothing_says_what_to_choose()
    {
        var (status, page) = await UploadAsync("mod-empty", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Choose the file", page.QuerySelector("#files-error")!.TextContent, StringComparison.Ordinal);
    }
}
