using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Debate.Core.Interchange;
using Debate.Core.Interchange.Platforms;
using Debate.Core.Model;
using Xunit;
using static Debate.Core.Tests.Interchange.Platforms.Fixtures;

namespace Debate.Core.Tests.Interchange.Platforms;

public class XArchiveReaderTests
{
    private const string T1 = "1724840000000000001";
    private const string T2 = "1724850000000000002";
    private const string T3 = "1724860000000000003";
    private const string T4 = "1724870000000000004";

    private static readonly string Tweets = Text("x-archive", "data", "tweets.js");
    private static readonly string Account = Text("x-archive", "data", "account.js");

    private static ThreadDocument Read(string tweets, string? account = null) =>
        XArchiveReader.Read(new ExportFile("tweets.js", Encoding.UTF8.GetBytes(tweets)), new ExportFile("account.js", Encoding.UTF8.GetBytes(account ?? Account)), Options);

    private static ImportException Refused(string tweets, string? account = null) => Assert.Throws<ImportException>(() => Read(tweets, account));

    [Fact]
    public void Replies_chain_by_the_tweet_they_answer_and_retweets_are_left_out()
    {
        var document = Read(Tweets);

        Assert.Equal([T1, T2, T3, T4], document.Posts.Select(p => p.Id));
        Assert.Null(Post(document, T1).ParentId);
        Assert.Equal(T1, Post(document, T2).ParentId);
        Assert.Equal(T2, Post(document, T3).ParentId);
        // It answers someone else's tweet, which the archive does not hold.
        Assert.Null(Post(document, T4).ParentId);
        Assert.Equal(new DateTimeOffset(2023, 11, 15, 20, 0, 0, TimeSpan.Zero), Post(document, T1).PostedAt);
    }

    [Fact]
    public void The_account_is_the_author()
    {
        var document = Read(Tweets);

        var author = Assert.Single(document.Authors);
        Assert.Equal(("x-quintinpope5", "Quintin Pope"), (author.Id, author.DisplayName));
        var account = Assert.Single(author.Accounts);
        Assert.Equal((Platform.Twitter, "QuintinPope5", "https://x.com/QuintinPope5"), (account.Platform, account.Handle, account.Url));
        Assert.All(document.Posts, p => Assert.Equal("x-quintinpope5", p.AuthorId));
    }

    [Fact]
    public void Links_are_expanded_and_the_text_shows_as_written()
    {
        var document = Read(Tweets);

        var t1 = Post(document, T1);
        Assert.Contains("<https://arxiv.org/abs/2311.08379>", t1.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("t.co", t1.Body, StringComparison.Ordinal);
        Assert.Equal("1/ Thoughts on the counting argument in Joe's report:\n1. Gradient descent is no uniform sampler.\n- See https://arxiv.org/abs/2311.08379", PlainText(t1).Trim());
        Assert.Equal("2/ Even 2 * 3 > 5 matters for #AI_safety & *everything* else.", PlainText(Post(document, T2)).Trim());
    }

    [Fact]
    public void Provenance_names_the_tweet_and_keeps_its_record()
    {
        var document = Read(Tweets);

        var record = Assert.Single(Post(document, T1).Provenance);
        Assert.Equal((Platform.Twitter, $"https://x.com/QuintinPope5/status/{T1}", T1), (record.Platform, record.Url, record.ExternalId));
        Assert.Equal(("QuintinPope5", Now, ProvenanceRelation.Original), (record.AuthorHandle, record.CapturedAt, record.Relation));
        using var raw = JsonDocument.Parse(record.RawRecord!);
        Assert.Equal("120", raw.RootElement.GetProperty("tweet").GetProperty("favorite_count").GetString());
    }

    [Fact]
    public async Task Reads_the_unzipped_folder_or_its_data_folder()
    {
        var fromRoot = await XArchiveReader.ReadFolderAsync(PathOf("x-archive"), Options);
        var fromData = await XArchiveReader.ReadFolderAsync(PathOf("x-archive", "data"), Options);

        Assert.Equal(4, fromRoot.Posts.Count);
        Assert.Equal(fromRoot.Posts.Select(p => p.Body), fromData.Posts.Select(p => p.Body));
    }

    [Fact]
    public async Task A_larger_archive_is_read_across_its_parts()
    {
        var items = JsonNode.Parse(Tweets[Tweets.IndexOf('[', StringComparison.Ordinal)..])!.AsArray();
        string Part(int number, IEnumerable<JsonNode?> tweets) => $"window.YTD.tweets.part{number} = " + new JsonArray([.. tweets.Select(t => t!.DeepClone())]).ToJsonString();
        var folder = Directory.CreateTempSubdirectory("archive-").FullName;
        try
        {
            var data = Directory.CreateDirectory(Path.Combine(folder, "data")).FullName;
            await File.WriteAllTextAsync(Path.Combine(data, "account.js"), Account);
            await File.WriteAllTextAsync(Path.Combine(data, "tweets.js"), Part(0, items.Take(3)));
            await File.WriteAllTextAsync(Path.Combine(data, "tweets-part1.js"), Part(1, items.Skip(3)));

            var document = await XArchiveReader.ReadFolderAsync(folder, Options);

            Assert.Equal([T1, T2, T3, T4], document.Posts.Select(p => p.Id));
            Assert.Equal(T2, Post(document, T3).ParentId);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_folder_without_the_account_file_is_refused_by_name()
    {
        var folder = Directory.CreateTempSubdirectory("archive-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "tweets.js"), Tweets);

            var error = await Assert.ThrowsAsync<ImportException>(() => XArchiveReader.ReadFolderAsync(folder, Options));

            Assert.Equal("data/account.js", Assert.Single(error.Errors).Where);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Deeply_nested_json_is_refused_with_a_message_instead_of_exhausting_the_stack()
    {
        var error = Refused("window.YTD.tweets.part0 = " + new string('[', 100_000) + new string(']', 100_000));

        Assert.NotEmpty(error.Errors);
        Assert.All(error.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void A_truncated_file_names_the_line()
    {
        AssertCutShort(Refused(Tweets[..(Tweets.Length / 2)]), "tweets.js");
    }

    [Fact]
    public void A_syntax_error_names_the_line_it_stands_on()
    {
        var lines = Tweets.Split('\n');
        var at = Array.FindIndex(lines, l => l.Contains("\"full_text\" : \"3/", StringComparison.Ordinal));
        lines[at] = lines[at].Replace("\"full_text\" :", "\"full_text\"", StringComparison.Ordinal);

        var error = Refused(string.Join('\n', lines));

        Assert.Equal($"line {at + 1}", Assert.Single(error.Errors).Where);
    }

    [Fact]
    public void Another_file_of_the_archive_is_refused_as_the_wrong_format()
    {
        var error = Refused(Account);

        AssertOneError(error, "line 1", "window.YTD.tweets.part0");
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_its_byte()
    {
        var error = Assert.Throws<ImportException>(() => XArchiveReader.Read(
            new ExportFile("tweets.js", WithInvalidByte(Tweets, 100)), new ExportFile("account.js", Encoding.UTF8.GetBytes(Account)), Options));

        Assert.Equal(("tweets.js", "byte 100"), (error.File, Assert.Single(error.Errors).Where));
    }

    [Fact]
    public void Missing_required_fields_are_named_by_their_paths()
    {
        var tweets = Replace(Tweets, $"\"id_str\" : \"{T4}\",", "");
        tweets = Replace(tweets, "\"created_at\" : \"Wed Nov 15 21:00:00 +0000 2023\",", "");

        var error = Refused(tweets);

        Assert.Equal(["$[1].tweet.id_str", "$[2].tweet.created_at"], error.Errors.Select(e => e.Where));
    }

    [Fact]
    public void A_missing_account_name_is_named_in_the_account_file()
    {
        var error = Refused(Tweets, Replace(Account, "\"username\" : \"QuintinPope5\",", ""));

        Assert.Equal(("account.js", "$[0].account.username"), (error.File, Assert.Single(error.Errors).Where));
    }

    [Theory]
    [InlineData("a time in another form", "Wed Nov 15 20:00:00 +0000 2023", "2023-11-15 20:00", "$[4].tweet.created_at", "is not a time like \"Wed Nov 15 20:00:00 +0000 2023\"")]
    [InlineData("a duplicated id", $"\"id_str\" : \"{T3}\"", $"\"id_str\" : \"{T2}\"", "$[3].tweet.id_str", "also the id of the record at $[2].tweet.id_str")]
    [InlineData("a cycle of replies", $"\"id_str\" : \"{T1}\",", $"\"in_reply_to_status_id_str\" : \"{T3}\", \"id_str\" : \"{T1}\",", "$[2].tweet.in_reply_to_status_id_str", "replies cannot form a cycle")]
    [InlineData("an item that is no tweet", "\"tweet\" : {\n      \"edit_info\" : { \"initial\" : { \"editTweetIds\" : [ \"1724880000000000005\" ]", "\"status\" : {\n      \"edit_info\" : { \"initial\" : { \"editTweetIds\" : [ \"1724880000000000005\" ]", "$[0].tweet", "required, but missing")]
    public void A_faulty_tweet_is_refused_at_its_path(string fault, string from, string to, string where, string says)
    {
        Assert.NotEmpty(fault);
        AssertOneError(Refused(Replace(Tweets, from, to)), where, says);
    }
}
