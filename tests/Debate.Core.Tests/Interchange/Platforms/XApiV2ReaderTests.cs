using System.Text.Json;
using System.Text.Json.Nodes;
using Debate.Core.Interchange;
using Debate.Core.Interchange.Platforms;
using Debate.Core.Model;
using Xunit;
using static Debate.Core.Tests.Interchange.Platforms.Fixtures;

namespace Debate.Core.Tests.Interchange.Platforms;

public class XApiV2ReaderTests
{
    private const string T10 = "1724900000000000010";
    private const string T11 = "1724900000000000011";
    private const string T12 = "1724900000000000012";
    private const string T13 = "1724900000000000013";
    private const string T14 = "1724900000000000014";

    private static readonly string Page = Text("x-api-v2", "conversation.json");
    private static readonly string Pages = Text("x-api-v2", "pages.jsonl");

    private static ThreadDocument Read(string text) => XApiV2Reader.Read(text, "tweets.json", Options);

    private static ImportException Refused(string text) => Assert.Throws<ImportException>(() => Read(text));

    [Fact]
    public void Replies_hang_from_the_tweet_they_answer_and_referenced_tweets_of_the_conversation_join_them()
    {
        var document = Read(Page);

        // T11 came only as a referenced tweet of the conversation; the retweet and the tweet of another conversation stay out.
        Assert.Equal([T10, T11, T12, T13, T14], document.Posts.Select(p => p.Id));
        Assert.Null(Post(document, T10).ParentId);
        Assert.Equal(T10, Post(document, T11).ParentId);
        Assert.Equal(T11, Post(document, T12).ParentId);
        Assert.Null(Post(document, T13).ParentId);
        Assert.Equal(T13, Post(document, T14).ParentId);
        Assert.Equal(new DateTimeOffset(2023, 11, 16, 11, 0, 0, TimeSpan.Zero), Post(document, T12).PostedAt);
    }

    [Fact]
    public void Authors_are_the_included_users()
    {
        var document = Read(Page);

        Assert.Equal(["x-quintinpope5", "x-evanhub", "x-jkcarlsmith"], document.Authors.Select(a => a.Id));
        Assert.Equal("Joe Carlsmith", document.Authors[2].DisplayName);
        Assert.Equal("x-evanhub", Post(document, T11).AuthorId);
    }

    [Fact]
    public void A_long_tweet_is_read_from_its_note_with_its_links_expanded()
    {
        var body = Post(Read(Page), T12).Body;

        Assert.Contains("It does not. Networks that generalise", body, StringComparison.Ordinal);
        Assert.Contains("<https://arxiv.org/abs/2006.15191>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("t.co", body, StringComparison.Ordinal);
        Assert.DoesNotContain("…", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_tweet_shows_the_quoted_text_and_anchors_it_when_the_quoted_tweet_is_a_post()
    {
        var document = Read(Page);

        var t13 = Post(document, T13);
        Assert.Equal(
            $"> The counting argument proves too much. Read the report: <https://arxiv.org/abs/2311.08379>\n\nIs this a fair reading of section 4.2? <https://twitter.com/QuintinPope5/status/{T10}>",
            t13.Body);
        var quote = Assert.Single(t13.Quotes);
        Assert.Equal(T10, quote.SourcePostId);
        AssertQuotes(document, quote, "The counting argument proves too much. Read the report: https://arxiv.org/abs/2311.08379");
    }

    [Fact]
    public void A_quoted_tweet_outside_the_thread_is_shown_but_not_anchored()
    {
        var t14 = Post(Read(Page), T14);

        Assert.StartsWith("> Schemers are simple \\& that is the worry.\n\n", t14.Body, StringComparison.Ordinal);
        Assert.Empty(t14.Quotes);
    }

    [Fact]
    public void Provenance_names_the_tweet_and_keeps_its_record()
    {
        var record = Assert.Single(Post(Read(Page), T13).Provenance);

        Assert.Equal((Platform.Twitter, $"https://x.com/jkcarlsmith/status/{T13}", T13, "jkcarlsmith"), (record.Platform, record.Url, record.ExternalId, record.AuthorHandle));
        Assert.Equal((Now, ProvenanceRelation.Original), (record.CapturedAt, record.Relation));
        using var raw = JsonDocument.Parse(record.RawRecord!);
        Assert.Equal("quoted", raw.RootElement.GetProperty("referenced_tweets")[0].GetProperty("type").GetString());
    }

    [Fact]
    public void Jsonl_pages_and_an_array_of_pages_read_alike()
    {
        var lines = Pages.TrimEnd().Split('\n');

        var fromLines = Read(Pages);
        var fromArray = Read($"[{lines[0]},{lines[1]}]");

        Assert.Equal([T10, T11, T12], fromLines.Posts.Select(p => p.Id));
        Assert.Equal(T11, Post(fromLines, T12).ParentId);
        Assert.Equal(fromLines.Posts.Select(p => p.Body), fromArray.Posts.Select(p => p.Body));
    }

    [Fact]
    public void Deeply_nested_json_is_refused_with_a_message_instead_of_exhausting_the_stack()
    {
        var error = Refused("{\"data\": " + new string('[', 100_000) + new string(']', 100_000) + "}");

        Assert.NotEmpty(error.Errors);
        Assert.All(error.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void A_truncated_document_names_the_line()
    {
        AssertCutShort(Refused(Page[..(Page.Length / 2)]), "tweets.json");
    }

    [Fact]
    public void A_truncated_jsonl_page_names_its_line()
    {
        var lines = Pages.TrimEnd().Split('\n');

        AssertOneError(Refused(lines[0] + "\n" + lines[1][..(lines[1].Length / 2)]), "line 2", "cut short");
    }

    [Fact]
    public void A_fault_in_a_jsonl_page_names_the_line_and_the_path()
    {
        var lines = Pages.TrimEnd().Split('\n');
        var second = JsonNode.Parse(lines[1])!;
        second["data"]![0]!.AsObject().Remove("author_id");

        AssertOneError(Refused(lines[0] + "\n" + second.ToJsonString()), "line 2, $.data[0].author_id", "missing");
    }

    [Fact]
    public void Another_format_is_refused()
    {
        AssertOneError(Refused(Text("forummagnum", "comments.json")), "$.data", "not an X API v2 page");
        AssertOneError(Refused("""{ "format": "debate-thread/1" }"""), "$", "not an X API v2 page");
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_its_byte()
    {
        var error = Assert.Throws<ImportException>(() => XApiV2Reader.Read(WithInvalidByte(Page, 7), "tweets.json", Options));

        Assert.Equal("byte 7", Assert.Single(error.Errors).Where);
    }

    [Theory]
    [InlineData("no text", "\"text\": \"@jkcarlsmith Not quite", "\"txt\": \"@jkcarlsmith Not quite", "$.data[3].text", "required, but missing")]
    [InlineData("a bad time", "2023-11-16T12:30:00.000Z", "noon", "$.data[3].created_at", "\"noon\" is not a time like")]
    [InlineData("a duplicated id", $"\"id\": \"{T13}\"", $"\"id\": \"{T12}\"", "$.data[2].id", "also the id of the record at $.data[1].id")]
    [InlineData("a user without a name", "\"username\": \"EvanHub\"", "\"handle\": \"EvanHub\"", "$.includes.users[1].username", "required, but missing")]
    public void A_faulty_tweet_is_refused_at_its_path(string fault, string from, string to, string where, string says)
    {
        Assert.NotEmpty(fault);
        AssertOneError(Refused(Replace(Page, from, to)), where, says);
    }

    [Fact]
    public void A_cycle_of_replies_is_refused()
    {
        var page = JsonNode.Parse(Page)!;
        page["data"]![0]!["referenced_tweets"] = new JsonArray(new JsonObject { ["type"] = "replied_to", ["id"] = T12 });

        AssertOneError(Refused(page.ToJsonString()), "$.data[0].referenced_tweets[0].id", $"lead through \"{T12}\", \"{T11}\" back to it");
    }
}
