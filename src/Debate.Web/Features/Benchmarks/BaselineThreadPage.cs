using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Debate.Core.Reading;
using Npgsql;

namespace Debate.Web.Features.Benchmarks;

/// <summary>
/// The load benchmark's bare baseline (the shape of TechEmpower's Fortunes test): the posts of a thread's first
/// screen, read with raw Npgsql and written as plain HTML with no layout, no EF Core, no Razor. The thread page's
/// throughput is reported as a ratio to this, since absolute figures drift. Mapped only when
/// <see cref="SettingName"/> is true: it is no part of the product.
/// </summary>
internal static class BaselineThreadPage
{
    public const string SettingName = "Benchmarks:Baseline";

    // The thread and the shape of its tree in one round trip; a thread with no posts gives one row of NULLs.
    private const string StubsSql = """
        SELECT t.title, p.id, p.parent_id, p.posted_at
        FROM threads t LEFT JOIN posts p ON p.thread_id = t.id AND p.merged_into_id IS NULL
        WHERE t.slug = $1 AND t.status = 'published'
        """;

    private const string PostsSql = """
        SELECT p.id, a.display_name, p.posted_at, p.is_deleted, p.is_hidden, r.html
        FROM posts p JOIN authors a ON a.id = p.author_id LEFT JOIN post_revisions r ON r.id = p.current_revision_id
        WHERE p.id = ANY($1)
        """;

    private sealed record BarePost(string AuthorName, DateTimeOffset PostedAt, string Html);

    public static void MapBaselineThreadPage(this WebApplication app)
    {
        if (app.Configuration.GetValue(SettingName, false))
            app.MapGet("/benchmarks/baseline/{slug}", RespondAsync);
    }

    private static async Task RespondAsync(HttpContext context, string slug, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        string? title = null;
        var stubs = new List<PostStub>();
        await using (var command = new NpgsqlCommand(StubsSql, connection) { Parameters = { new() { Value = slug } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                title = reader.GetString(0);
                if (!reader.IsDBNull(1))
                    stubs.Add(new PostStub(reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3)));
            }
        }
        if (title is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // The same choice of posts as the thread page's first screen, so both read and write the same posts.
        var forest = new PostForest(stubs);
        var window = ThreadWindow.Select(forest, forest.Roots, 0, WindowLimits.Default);
        var posts = new Dictionary<long, BarePost>();
        await using (var command = new NpgsqlCommand(PostsSql, connection) { Parameters = { new() { Value = window.PostIds().ToArray() } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                // The stored HTML was sanitised when the revision was saved; the thread page writes it as it is too.
                var html = reader.GetBoolean(3) ? "<p>This post was deleted.</p>"
                    : reader.GetBoolean(4) ? "<p>This post was hidden by a moderator.</p>"
                    : reader.IsDBNull(5) ? "" : reader.GetString(5);
                posts[reader.GetInt64(0)] = new BarePost(reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), html);
            }
        }

        var page = new StringBuilder(64 * 1024);
        var encoder = HtmlEncoder.Default;
        page.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(encoder.Encode(title))
            .Append("</title></head><body><h1>").Append(encoder.Encode(title)).Append("</h1>");
        WriteList(page, encoder, window.Nodes, posts);
        page.Append("</body></html>");
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(page.ToString(), cancellationToken);
    }

    // Recursion is bounded by the window's depth.
    private static void WriteList(StringBuilder page, HtmlEncoder encoder, IReadOnlyList<WindowNode> nodes, Dictionary<long, BarePost> posts)
    {
        page.Append("<ol>");
        foreach (var node in nodes)
        {
            if (!posts.TryGetValue(node.Id, out var post))
                continue;
            page.Append("<li><article data-post-id=\"").Append(node.Id.ToString(CultureInfo.InvariantCulture)).Append("\"><p><b>")
                .Append(encoder.Encode(post.AuthorName)).Append("</b> <time>")
                .Append(post.PostedAt.ToString("O", CultureInfo.InvariantCulture)).Append("</time></p><div>")
                .Append(post.Html).Append("</div></article>");
            if (node.Replies.Count > 0)
                WriteList(page, encoder, node.Replies, posts);
            page.Append("</li>");
        }
        page.Append("</ol>");
    }
}
