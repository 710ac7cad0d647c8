using System.Text.Json;
using Debate.Core.Generation;
using Debate.Core.Interchange;
using Debate.Core.Model;
using Debate.Web.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace Debate.Web.Tests.Interchange;

/// <summary>A generated thread of thousands of posts through the binary COPY path, checked against its own export.</summary>
public class LargeImportTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const int PostCount = 2_500;

    private sealed class Recorder : IProgress<ImportProgress>
    {
        public List<ImportProgress> Reports { get; } = [];
        public void Report(ImportProgress value) => Reports.Add(value);
    }

    private static ThreadDocument Generated(string slug) =>
        new SyntheticThread(seed: 7, authorCount: 40).Thread(slug, "A generated thread", PostCount, slug);

    /// <summary>The document in a fixed order, so that it compares whatever order the export walks the tree in.</summary>
    private static string Normalised(ThreadDocument document) => JsonSerializer.Serialize(
        document with
        {
            Authors = [.. document.Authors.OrderBy(a => a.Id, StringComparer.Ordinal)],
            Tags = [.. document.Tags.OrderBy(t => t.Name, StringComparer.Ordinal)],
            Posts = [.. document.Posts.OrderBy(p => int.Parse(p.Id, System.Globalization.CultureInfo.InvariantCulture))],
        },
        InterchangeJson.Options);

    private async Task<long> ScalarAsync(string sql, string slug)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = slug });
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_thread_of_thousands_of_posts_exports_as_it_was_imported_with_tree_quotes_and_provenance()
    {
        var document = Generated("large");
        var progress = new Recorder();

        ImportResult result;
        await using (var db = database.CreateContext())
            result = await new ThreadImporter(db, TimeProvider.System).ImportAsync(document, "large.json", source: null, progress);
        await using var read = database.CreateContext();
        var exported = await ThreadExporter.ExportAsync(read, "large");

        Assert.Equal(PostCount, result.PostsAdded);
        Assert.Equal(new ImportProgress(PostCount, PostCount), progress.Reports[^1]);
        Assert.Equal(Normalised(document), Normalised(exported!));
        // The document really has what is compared: replies quoting their parents, edits, claims, several platforms.
        Assert.InRange(document.Posts.Count(p => p.Quotes.Count > 0), PostCount / 5, PostCount / 2);
        Assert.Contains(document.Posts, p => p.Revisions.Count == 2);
        Assert.Contains(document.Posts, p => p.Claims.Count > 0);
        Assert.True(document.Posts.SelectMany(p => p.Provenance).Select(p => p.Platform).Distinct().Count() >= 3);
    }

    [Fact]
    public async Task Copied_posts_have_paths_depths_current_revisions_and_anchored_quotes_as_the_app_writes_them()
    {
        var document = Generated("stored-large");
        await using (var db = database.CreateContext())
            await new ThreadImporter(db, TimeProvider.System).ImportAsync(document, "large.json");

        const string posts = "FROM posts c JOIN threads t ON t.id = c.thread_id WHERE t.slug = $1";
        Assert.Equal(PostCount, await ScalarAsync($"SELECT count(*) {posts}", "stored-large"));
        Assert.Equal(0, await ScalarAsync(
            $"SELECT count(*) {posts} AND c.path <> coalesce((SELECT p.path FROM posts p WHERE p.id = c.parent_id), '') || c.id::text::ltree", "stored-large"));
        Assert.Equal(0, await ScalarAsync($"SELECT count(*) {posts} AND c.depth <> nlevel(c.path) - 1", "stored-large"));
        Assert.Equal(0, await ScalarAsync(
            $"SELECT count(*) {posts} AND c.current_revision_id <> (SELECT r.id FROM post_revisions r WHERE r.post_id = c.id ORDER BY r.number DESC LIMIT 1)", "stored-large"));
        // Every quote's words stand where its anchor says in the revision it quotes (offsets count from 0, substr from 1).
        Assert.Equal(0, await ScalarAsync(
            $"SELECT count(*) FROM quotes q JOIN post_revisions r ON r.id = q.source_revision_id WHERE q.post_id IN (SELECT c.id {posts}) "
            + "AND substr(r.plain_text, q.anchor_start + 1, q.anchor_end - q.anchor_start) <> q.anchor_exact", "stored-large"));
        // Every quote of the document quotes its source's last revision (SyntheticThread), so every one is anchored.
        var quotes = document.Posts.Sum(p => p.Quotes.Count);
        Assert.True(quotes > PostCount / 5, $"{quotes} quotes"); // the document really has quotes to anchor
        Assert.Equal(quotes, await ScalarAsync($"SELECT count(*) FROM quotes q WHERE q.status = 'anchored' AND q.post_id IN (SELECT c.id {posts})", "stored-large"));
        // The search column is computed by the database from the copied text: every revision saying "gradient" is found.
        var sayingGradient = document.Posts.SelectMany(p => p.Revisions)
            .Count(r => System.Text.RegularExpressions.Regex.IsMatch(r.Body, @"\bgradient\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        Assert.True(sayingGradient > 0);
        Assert.Equal(sayingGradient, await ScalarAsync(
            $"SELECT count(*) FROM post_revisions r WHERE r.post_id IN (SELECT c.id {posts}) AND r.search_vector @@ plainto_tsquery('english', 'gradient')", "stored-large"));
        // The next block EF Core's HiLo takes starts past every id the copy took.
        Assert.True(await ScalarAsync(
            "SELECT (SELECT last_value + increment_by FROM pg_sequences WHERE sequencename = 'post_ids') - (SELECT max(id) FROM posts WHERE $1 <> '')", "x") > 0);
    }

    [Fact]
    public async Task Importing_a_large_thread_twice_changes_nothing()
    {
        var document = Generated("large-twice");
        await using (var db = database.CreateContext())
            await new ThreadImporter(db, TimeProvider.System).ImportAsync(document, "large.json");
        var before = await database.CountRowsAsync();

        await using var again = database.CreateContext();
        var second = await new ThreadImporter(again, TimeProvider.System).ImportAsync(document, "large.json");

        Assert.Equal(0, second.PostsAdded);
        Assert.Equal(PostCount, second.PostsAlreadyPresent);
        Assert.Equal(before, await database.CountRowsAsync());
    }

    [Fact]
    public async Task A_large_thread_with_one_misplaced_quote_imports_nothing_and_names_the_post()
    {
        var good = Generated("large-refused");
        var index = good.Posts.FindLastIndex(p => p.Quotes.Count > 0);
        var quote = good.Posts[index].Quotes[0];
        var bad = good.Posts[index] with { Quotes = [quote with { Start = quote.Start + 1, End = quote.End + 1 }] };
        var document = good with { Posts = [.. good.Posts[..index], bad, .. good.Posts[(index + 1)..]] };
        var before = await database.CountRowsAsync();

        await using var db = database.CreateContext();
        var error = await Assert.ThrowsAsync<ImportException>(() => new ThreadImporter(db, TimeProvider.System).ImportAsync(document, "large.json"));

        Assert.Equal($"$.posts[{index}].quotes[0]", Assert.Single(error.Errors).Where);
        Assert.Equal(before, await database.CountRowsAsync());
    }
}
