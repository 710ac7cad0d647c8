using Debate.Core.Data;
using Debate.Core.Markdown;
using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Debate.Core.Interchange;

/// <summary>Where a post stands in its thread's tree.</summary>
internal sealed record PostPlace(long Id, string Path, int Depth);

/// <summary>A post about to be written: its document record, its place, and the ids reserved for it and its revisions.</summary>
internal sealed record PostRow(PostInfo Info, PostPlace Place, long? ParentId, long AuthorId, List<long> RevisionIds);

/// <summary>
/// Writes posts and what hangs from them (revisions, provenance, quotes, claim tags) by binary COPY, inside
/// the caller's EF Core transaction, so an import of 100,000 posts streams rows instead of tracking entities.
/// Ids come from the same sequences EF Core's HiLo uses, taken a block at a time, so the two never meet.
/// Revisions are rendered in parallel, a chunk ahead of the chunk being written.
/// </summary>
internal sealed class PostCopy
{
    public const string PostIds = "post_ids";
    public const string RevisionIds = "post_revision_ids";
    private const int RenderChunk = 512;

    private readonly NpgsqlConnection _connection;

    private PostCopy(NpgsqlConnection connection) => _connection = connection;

    private static RenderedMarkdown Refused(System.Collections.Concurrent.ConcurrentBag<ImportError> errors, ImportError error)
    {
        errors.Add(error);
        return new RenderedMarkdown("", "", "", "");
    }

    /// <summary>Begins writing inside the context's open transaction.</summary>
    public static async Task<PostCopy> BeginAsync(DebateDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Posts are copied inside a transaction, so a fault writes nothing.");
        var copy = new PostCopy((NpgsqlConnection)db.Database.GetDbConnection());
        // A post names its current revision and a revision its post: the check waits for the commit.
        await copy.ExecuteAsync("SET CONSTRAINTS fk_posts_post_revisions_current_revision_id DEFERRED", cancellationToken);
        return copy;
    }

    /// <summary>
    /// <paramref name="count"/> ids from a HiLo sequence: each nextval hands out a block as wide as the
    /// sequence's increment, exactly as EF Core takes them, so concurrent writers get disjoint blocks.
    /// </summary>
    public async Task<List<long>> ReserveIdsAsync(string sequence, int count, CancellationToken cancellationToken)
    {
        var ids = new List<long>(count);
        if (count == 0)
            return ids;
        await using var increment = new NpgsqlCommand("SELECT increment_by FROM pg_sequences WHERE schemaname = current_schema() AND sequencename = $1", _connection)
        {
            Parameters = { new() { Value = sequence } },
        };
        var block = (long)(await increment.ExecuteScalarAsync(cancellationToken))!;
        await using var blocks = new NpgsqlCommand("SELECT nextval($1::regclass) FROM generate_series(1, $2)", _connection)
        {
            Parameters = { new() { Value = sequence }, new() { Value = (int)((count + block - 1) / block) } },
        };
        await using var reader = await blocks.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var low = reader.GetInt64(0);
            for (var id = low; id < low + block && ids.Count < count; id++)
                ids.Add(id);
        }
        return ids;
    }

    public async Task WritePostsAsync(long threadId, IReadOnlyList<PostRow> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var copy = await _connection.BeginBinaryImportAsync(
            "COPY posts (id, thread_id, parent_id, path, depth, author_id, posted_at, import_key, current_revision_id, is_deleted, deleted_at, is_hidden) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(row.Place.Id, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(threadId, NpgsqlDbType.Bigint, cancellationToken);
            await WriteAsync(copy, row.ParentId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(row.Place.Path, NpgsqlDbType.LTree, cancellationToken);
            await copy.WriteAsync(row.Place.Depth, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(row.AuthorId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(row.Info.PostedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(row.Info.Id, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(row.RevisionIds[^1], NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(row.Info.Deleted, NpgsqlDbType.Boolean, cancellationToken);
            await WriteAsync(copy, row.Info.Deleted ? now.ToUniversalTime() : (DateTimeOffset?)null, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(row.Info.Hidden, NpgsqlDbType.Boolean, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// Renders and writes every revision of <paramref name="rows"/>, and notes each post's revisions (id and
    /// plain text, what quotes and claim tags are anchored in) in <paramref name="plainTexts"/>. A revision too deeply
    /// nested to render refuses the file named <paramref name="fileName"/>.
    /// </summary>
    public async Task WriteRevisionsAsync(
        IReadOnlyList<PostRow> rows, Func<PostInfo, List<RevisionInfo>> revisionsOf, Dictionary<string, List<(long Id, string PlainText)>> plainTexts,
        string fileName, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await ExecuteAsync("SET LOCAL debate.import_adds_search_words = on", cancellationToken);
        await CopyRevisionsAsync(rows, revisionsOf, plainTexts, fileName, progress, cancellationToken);
        await ExecuteAsync("SET LOCAL debate.import_adds_search_words = off", cancellationToken);
        await AddSearchWordsAsync(rows, cancellationToken);
    }

    private async Task CopyRevisionsAsync(
        IReadOnlyList<PostRow> rows, Func<PostInfo, List<RevisionInfo>> revisionsOf, Dictionary<string, List<(long Id, string PlainText)>> plainTexts,
        string fileName, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        Task<RenderedMarkdown[][]> Render(int from) => Task.Run(() =>
        {
            var rendered = new RenderedMarkdown[Math.Min(RenderChunk, rows.Count - from)][];
            var tooDeep = new System.Collections.Concurrent.ConcurrentBag<ImportError>();
            Parallel.For(0, rendered.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                var row = rows[from + i];
                rendered[i] = revisionsOf(row.Info).Select(r => MarkdownRenderer.TryRender(r.Body, $"p{row.Place.Id}-")
                    ?? Refused(tooDeep, new ImportError($"post \"{row.Info.Id}\", revision {r.Number}", MarkdownTooDeepException.Explanation))).ToArray();
            });
            if (!tooDeep.IsEmpty)
                throw new ImportException(fileName, [.. tooDeep.OrderBy(e => e.Where, StringComparer.Ordinal)]);
            return rendered;
        }, cancellationToken);

        await using var copy = await _connection.BeginBinaryImportAsync(
            "COPY post_revisions (id, post_id, number, body, html, plain_text, own_text, quoted_text, created_at, edited_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        var next = rows.Count > 0 ? Render(0) : null;
        for (var from = 0; next is not null; from += RenderChunk)
        {
            var rendered = await next;
            // The next chunk renders on the other cores while this one goes to the server.
            next = from + RenderChunk < rows.Count ? Render(from + RenderChunk) : null;
            for (var i = 0; i < rendered.Length; i++)
            {
                var row = rows[from + i];
                var infos = revisionsOf(row.Info);
                var texts = new List<(long, string)>(infos.Count);
                for (var r = 0; r < infos.Count; r++)
                {
                    var (info, html) = (infos[r], rendered[i][r]);
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(row.RevisionIds[r], NpgsqlDbType.Bigint, cancellationToken);
                    await copy.WriteAsync(row.Place.Id, NpgsqlDbType.Bigint, cancellationToken);
                    await copy.WriteAsync(info.Number, NpgsqlDbType.Integer, cancellationToken);
                    await copy.WriteAsync(info.Body, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(html.Html, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(html.PlainText, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(html.OwnText, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(html.QuotedText, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync((info.EditedAt ?? row.Info.PostedAt).ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                    await WriteAsync(copy, info.EditedAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                    texts.Add((row.RevisionIds[r], html.PlainText));
                }
                plainTexts[row.Info.Id] = texts;
            }
            progress?.Report(new ImportProgress(from + rendered.Length, rows.Count));
        }
        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// Adds the words of the revisions just copied to search_words in one statement. The trigger that does it
    /// for other writes would cost as much as the COPY itself (see the ImportAddsSearchWordsOnce migration).
    /// </summary>
    private async Task AddSearchWordsAsync(IReadOnlyList<PostRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.SelectMany(r => r.RevisionIds).ToList();
        if (ids.Count == 0)
            return;
        await using var words = new NpgsqlCommand("SELECT search_words_add_revisions($1, $2)", _connection)
        {
            Parameters = { new() { Value = ids.Min() }, new() { Value = ids.Max() } },
        };
        await words.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task WriteProvenanceAsync(IReadOnlyList<PostRow> rows, CancellationToken cancellationToken)
    {
        await using var copy = await _connection.BeginBinaryImportAsync(
            "COPY provenance (post_id, platform, url, external_id, author_handle, captured_at, relation, span_start, span_end, raw_record) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var row in rows)
        {
            foreach (var record in row.Info.Provenance)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(row.Place.Id, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(LowerCaseEnum.Name(record.Platform), NpgsqlDbType.Varchar, cancellationToken);
                await WriteAsync(copy, record.Url, NpgsqlDbType.Text, cancellationToken);
                await WriteAsync(copy, record.ExternalId, NpgsqlDbType.Varchar, cancellationToken);
                await WriteAsync(copy, record.AuthorHandle, NpgsqlDbType.Varchar, cancellationToken);
                await WriteAsync(copy, record.CapturedAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(LowerCaseEnum.Name(record.Relation), NpgsqlDbType.Varchar, cancellationToken);
                await WriteAsync(copy, record.SpanStart, NpgsqlDbType.Integer, cancellationToken);
                await WriteAsync(copy, record.SpanEnd, NpgsqlDbType.Integer, cancellationToken);
                await WriteAsync(copy, record.RawRecord, NpgsqlDbType.Text, cancellationToken);
            }
        }
        await copy.CompleteAsync(cancellationToken);
    }

    public async Task WriteQuotesAsync(IReadOnlyList<Quote> quotes, CancellationToken cancellationToken)
    {
        if (quotes.Count == 0)
            return;
        await using var copy = await _connection.BeginBinaryImportAsync(
            "COPY quotes (post_id, source_post_id, source_revision_id, status, current_revision_id, current_start, current_end, created_at, "
            + "anchor_exact, anchor_prefix, anchor_suffix, anchor_start, anchor_end) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var quote in quotes)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(quote.PostId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(quote.SourcePostId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(quote.SourceRevisionId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(LowerCaseEnum.Name(quote.Status), NpgsqlDbType.Varchar, cancellationToken);
            await WriteCurrentAsync(copy, quote.CurrentRevisionId, quote.CurrentStart, quote.CurrentEnd, cancellationToken);
            await copy.WriteAsync(quote.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteAnchorAsync(copy, quote.Anchor, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    public async Task WriteClaimsAsync(IReadOnlyList<ClaimTag> claims, CancellationToken cancellationToken)
    {
        if (claims.Count == 0)
            return;
        await using var copy = await _connection.BeginBinaryImportAsync(
            "COPY claim_tags (post_id, revision_id, tag_id, stance, status, current_revision_id, current_start, current_end, state, created_at, "
            + "anchor_exact, anchor_prefix, anchor_suffix, anchor_start, anchor_end) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var claim in claims)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(claim.PostId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(claim.RevisionId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(claim.TagId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(LowerCaseEnum.Name(claim.Stance), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(LowerCaseEnum.Name(claim.Status), NpgsqlDbType.Varchar, cancellationToken);
            await WriteCurrentAsync(copy, claim.CurrentRevisionId, claim.CurrentStart, claim.CurrentEnd, cancellationToken);
            await copy.WriteAsync(LowerCaseEnum.Name(claim.State), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(claim.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteAnchorAsync(copy, claim.Anchor, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task WriteCurrentAsync(NpgsqlBinaryImporter copy, long? revisionId, int? start, int? end, CancellationToken cancellationToken)
    {
        await WriteAsync(copy, revisionId, NpgsqlDbType.Bigint, cancellationToken);
        await WriteAsync(copy, start, NpgsqlDbType.Integer, cancellationToken);
        await WriteAsync(copy, end, NpgsqlDbType.Integer, cancellationToken);
    }

    private static async Task WriteAnchorAsync(NpgsqlBinaryImporter copy, TextAnchor anchor, CancellationToken cancellationToken)
    {
        await copy.WriteAsync(anchor.Exact, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(anchor.Prefix, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(anchor.Suffix, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(anchor.Start, NpgsqlDbType.Integer, cancellationToken);
        await copy.WriteAsync(anchor.End, NpgsqlDbType.Integer, cancellationToken);
    }

    private static async Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken) where T : struct
    {
        if (value is { } known)
            await copy.WriteAsync(known, type, cancellationToken);
        else
            await copy.WriteNullAsync(cancellationToken);
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is not null)
            await copy.WriteAsync(value, type, cancellationToken);
        else
            await copy.WriteNullAsync(cancellationToken);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
