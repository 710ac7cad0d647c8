using System.Text;
using Debate.Core.Interchange;
using Xunit;

namespace Debate.Core.Tests.Interchange;

public class ThreadDocumentReaderTests
{
    private const string Valid = """
        {
          "format": "debate-thread/1",
          "thread": { "slug": "t", "title": "T" },
          "authors": [ { "id": "a", "displayName": "A" } ],
          "posts": [
            { "id": "c1", "parentId": null, "authorId": "a", "postedAt": "2023-11-16T10:00:00Z", "body": "Hello" },
            { "id": "c2", "parentId": "c1", "authorId": "a", "postedAt": "2023-11-16T11:00:00Z", "body": "> Hello\n\nHi",
              "quotes": [ { "sourcePostId": "c1", "sourceRevision": 1, "exact": "Hello", "start": 0, "end": 5 } ] }
          ]
        }
        """;

    private static ImportException Refused(string json) =>
        Assert.Throws<ImportException>(() => ThreadDocumentReader.Read(json, "thread.json"));

    [Fact]
    public void Reads_a_valid_document()
    {
        var document = ThreadDocumentReader.Read(Valid, "thread.json");

        Assert.Equal(2, document.Posts.Count);
        Assert.Equal("c1", document.Posts[1].ParentId);
        Assert.Equal(new DateTimeOffset(2023, 11, 16, 10, 0, 0, TimeSpan.Zero), document.Posts[0].PostedAt);
    }

    [Fact]
    public void Truncated_json_names_the_file_and_the_line()
    {
        var error = Refused(Valid[..200]);

        Assert.Equal("thread.json", error.File);
        Assert.StartsWith("line ", Assert.Single(error.Errors).Where, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_field_is_named_by_its_path()
    {
        var error = Refused(Valid.Replace("\"body\": \"Hello\"", "\"text\": \"Hello\"", StringComparison.Ordinal));

        var only = Assert.Single(error.Errors);
        Assert.Contains("$.posts[0]", only.Where, StringComparison.Ordinal);
        Assert.Contains("body", only.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("authors")]
    [InlineData("posts")]
    public void A_document_without_its_authors_or_posts_is_refused_by_name(string key)
    {
        var json = key == "authors"
            ? Valid.Replace("\"authors\": [ { \"id\": \"a\", \"displayName\": \"A\" } ],", "", StringComparison.Ordinal)
            : Valid[..Valid.IndexOf(",\n  \"posts\"", StringComparison.Ordinal)] + "\n}";

        var error = Assert.Single(Refused(json).Errors);

        Assert.Contains($"missing required properties including: '{key}'", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("line ", error.Where, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_format_is_refused()
    {
        var error = Refused(Valid.Replace("debate-thread/1", "debate-thread/9", StringComparison.Ordinal));

        Assert.Equal("line 2, $.format", Assert.Single(error.Errors).Where);
    }

    [Fact]
    public void Duplicate_post_ids_and_unknown_parents_are_named()
    {
        var json = Valid.Replace("\"id\": \"c2\", \"parentId\": \"c1\"", "\"id\": \"c1\", \"parentId\": \"c9\"", StringComparison.Ordinal);

        var error = Refused(json);

        // Both on the second post's line of the file.
        Assert.Contains(error.Errors, e => e.Where == "line 7, $.posts[1].id");
        Assert.Contains(error.Errors, e => e.Where == "line 7, $.posts[1].parentId" && e.Message.Contains("c9", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_ids_and_names_are_refused_by_path_rather_than_read()
    {
        // A post with id "" would be its own parent (top-level posts hang under ""), and the import never ended.
        var json = Valid.Replace("\"id\": \"c1\", \"parentId\": null", "\"id\": \"\", \"parentId\": null", StringComparison.Ordinal)
            .Replace("\"displayName\": \"A\"", "\"displayName\": \" \"", StringComparison.Ordinal);

        var error = Refused(json);

        Assert.Contains(error.Errors, e => e.Where == "line 6, $.posts[0].id" && e.Message == "required, but empty");
        Assert.Contains(error.Errors, e => e.Where.EndsWith("$.authors[0].displayName", StringComparison.Ordinal) && e.Message == "required, but empty");
    }

    [Theory]
    [InlineData("\"2023-02-30T10:00:00Z\"")]
    [InlineData("null")]
    [InlineData("\"yesterday\"")]
    public void A_date_that_is_not_one_is_named_by_line_and_path(string postedAt)
    {
        var error = Refused(Valid.Replace("\"postedAt\": \"2023-11-16T10:00:00Z\"", $"\"postedAt\": {postedAt}", StringComparison.Ordinal));

        var only = Assert.Single(error.Errors);
        Assert.Contains("$.posts[0].postedAt", only.Where, StringComparison.Ordinal);
        Assert.StartsWith("line 6", only.Where, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_of_parents_is_refused()
    {
        var error = Refused(Valid.Replace("\"id\": \"c1\", \"parentId\": null", "\"id\": \"c1\", \"parentId\": \"c2\"", StringComparison.Ordinal));

        Assert.Contains(error.Errors, e => e.Message.Contains("cycle", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quote_span_that_does_not_fit_its_text_is_refused()
    {
        var error = Refused(Valid.Replace("\"end\": 5", "\"end\": 9", StringComparison.Ordinal));

        Assert.Equal("line 8, $.posts[1].quotes[0]", Assert.Single(error.Errors).Where);
    }

    [Fact]
    public void A_tag_with_more_than_ten_synonyms_or_a_name_that_is_not_an_address_is_refused()
    {
        var synonyms = string.Join(", ", Enumerable.Range(1, 11).Select(i => $"\"name-{i}\""));
        var json = Valid.Replace("\"authors\": [",
            $"\"tags\": [ {{ \"name\": \"many\", \"statement\": \"S\", \"synonyms\": [{synonyms}] }}, {{ \"name\": \"Two Words\", \"statement\": \"S\" }} ], \"authors\": [",
            StringComparison.Ordinal);

        var error = Refused(json);

        Assert.Equal(["line 4, $.tags[0].synonyms", "line 4, $.tags[1].name"], error.Errors.Select(e => e.Where));
        Assert.Equal("At most 10 synonyms, comma-separated, each at most 64 characters.", error.Errors[0].Message);
        Assert.StartsWith("\"Two Words\" is not a tag name.", error.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid).Concat(new byte[] { 0xC3, 0x28 }).ToArray();

        var error = Assert.Throws<ImportException>(() => ThreadDocumentReader.Read(bytes, "thread.json"));

        Assert.Contains("UTF-8", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_json_is_refused_without_crashing()
    {
        var json = new string('[', 10_000) + new string(']', 10_000);

        Refused(json);
    }

    [Fact]
    public void Values_longer_than_their_stored_columns_are_refused_by_name_not_left_to_fail_the_write()
    {
        var json = Valid
            .Replace("\"title\": \"T\"", $"\"title\": \"{new string('T', 301)}\"", StringComparison.Ordinal)
            .Replace("\"displayName\": \"A\"", $"\"displayName\": \"{new string('A', 201)}\"", StringComparison.Ordinal)
            .Replace("\"authors\": [", $"\"tags\": [ {{ \"name\": \"{new string('n', 65)}\", \"statement\": \"S\" }} ], \"authors\": [", StringComparison.Ordinal);

        var error = Refused(json);

        Assert.Equal(["line 3, $.thread.title", "line 4, $.authors[0].displayName", "line 4, $.tags[0].name"], error.Errors.Select(e => e.Where));
        Assert.Equal("301 characters; the limit is 300", error.Errors[0].Message);
    }
}
