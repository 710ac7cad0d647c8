using System.Text;
using Debate.Core.Interchange;
using Debate.Core.Interchange.Platforms;
using Xunit;
using static Debate.Core.Tests.Interchange.Platforms.Fixtures;

namespace Debate.Core.Tests.Interchange.Platforms;

public class ImportFormatsTests
{
    private const string ThreadJson = """{ "format": "debate-thread/1", "thread": { "slug": "t", "title": "T" }, "authors": [], "posts": [] }""";

    private static ImportFormat? Detect(string text) => ImportFormats.Detect(new ExportFile("file", Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData(ImportFormat.ForumMagnum, "forummagnum", "comments.json")]
    [InlineData(ImportFormat.XArchive, "x-archive", "data/tweets.js")]
    [InlineData(ImportFormat.XApiV2, "x-api-v2", "conversation.json")]
    [InlineData(ImportFormat.XApiV2, "x-api-v2", "pages.jsonl")]
    public void Each_fixture_is_told_apart_even_when_cut_short(ImportFormat format, string folder, string file)
    {
        var text = Text(folder, file);

        Assert.Equal(format, Detect(text));
        Assert.Equal(format, Detect(text[..300]));
    }

    [Theory]
    [InlineData(ImportFormat.DebateThread, ThreadJson)]
    [InlineData(ImportFormat.ForumMagnum, """[ { "_id": "a", "postedAt": "2023-11-16T00:00:00Z" } ]""")]
    [InlineData(ImportFormat.XApiV2, """[ { "data": [], "meta": { "result_count": 0 } } ]""")]
    [InlineData(ImportFormat.XApiV2, """{ "data": { "id": "1", "text": "one tweet" } }""")]
    [InlineData(ImportFormat.XApiV2, """{ "meta": { "result_count": 0 } }""")]
    public void Other_shapes_of_each_format_are_recognised(ImportFormat format, string text)
    {
        Assert.Equal(format, Detect(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("{}")]
    [InlineData("""{ "data": { "posts": [] } }""")]
    [InlineData("[1, 2]")]
    public void Anything_else_is_not_guessed(string text)
    {
        Assert.Null(Detect(text));
    }

    [Fact]
    public void A_text_file_that_does_not_begin_like_json_is_a_scraped_page()
    {
        Assert.Equal(ImportFormat.ScrapedPage, ImportFormats.Detect(new ExportFile("page.txt", System.Text.Encoding.UTF8.GetBytes("First comment.\nA reply."))));
        Assert.Null(ImportFormats.Detect(new ExportFile("page.csv", System.Text.Encoding.UTF8.GetBytes("First comment.\nA reply."))));
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_before_guessing()
    {
        var error = Assert.Throws<ImportException>(() => ImportFormats.Detect(new ExportFile("x.json", WithInvalidByte(ThreadJson, 3))));

        Assert.Equal(("x.json", "byte 3"), (error.File, Assert.Single(error.Errors).Where));
    }

    [Fact]
    public async Task A_folder_is_an_x_archive_and_its_tweets_file_stands_for_it()
    {
        Assert.Equal(ImportFormat.XArchive, await ImportFormats.DetectPathAsync(PathOf("x-archive")));

        var document = await ImportFormats.ReadPathAsync(PathOf("x-archive", "data", "tweets.js"), ImportFormat.XArchive, Options);

        Assert.Equal(4, document.Posts.Count);
    }

    [Fact]
    public async Task A_platform_export_needs_the_thread_it_goes_into()
    {
        var error = await Assert.ThrowsAsync<ImportException>(() => ImportFormats.ReadPathAsync(PathOf("x-api-v2", "conversation.json"), ImportFormat.XApiV2, options: null));

        Assert.Equal("thread", Assert.Single(error.Errors).Where);
    }

    [Fact]
    public void Formats_have_names_both_ways()
    {
        Assert.All(Enum.GetValues<ImportFormat>(), f => Assert.Equal(f, ImportFormats.ByName[ImportFormats.NameOf(f)]));
        Assert.True(ImportFormats.NamesItsThread(ImportFormat.DebateThread));
        Assert.False(ImportFormats.NamesItsThread(ImportFormat.ForumMagnum));
    }
}
