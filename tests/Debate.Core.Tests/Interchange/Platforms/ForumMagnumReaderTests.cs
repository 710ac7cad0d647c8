using System.Text.Json;
using Debate.Core.Interchange;
using Debate.Core.Interchange.Platforms;
using Debate.Core.Model;
using Xunit;
using static Debate.Core.Tests.Interchange.Platforms.Fixtures;

namespace Debate.Core.Tests.Interchange.Platforms;

public class ForumMagnumReaderTests
{
    private const string C1 = "qLwc1TopLevel0001";
    private const string C2 = "qLwc2ReplyAf00002";
    private const string C3 = "qLwc3Nested000003";
    private const string C4 = "qLwc4Orphan000004";

    private static readonly string Json = Text("forummagnum", "comments.json");

    private static ThreadDocument Read(string json, PlatformImportOptions? options = null) =>
        ForumMagnumReader.Read(json, "comments.json", options ?? Options);

    private static ImportException Refused(string json) => Assert.Throws<ImportException>(() => Read(json));

    [Fact]
    public void Builds_the_reply_tree_from_parent_and_top_level_ids()
    {
        var document = Read(Json);

        Assert.Equal([C1, C2, C3, C4], document.Posts.Select(p => p.Id));
        Assert.Null(Post(document, C1).ParentId);
        Assert.Equal(C1, Post(document, C2).ParentId);
        Assert.Equal(C2, Post(document, C3).ParentId);
        // Its parent was not exported: it hangs from its top-level comment.
        Assert.Equal(C1, Post(document, C4).ParentId);
        Assert.Equal(new DateTimeOffset(2023, 11, 16, 0, 12, 30, TimeSpan.Zero), Post(document, C1).PostedAt);
        Assert.Equal(("imported", "Imported", ThreadStatus.Published), (document.Thread.Slug, document.Thread.Title, document.Thread.Status));
    }

    [Fact]
    public void Authors_come_from_the_user_slug_with_their_forum_account()
    {
        var document = Read(Json);

        var quintin = Assert.Single(document.Authors, a => a.Id == "quintin-pope");
        Assert.Equal("Quintin Pope", quintin.DisplayName);
        var account = Assert.Single(quintin.Accounts);
        Assert.Equal((Platform.LessWrong, "QuintinPope", "https://www.lesswrong.com/users/quintin-pope"), (account.Platform, account.Handle, account.Url));
        Assert.Equal("evhub", Post(document, C2).AuthorId);
        // A deleted account comes back as user: null.
        Assert.Equal("anonymous", Post(document, C4).AuthorId);
        Assert.Equal(4, document.Authors.Count);
    }

    [Fact]
    public void Html_becomes_markdown_with_quotes_emphasis_links_lists_code_and_footnotes()
    {
        var document = Read(Json);

        var c1 = Post(document, C1).Body;
        Assert.Contains("> I'm *extremely* skeptical of the counting argument.", c1, StringComparison.Ordinal);
        Assert.Contains("[the report](https://arxiv.org/abs/2311.08379)", c1, StringComparison.Ordinal);
        Assert.Contains("says as much.[^1]", c1, StringComparison.Ordinal);
        Assert.Contains("- Networks generalise simply.\n- Training selects for **behaviour**, not goals.", c1, StringComparison.Ordinal);
        Assert.EndsWith("[^1]: See section 4.4, on speed.", c1, StringComparison.Ordinal);
        var c3 = Post(document, C3).Body;
        Assert.Contains("1. Pick a prior.\n2. Show it favours schemers.", c3, StringComparison.Ordinal);
        Assert.Contains("```python\ndef count(goals):\n    return len(goals)\n```", c3, StringComparison.Ordinal);
    }

    [Fact]
    public void The_forums_own_markdown_is_used_when_present_and_the_edit_time_kept()
    {
        var document = Read(Json);

        var c2 = Post(document, C2);
        Assert.StartsWith("> The counting argument assumes a uniform prior\n> over goals.", c2.Body, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2023, 11, 16, 5, 30, 0, TimeSpan.Zero), Assert.Single(c2.Revisions).EditedAt);
        Assert.Null(Assert.Single(Post(document, C1).Revisions).EditedAt);
    }

    [Fact]
    public void A_blockquote_of_the_parent_is_anchored_on_its_span_and_one_not_found_is_skipped()
    {
        var document = Read(Json);

        var onC1 = Assert.Single(Post(document, C2).Quotes);
        Assert.Equal(C1, onC1.SourcePostId);
        // The quote wraps its line where the parent did not: the anchor is the parent's own text.
        AssertQuotes(document, onC1, "The counting argument assumes a uniform prior over goals.");
        Assert.Equal(AnchorStatus.Anchored, onC1.Status);
        var onC2 = Assert.Single(Post(document, C3).Quotes);
        AssertQuotes(document, onC2, "It needs only that most of the prior's mass lies on schemers.");
        Assert.Empty(Post(document, C1).Quotes);
    }

    [Fact]
    public void A_quote_found_twice_in_the_parent_is_not_anchored()
    {
        var json = Replace(Json, "Gradient descent is not a uniform sampler, and", "The counting argument assumes a uniform prior over goals. And");

        Assert.Empty(Post(Read(json), C2).Quotes);
    }

    [Fact]
    public void Provenance_names_the_comment_its_address_and_keeps_the_record()
    {
        var document = Read(Json);

        var c1 = Assert.Single(Post(document, C1).Provenance);
        Assert.Equal(Platform.LessWrong, c1.Platform);
        Assert.Equal("https://www.lesswrong.com/posts/yRWv5kkDD4YhzwRLq/scheming-ais?commentId=qLwc1TopLevel0001", c1.Url);
        Assert.Equal((C1, "QuintinPope", Now, ProvenanceRelation.Original), (c1.ExternalId, c1.AuthorHandle, c1.CapturedAt, c1.Relation));
        using var raw = JsonDocument.Parse(c1.RawRecord!);
        Assert.Equal(C1, raw.RootElement.GetProperty("_id").GetString());
    }

    [Fact]
    public void An_alignment_forum_comment_is_also_recorded_there_and_addresses_are_built_for_the_known_site()
    {
        var document = Read(Json);

        var records = Post(document, C2).Provenance;
        Assert.Equal(2, records.Count);
        Assert.Equal((Platform.LessWrong, ProvenanceRelation.Original), (records[0].Platform, records[0].Relation));
        Assert.Equal("https://www.lesswrong.com/posts/yRWv5kkDD4YhzwRLq/-/comment/qLwc2ReplyAf00002", records[0].Url);
        Assert.Equal((Platform.AlignmentForum, ProvenanceRelation.Mirror, C2), (records[1].Platform, records[1].Relation, records[1].ExternalId));
        Assert.Equal("https://www.alignmentforum.org/posts/yRWv5kkDD4YhzwRLq/-/comment/qLwc2ReplyAf00002", records[1].Url);
    }

    [Fact]
    public void The_site_option_names_the_forum()
    {
        var document = Read(Json, Options with { Site = Platform.AlignmentForum });

        var records = Post(document, C2).Provenance;
        Assert.Equal([Platform.AlignmentForum, Platform.LessWrong], records.Select(r => r.Platform));
        Assert.Equal("https://www.alignmentforum.org/posts/yRWv5kkDD4YhzwRLq/-/comment/qLwc2ReplyAf00002", records[0].Url);
    }

    [Fact]
    public void A_bare_array_is_read_and_with_no_site_known_no_address_is_made_up()
    {
        using var json = JsonDocument.Parse(Json);
        var second = json.RootElement.GetProperty("data").GetProperty("comments").GetProperty("results")[1].GetRawText();

        var document = Read($"[{second}]");

        var post = Assert.Single(document.Posts);
        Assert.Null(post.ParentId);
        Assert.Equal(Platform.LessWrong, post.Provenance[0].Platform);
        Assert.All(post.Provenance, p => Assert.Null(p.Url));
        Assert.Null(Assert.Single(document.Authors).Accounts[0].Url);
    }

    [Fact]
    public void Deeply_nested_json_is_refused_with_a_message_instead_of_exhausting_the_stack()
    {
        var error = Refused("{\"data\": {\"comments\": {\"results\": " + new string('[', 100_000) + new string(']', 100_000) + "}}}");

        Assert.NotEmpty(error.Errors);
        Assert.All(error.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void A_truncated_file_names_the_file_and_the_line()
    {
        AssertCutShort(Refused(Json[..(Json.Length / 2)]), "comments.json");
    }

    [Fact]
    public void Another_format_is_refused_at_the_root()
    {
        var error = Refused("""{ "format": "debate-thread/1", "thread": { "slug": "t", "title": "T" } }""");

        Assert.Equal("$", Assert.Single(error.Errors).Where);
    }

    [Fact]
    public void An_api_error_answer_is_reported()
    {
        var error = Refused("""{ "errors": [ { "message": "Rate limit exceeded" } ], "data": null }""");

        AssertOneError(error, "$.errors", "Rate limit exceeded");
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_its_byte()
    {
        var error = Assert.Throws<ImportException>(() => ForumMagnumReader.Read(WithInvalidByte(Json, 40), "comments.json", Options));

        Assert.Equal("byte 40", Assert.Single(error.Errors).Where);
    }

    [Fact]
    public void A_missing_required_field_is_named_by_its_path()
    {
        var json = Replace(Json, "\"_id\": \"qLwc2ReplyAf00002\",", "");
        json = Replace(json, "\"postedAt\": \"2023-11-16T02:00:00.000Z\",", "");

        var error = Refused(json);

        Assert.Equal(["$.data.comments.results[1]._id", "$.data.comments.results[2].postedAt"], error.Errors.Select(e => e.Where));
        Assert.All(error.Errors, e => Assert.Contains("missing", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("no text", "\"htmlBody\":", "\"plaintextBody\":", "$.data.comments.results[2].contents", "contents.markdown, contents.html or htmlBody")]
    [InlineData("a bad time", "2023-11-16T01:00:00.000Z", "yesterday", "$.data.comments.results[1].postedAt", "\"yesterday\" is not a time like")]
    [InlineData("a wrong kind", "\"af\": true", "\"af\": \"yes\"", "$.data.comments.results[1].af", "expected true or false, found a string")]
    [InlineData("a duplicated id", $"\"_id\": \"{C3}\"", $"\"_id\": \"{C2}\"", "$.data.comments.results[2]._id", "also the id of the record at $.data.comments.results[1]._id")]
    [InlineData("a parent cycle", "\"parentCommentId\": null", $"\"parentCommentId\": \"{C3}\"", "$.data.comments.results[0].parentCommentId", $"lead through \"{C3}\", \"{C2}\" back to it: replies cannot form a cycle")]
    public void A_faulty_comment_is_refused_at_its_path(string fault, string from, string to, string where, string says)
    {
        Assert.NotEmpty(fault);
        AssertOneError(Refused(Replace(Json, from, to)), where, says);
    }

    [Fact]
    public void A_bad_thread_slug_is_refused_by_name()
    {
        var error = Assert.Throws<ImportException>(() => Read(Json, Options with { Slug = "Not A Slug" }));

        Assert.Equal("thread slug", Assert.Single(error.Errors).Where);
    }
}
