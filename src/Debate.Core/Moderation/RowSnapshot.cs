using System.Text.Json;
using Debate.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Debate.Core.Moderation;

/// <summary>
/// Rows of several tables exactly as PostgreSQL holds them (<c>to_jsonb</c> of each row, ordered by id), so a
/// moderation action can log what it touched before and after, and an undo can write the "before" back
/// column for column: rows changed are updated, rows added are deleted, rows removed are inserted again.
/// </summary>
public static class RowSnapshot
{
    /// <summary>The tables a snapshot may name: constants, never user input, since they go into SQL.</summary>
    public static readonly IReadOnlySet<string> Tables = new HashSet<string>(StringComparer.Ordinal)
    {
        "threads", "posts", "provenance", "quotes", "claim_tags", "repost_candidates", "post_moves",
    };

    /// <summary>
    /// A column the database keeps for itself and never puts back: a thread's page version only goes up (it keys
    /// cached pages, and an undo is a change too), and it rises when the action commits, after its snapshot was taken.
    /// </summary>
    private const string KeptByTheDatabase = "page_version";

    /// <summary>The rows with these ids, per table, as one JSON object: {"posts": [...], ...}.</summary>
    public static async Task<JsonDocument> TakeAsync(DebateDbContext db, IReadOnlyDictionary<string, IReadOnlyCollection<long>> ids, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        var parameters = new List<object>();
        foreach (var (table, keys) in ids.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            Check(table);
            parameters.Add(new NpgsqlParameter($"p{parameters.Count}", keys.Distinct().ToArray()));
            parts.Add($"'{table}', (SELECT coalesce(jsonb_agg(to_jsonb(t) - '{KeptByTheDatabase}' ORDER BY t.id), '[]'::jsonb) FROM {table} t WHERE t.id = ANY(@p{parameters.Count - 1}))");
        }
        var sql = $"SELECT jsonb_build_object({string.Join(", ", parts)})::text AS \"Value\"";
        var text = await db.Database.SqlQueryRaw<string>(sql, [.. parameters]).SingleAsync(cancellationToken);
        return JsonDocument.Parse(text);
    }

    /// <summary>The ids a snapshot holds, per table.</summary>
    public static Dictionary<string, IReadOnlyCollection<long>> Ids(JsonDocument snapshot) =>
        snapshot.RootElement.EnumerateObject().ToDictionary(
            table => table.Name,
            table => (IReadOnlyCollection<long>)table.Value.EnumerateArray().Select(row => row.GetProperty("id").GetInt64()).ToList(),
            StringComparer.Ordinal);

    /// <summary>Whether the rows still stand as <paramref name="expected"/> shows them (compared as jsonb, in PostgreSQL).</summary>
    public static async Task<bool> StillMatchesAsync(DebateDbContext db, JsonDocument expected, CancellationToken cancellationToken)
    {
        var now = await TakeAsync(db, Ids(expected), cancellationToken);
        return await db.Database.SqlQueryRaw<bool>(
                "SELECT (@now::jsonb = @expected::jsonb) AS \"Value\"",
                new NpgsqlParameter("now", now.RootElement.GetRawText()),
                new NpgsqlParameter("expected", expected.RootElement.GetRawText()))
            .SingleAsync(cancellationToken);
    }

    /// <summary>
    /// Puts back the rows of <paramref name="before"/>, and removes rows that <paramref name="after"/> has and
    /// <paramref name="before"/> has not. Tables go in the order given, so parents can be written before children.
    /// </summary>
    public static async Task RestoreAsync(DebateDbContext db, JsonDocument before, JsonDocument after, IReadOnlyList<string> order, CancellationToken cancellationToken)
    {
        var beforeTables = before.RootElement;
        var afterTables = after.RootElement;
        foreach (var table in order)
        {
            Check(table);
            var rows = beforeTables.TryGetProperty(table, out var b) ? b.GetRawText() : "[]";
            var added = afterTables.TryGetProperty(table, out var a) ? a.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToArray() : [];
            var columns = await ColumnsAsync(db, table, cancellationToken);
            var assignments = string.Join(", ", columns.Where(c => c != "id").Select(c => $"\"{c}\" = r.\"{c}\""));
            var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
            var selected = string.Join(", ", columns.Select(c => $"r.\"{c}\""));
            // Table and column names come from the checked list and the catalogue; the rows go as a parameter.
            var delete = $"DELETE FROM {table} t WHERE t.id = ANY(@added) AND NOT EXISTS (SELECT 1 FROM jsonb_populate_recordset(null::{table}, @rows::jsonb) r WHERE r.id = t.id)";
            var update = $"UPDATE {table} t SET {assignments} FROM jsonb_populate_recordset(null::{table}, @rows::jsonb) r WHERE t.id = r.id";
            var insert = $"INSERT INTO {table} ({list}) SELECT {selected} FROM jsonb_populate_recordset(null::{table}, @rows::jsonb) r WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE t.id = r.id)";
            await db.Database.ExecuteSqlRawAsync(delete, [new NpgsqlParameter("added", added), new NpgsqlParameter("rows", rows)], cancellationToken);
            await db.Database.ExecuteSqlRawAsync(update, [new NpgsqlParameter("rows", rows)], cancellationToken);
            await db.Database.ExecuteSqlRawAsync(insert, [new NpgsqlParameter("rows", rows)], cancellationToken);
        }
    }

    /// <summary>The columns one can write (not generated ones such as the search vector, nor the page version).</summary>
    private static async Task<List<string>> ColumnsAsync(DebateDbContext db, string table, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<string>(
                "SELECT column_name::text AS \"Value\" FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table AND is_generated = 'NEVER' AND column_name <> @kept ORDER BY ordinal_position",
                new NpgsqlParameter("table", table), new NpgsqlParameter("kept", KeptByTheDatabase))
            .ToListAsync(cancellationToken);

    private static void Check(string table)
    {
        if (!Tables.Contains(table))
            throw new ArgumentException($"{table} is not a table a moderation snapshot may hold.", nameof(table));
    }
}
