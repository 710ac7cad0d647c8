using System.Text.Json;
using Debate.Core.Interchange;
using Debate.Core.Interchange.Platforms;
using Debate.Core.Model;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Interchange;

/// <summary>Each platform's export fixture, told apart by its content, read and stored twice: the second time writes nothing.</summary>
public class PlatformImportTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", "imports", .. parts]);

    /// <summary>Imports the export twice as the CLI does, and returns the thread's posts by their import keys.</summary>
    private async Task<Dictionary<string, Post>> ImportTwiceAsync(string path, ImportFormat expected, string slug)
    {
        var format = await ImportFormats.DetectPathAsync(path);
        Assert.Equal(expected, format);
        var options = new PlatformImportOptions { Slug = slug, Title = $"Imported {slug}", Clock = TimeProvider.System };

        var first = await ImportAsync(await ImportFormats.ReadPathAsync(path, expected, options));
        var rows = await database.CountRowsAsync();
        var second = await ImportAsync(await ImportFormats.ReadPathAsync(path, expected, options));

        Assert.True(first.PostsAdded > 0);
        Assert.Equal((0, first.PostsAdded), (second.PostsAdded, second.PostsAlreadyPresent));
        Assert.Equal(rows, await database.CountRowsAsync());

        await using var db = database.CreateContext();
        return await db.Posts.AsNoTracking()
            .Include(p => p.Author).Include(p => p.CurrentRevision).Include(p => p.Provenance).Include(p => p.Quotes)
            .Where(p => p.Thread!.Slug == slug)
            .AsSplitQuery()
            .ToDictionaryAsync(p => p.ImportKey!);
    }

    private async Task<ImportResult> ImportAsync(ThreadDocument document)
    {
        await using var db = database.CreateContext();
        return await new ThreadImporter(db, TimeProvider.System).ImportAsync(document, "export");
    }

    [Fact]
    public async Task ForumMagnum_comments_are_stored_once_with_their_quotes_and_records()
    {
        var posts = await ImportTwiceAsync(Fixture("forummagnum", "comments.json"), ImportFormat.ForumMagnum, "lesswrong-comments");

        Assert.Equal(4, posts.Count);
        Assert.Equal(posts["qLwc1TopLevel0001"].Id, posts["qLwc2ReplyAf00002"].ParentId);
        Assert.Equal(2, posts["qLwc3Nested000003"].Depth);
        var quote = Assert.Single(posts["qLwc2ReplyAf00002"].Quotes);
        Assert.Equal((posts["qLwc1TopLevel0001"].Id, AnchorStatus.Anchored), (quote.SourcePostId, quote.Status));
        Assert.Equal(quote.Anchor.Exact, posts["qLwc1TopLevel0001"].CurrentRevision!.PlainText[quote.Anchor.Start..quote.Anchor.End]);
        Assert.Equal([Platform.LessWrong, Platform.AlignmentForum], posts["qLwc2ReplyAf00002"].Provenance.OrderBy(p => p.Id).Select(p => p.Platform));
        using var raw = JsonDocument.Parse(posts["qLwc1TopLevel0001"].Provenance.Single().RawRecord!);
        Assert.Equal("qLwc1TopLevel0001", raw.RootElement.GetProperty("_id").GetString());
        Assert.Equal("quintin-pope", posts["qLwc1TopLevel0001"].Author!.Slug);
    }

    [Fact]
    public async Task An_x_archive_folder_is_stored_once_as_its_reply_chains()
    {
        var posts = await ImportTwiceAsync(Fixture("x-archive"), ImportFormat.XArchive, "x-archive");

        Assert.Equal(4, posts.Count);
        Assert.Equal(posts["1724850000000000002"].Id, posts["1724860000000000003"].ParentId);
        Assert.Contains("https://arxiv.org/abs/2311.08379", posts["1724840000000000001"].CurrentRevision!.PlainText, StringComparison.Ordinal);
        var record = posts["1724840000000000001"].Provenance.Single();
        Assert.Equal(("https://x.com/QuintinPope5/status/1724840000000000001", "QuintinPope5"), (record.Url, record.AuthorHandle));
        Assert.Contains("\"favorite_count\"", record.RawRecord, StringComparison.Ordinal);
    }

    [Fact]
    public async Task X_api_v2_pages_are_stored_once_with_the_quote_tweet_anchored()
    {
        var posts = await ImportTwiceAsync(Fixture("x-api-v2", "conversation.json"), ImportFormat.XApiV2, "x-api-conversation");

        Assert.Equal(5, posts.Count);
        Assert.Equal(posts["1724900000000000011"].Id, posts["1724900000000000012"].ParentId);
        var quote = Assert.Single(posts["1724900000000000013"].Quotes);
        Assert.Equal(posts["1724900000000000010"].Id, quote.SourcePostId);
        Assert.Contains("<blockquote>", posts["1724900000000000013"].CurrentRevision!.Html, StringComparison.Ordinal);
        Assert.Equal("x-jkcarlsmith", posts["1724900000000000013"].Author!.Slug);
        Assert.NotNull(posts["1724900000000000013"].Provenance.Single().RawRecord);
    }
}
