using Debate.Core.Data;
using Debate.Core.Interchange;
using Debate.Core.Markdown;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Debate.Web.Tests.Infrastructure;

/// <summary>
/// Loads a generated thread of thousands of posts in seconds: the thread and its authors through the
/// importer, the posts and their revisions (rendered by the app's own renderer) by binary COPY.
/// Takes documents of one-sentence posts only (no quotes, claims, provenance or earlier revisions), parents first.
/// </summary>
internal static class BulkThread
{
    private const long FirstId = 1_000_000;

    /// <summary>
    /// A one-sentence post as the renderer stores it, without running the renderer 5,000 times (seconds of a
    /// test run); the first post is rendered for real and must come out the same, so the two cannot drift.
    /// </summary>
    private static RenderedMarkdown RenderSentence(string sentence) =>
        new($"<p>{System.Net.WebUtility.HtmlEncode(sentence)}</p>\n", sentence + "\n", sentence + "\n", "");

    public static async Task LoadAsync(DebateDbContext db, NpgsqlDataSource dataSource, ThreadDocument document)
    {
        if (document.Posts.Count > 0 && MarkdownRenderer.Render(document.Posts[0].Body, "p0-") != RenderSentence(document.Posts[0].Body))
            throw new InvalidOperationException("BulkThread writes one-sentence posts only; render this document through the importer.");
        await new ThreadImporter(db, TimeProvider.System).ImportAsync(document with { Posts = [] }, "bulk.json");
        var threadId = await db.Threads.Where(t => t.Slug == document.Thread.Slug).Select(t => t.Id).SingleAsync();
        var authors = await db.Authors.ToDictionaryAsync(a => a.Slug, a => a.Id);

        var ids = new Dictionary<string, (long Id, string Path, int Depth)>(StringComparer.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var posts = await connection.BeginBinaryImportAsync(
            "COPY posts (id, thread_id, parent_id, path, depth, author_id, posted_at, import_key, is_deleted, is_hidden) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var post in document.Posts)
            {
                var id = FirstId + ids.Count;
                var parent = post.ParentId is null ? ((long Id, string Path, int Depth)?)null : ids[post.ParentId];
                var place = (id, parent is { } p ? $"{p.Path}.{id}" : $"{id}", parent is { } q ? q.Depth + 1 : 0);
                ids[post.Id] = place;
                await posts.StartRowAsync();
                await posts.WriteAsync(id, NpgsqlDbType.Bigint);
                await posts.WriteAsync(threadId, NpgsqlDbType.Bigint);
                if (parent is { } known)
                    await posts.WriteAsync(known.Id, NpgsqlDbType.Bigint);
                else
                    await posts.WriteNullAsync();
                await posts.WriteAsync(place.Item2, NpgsqlDbType.LTree);
                await posts.WriteAsync(place.Item3, NpgsqlDbType.Integer);
                await posts.WriteAsync(authors[post.AuthorId], NpgsqlDbType.Bigint);
                await posts.WriteAsync(post.PostedAt, NpgsqlDbType.TimestampTz);
                await posts.WriteAsync(post.Id, NpgsqlDbType.Varchar);
                await posts.WriteAsync(false, NpgsqlDbType.Boolean);
                await posts.WriteAsync(false, NpgsqlDbType.Boolean);
            }
            await posts.CompleteAsync();
        }
        await using (var revisions = await connection.BeginBinaryImportAsync(
            "COPY post_revisions (id, post_id, number, body, html, plain_text, own_text, quoted_text, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var post in document.Posts)
            {
                var id = ids[post.Id].Id;
                var rendered = RenderSentence(post.Body);
                await revisions.StartRowAsync();
                await revisions.WriteAsync(id, NpgsqlDbType.Bigint);
                await revisions.WriteAsync(id, NpgsqlDbType.Bigint);
                await revisions.WriteAsync(1, NpgsqlDbType.Integer);
                await revisions.WriteAsync(post.Body, NpgsqlDbType.Text);
                await revisions.WriteAsync(rendered.Html, NpgsqlDbType.Text);
                await revisions.WriteAsync(rendered.PlainText, NpgsqlDbType.Text);
                await revisions.WriteAsync(rendered.OwnText, NpgsqlDbType.Text);
                await revisions.WriteAsync(rendered.QuotedText, NpgsqlDbType.Text);
                await revisions.WriteAsync(post.PostedAt, NpgsqlDbType.TimestampTz);
            }
            await revisions.CompleteAsync();
        }
        await using var finish = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("UPDATE posts SET current_revision_id = id WHERE thread_id = $1") { Parameters = { new() { Value = threadId } } },
                new NpgsqlBatchCommand("UPDATE threads SET post_count = $2, last_activity_at = $3 WHERE id = $1")
                {
                    Parameters = { new() { Value = threadId }, new() { Value = document.Posts.Count }, new() { Value = document.Posts.Max(p => p.PostedAt) } },
                },
                // Ids the app hands out later must not meet the ones written here.
                new NpgsqlBatchCommand($"SELECT setval('post_ids', {FirstId * 2}), setval('post_revision_ids', {FirstId * 2})"),
            },
        };
        await finish.ExecuteNonQueryAsync();
    }
}
