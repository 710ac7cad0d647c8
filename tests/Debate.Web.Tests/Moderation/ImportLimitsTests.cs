using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Debate.Core.Accounts;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Moderation;

/// <summary>
/// docs/hostile-input.md, "Malformed imports": a debate-thread/1 file "nested deeper than 64 levels" or with a value longer
/// than its stored column ("statement 500": a tag's statement) "is refused with the file and the JSON path, and nothing is
/// written". Each boundary is uploaded through the moderators' import page: the limit itself is taken, one more is refused.
/// </summary>
public class ImportLimitsTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    /// <summary>
    /// A thread file whose one post carries an extra key (extra keys are skipped) holding <paramref name="objects"/> nested
    /// objects: with the document (1), its posts (2) and the post (3), the file is nested <paramref name="objects"/> + 3 levels deep.
    /// The extra key stands on line 7.
    /// </summary>
    private static string Nested(string slug, int objects) =>
        "{\n\"format\": \"debate-thread/1\",\n"
        + $"\"thread\": {{ \"slug\": \"{slug}\", \"title\": \"Nested\" }},\n"
        + "\"authors\": [ { \"id\": \"nester\", \"displayName\": \"Nester\" } ],\n"
        + "\"posts\": [\n"
        + " { \"id\": \"c1\", \"authorId\": \"nester\", \"postedAt\": \"2023-11-16T10:00:00Z\", \"body\": \"Hello\",\n"
        + "   \"extra\": " + string.Concat(Enumerable.Repeat("{\"a\": ", objects)) + "1" + new string('}', objects) + " }\n"
        + "]\n}\n";

    /// <summary>A thread file with one tag, whose statement (on line 4) is <paramref name="statement"/>.</summary>
    private static string WithStatement(string slug, string tag, string statement) =>
        "{\n\"format\": \"debate-thread/1\",\n"
        + $"\"thread\": {{ \"slug\": \"{slug}\", \"title\": \"Statements\" }},\n"
        + $"\"tags\": [ {{ \"name\": \"{tag}\", \"statement\": \"{statement}\" }} ],\n"
        + "\"authors\": [ { \"id\": \"stater\", \"displayName\": \"Stater\" } ],\n"
        + "\"posts\": [ { \"id\": \"c1\", \"authorId\": \"stater\", \"postedAt\": \"2023-11-16T10:00:00Z\", \"body\": \"Hello\" } ]\n}\n";

    /// <summary>Uploads one file through the page's own form, token included, as a moderator's browser would.</summary>
    private static async Task<AngleSharp.Dom.IDocument> UploadAsync(HttpClient client, string fileName, string json)
    {
        var form = await client.GetDocumentAsync("/moderation/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "Input.Files", fileName },
        };
        using var response = await client.PostAsync("/moderation/import", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadDocumentAsync();
    }

    private static string StatusLine(AngleSharp.Dom.IDocument page) =>
        Regex.Replace(page.QuerySelector("[role=status] > p")?.TextContent ?? "(no report)", @"\s+", " ").Trim();

    private static List<string> Errors(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("[role=alert] li").Select(li => Regex.Replace(li.TextContent, @"\s+", " ").Trim()).ToList();

    [Fact]
    public async Task A_file_nested_64_levels_deep_is_imported()
    {
        var page = await UploadAsync(await fixture.LoggedInClientAsync("mod-nest-64", AccountRoles.Moderator), "nested-64.json", Nested("nested-64", objects: 61));

        Assert.Equal([], Errors(page));
        Assert.Equal("nested-64: 1 posts added, 0 already present. Open the thread", StatusLine(page));
        await using var db = fixture.CreateContext();
        Assert.Equal(1, await db.Posts.CountAsync(p => p.Thread!.Slug == "nested-64"));
    }

    [Fact]
    public async Task A_file_nested_65_levels_deep_is_refused_with_the_file_and_the_json_path_and_nothing_is_written()
    {
        var moderator = await fixture.LoggedInClientAsync("mod-nest-65", AccountRoles.Moderator);
        var before = await fixture.CountRowsAsync();

        var page = await UploadAsync(moderator, "nested-65.json", Nested("nested-65", objects: 62));

        var error = Assert.Single(Errors(page));
        Assert.StartsWith("nested-65.json: line 7, $.posts[0].extra: ", error, StringComparison.Ordinal);
        Assert.Contains("depth of 64", error, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountRowsAsync());
        await using var db = fixture.CreateContext();
        Assert.False(await db.Threads.AnyAsync(t => t.Slug == "nested-65"));
    }

    [Fact]
    public async Task A_tag_statement_of_500_characters_is_imported_whole()
    {
        var statement = new string('s', 500);

        var page = await UploadAsync(await fixture.LoggedInClientAsync("mod-statement-500", AccountRoles.Moderator), "statement-500.json", WithStatement("statement-500", "five-hundred", statement));

        Assert.Equal([], Errors(page));
        Assert.Equal("statement-500: 1 posts added, 0 already present. Open the thread", StatusLine(page));
        await using var db = fixture.CreateContext();
        Assert.Equal(statement, await db.Tags.Where(t => t.Name == "five-hundred").Select(t => t.Statement).SingleAsync());
    }

    [Fact]
    public async Task A_tag_statement_of_501_characters_is_refused_with_the_file_and_the_json_path_and_nothing_is_written()
    {
        var moderator = await fixture.LoggedInClientAsync("mod-statement-501", AccountRoles.Moderator);
        var before = await fixture.CountRowsAsync();

        var page = await UploadAsync(moderator, "statement-501.json", WithStatement("statement-501", "five-hundred-one", new string('s', 501)));

        Assert.Equal(["statement-501.json: line 4, $.tags[0].statement: 501 characters; the limit is 500"], Errors(page));
        Assert.Equal(before, await fixture.CountRowsAsync());
        await using var db = fixture.CreateContext();
        Assert.False(await db.Tags.AnyAsync(t => t.Name == "five-hundred-one"));
        Assert.False(await db.Threads.AnyAsync(t => t.Slug == "statement-501"));
    }
}
