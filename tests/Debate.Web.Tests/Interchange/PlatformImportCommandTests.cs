using Debate.Core.Model;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Interchange;

/// <summary>
/// docs/formats/platform-imports.md, through the built `debate import` command as an operator runs it: `--slug` and
/// `--title` say which thread a platform export goes into, "an existing thread keeps its title"; and X API v2 pages
/// without the author expansion give the author `x-id-{author_id}` (with it, `x-` and the lower-cased handle).
/// </summary>
public class PlatformImportCommandTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", "imports", .. parts]);

    private Task<CliRun> DebateAsync(params string[] arguments) => DebateCli.RunAsync(database.ConnectionString, "", arguments);

    [Fact]
    public async Task An_existing_thread_keeps_its_title_when_another_export_is_imported_into_it_with_another_title()
    {
        // The LessWrong comments start the thread (four comments, ForumMagnumReaderTests); X API pages (five tweets) join it.
        var first = await DebateAsync("import", Fixture("forummagnum", "comments.json"), "--slug", "kept-title", "--title", "The first title");
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal("kept-title: 4 posts added, 0 already present", first.Output.Trim());

        var second = await DebateAsync("import", Fixture("x-api-v2", "conversation.json"), "--slug", "kept-title", "--title", "Another title");

        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal("kept-title: 5 posts added, 0 already present", second.Output.Trim());
        await using var db = database.CreateContext();
        var thread = await db.Threads.SingleAsync(t => t.Slug == "kept-title");
        Assert.Equal("The first title", thread.Title);
        Assert.Equal(9, await db.Posts.CountAsync(p => p.ThreadId == thread.Id));
        Assert.False(await db.Threads.AnyAsync(t => t.Title == "Another title"));
    }

    [Fact]
    public async Task X_api_authors_without_the_author_expansion_get_the_id_x_id_and_their_number()
    {
        // Three tweets of one conversation; the page expands only the third one's author.
        const string page = """
            {
              "data": [
                { "id": "1800000000000000001", "text": "Counting arguments count the wrong thing.", "author_id": "2900000000000000001",
                  "conversation_id": "1800000000000000001", "created_at": "2024-03-01T10:00:00.000Z" },
                { "id": "1800000000000000002", "text": "Which thing should they count?", "author_id": "2900000000000000002",
                  "conversation_id": "1800000000000000001", "created_at": "2024-03-01T11:00:00.000Z",
                  "referenced_tweets": [ { "type": "replied_to", "id": "1800000000000000001" } ] },
                { "id": "1800000000000000003", "text": "Functions, weighted by the prior.", "author_id": "2900000000000000003",
                  "conversation_id": "1800000000000000001", "created_at": "2024-03-01T12:00:00.000Z",
                  "referenced_tweets": [ { "type": "replied_to", "id": "1800000000000000002" } ] }
              ],
              "includes": { "users": [ { "id": "2900000000000000003", "username": "Prior_Weight", "name": "Prior Weight" } ] }
            }
            """;
        var file = Path.Combine(Path.GetTempPath(), $"x-api-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, page);
        try
        {
            var run = await DebateAsync("import", file, "--slug", "x-ids", "--title", "X ids");

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Equal("x-ids: 3 posts added, 0 already present", run.Output.Trim());
            await using var db = database.CreateContext();
            var authors = await db.Posts.Where(p => p.Thread!.Slug == "x-ids")
                .Select(p => new { p.ImportKey, p.Author!.Slug })
                .ToDictionaryAsync(p => p.ImportKey!, p => p.Slug);
            Assert.Equal("x-id-2900000000000000001", authors["1800000000000000001"]);
            Assert.Equal("x-id-2900000000000000002", authors["1800000000000000002"]);
            Assert.Equal("x-prior_weight", authors["1800000000000000003"]);
            var provenance = await db.Provenance.Where(p => p.Platform == Platform.Twitter && p.ExternalId!.StartsWith("18000000000000000"))
                .ToDictionaryAsync(p => p.ExternalId!, p => p.AuthorHandle);
            // Only the expanded author's handle is known.
            Assert.Equal([null, null, "Prior_Weight"], provenance.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
