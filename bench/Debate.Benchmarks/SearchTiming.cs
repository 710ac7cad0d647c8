using System.Diagnostics;
using System.Globalization;
using Debate.Core.Data;
using Debate.Core.Postgres;
using Debate.Core.Search;
using Microsoft.EntityFrameworkCore;
using Npgsql;

/// <summary>
/// The search benchmark (a timed harness, not BenchmarkDotNet: it needs a database of a million posts).
/// Starts a private PostgreSQL cluster, fills it once with the generated corpus (search-corpus.sql), then times
/// typical queries through the app's search service and the same SQL statements run bare, interleaved.
/// Usage: search [--posts N] [--data DIR] [--queries N] [--explain]
/// </summary>
internal static class SearchTiming
{
    private static readonly string[] Syllables = ["ka", "lo", "mi", "nu", "pe", "ri", "so", "ta", "vu", "ze", "bra", "cle", "dri", "fro", "glu", "pla", "sti", "tro", "wen", "yor"];

    /// <summary>The corpus's word of frequency rank <paramref name="rank"/> (1 = most common), as search-corpus.sql makes it.</summary>
    private static string Word(int rank)
    {
        var i = rank - 1;
        return Syllables[i % 20] + Syllables[i / 20 % 20] + Syllables[i / 400 % 20];
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var posts = Option(args, "--posts", 1_000_000);
        var queryCount = Option(args, "--queries", 200);
        var data = args.SkipWhile(a => a != "--data").Skip(1).FirstOrDefault() ?? Path.Combine(Path.GetTempPath(), "debate-search-bench");
        await using var cluster = await LocalPostgres.StartAsync(new LocalPostgresOptions { DataDirectory = data }, Console.WriteLine);
        var database = $"search_bench_{posts}";
        await cluster.EnsureDatabaseAsync(database);
        await using var dataSource = DebateDatabase.CreateDataSource(cluster.ConnectionString(database));
        await using (var db = new DebateDbContext(DebateDatabase.Options(dataSource)))
        {
            await db.Database.MigrateAsync();
            if (!await db.Posts.AnyAsync())
                await FillAsync(dataSource, posts);
        }

        var random = new Random(42);
        // A typical word: log-uniform between the 10th and the 2,000th most common of 8,000.
        string TypicalWord() => Word((int)Math.Exp(Math.Log(10) + random.NextDouble() * (Math.Log(2000) - Math.Log(10))));
        var plain = Enumerable.Range(0, queryCount).Select(_ => $"{TypicalWord()} {TypicalWord()}").ToList();
        var threads = posts / 1000;
        var filtered = plain.Select((q, i) => (i % 4) switch
        {
            0 => q + " platform:twitter",
            1 => q + " after:2021-01-01",
            2 => q + $" thread:bench-{1 + random.Next(threads)}",
            _ => q + $" author:author-{1 + random.Next(5000)}",
        }).ToList();

        var search = new PostSearch(dataSource);
        if (args.Contains("--explain"))
            await ExplainAsync(dataSource, search, [plain[0], plain[1], filtered[0], filtered[1], filtered[2], filtered[3]]);
        Console.WriteLine($"corpus: {posts:N0} posts; {queryCount} queries of each kind; times in ms");
        Console.WriteLine("| queries | measured | p50 | p95 | p99 | mean results |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var (name, queries) in new[] { ("two words", plain), ("two words and a filter", filtered) })
            await TimeAsync(dataSource, search, name, queries);
        return 0;
    }

    private static async Task FillAsync(NpgsqlDataSource dataSource, int posts)
    {
        if (posts % 1000 != 0)
            throw new ArgumentException("--posts must be a multiple of 1,000 (threads of 1,000 posts).");
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "search-corpus.sql"));
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        // One statement at a time: VACUUM cannot run inside the implicit transaction of a multi-statement command.
        foreach (var statement in script.Replace("{posts}", posts.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                     .Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (statement.Split('\n').All(line => line.TrimStart().StartsWith("--", StringComparison.Ordinal) || line.Trim().Length == 0))
                continue;
            await using var command = new NpgsqlCommand(statement, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
            var line = statement.Split('\n').First(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal));
            Console.WriteLine($"{clock.Elapsed.TotalSeconds,7:F1} s  {line[..Math.Min(70, line.Length)]}");
        }
    }

    private static async Task TimeAsync(NpgsqlDataSource dataSource, PostSearch search, string name, List<string> queries)
    {
        // The statements each query runs, recorded from the service itself; a first pass also warms the caches.
        var statements = new List<List<PostSearch.Statement>>();
        var results = 0;
        foreach (var query in queries)
        {
            var recorded = new List<PostSearch.Statement>();
            using (PostSearch.Record(recorded))
                results += (await search.SearchAsync(query)).Posts.Count;
            statements.Add(recorded);
        }
        var service = new List<double>();
        var bare = new List<double>();
        var bareMatches = new List<double>();
        for (var i = 0; i < queries.Count; i++)
        {
            var clock = Stopwatch.StartNew();
            await search.SearchAsync(queries[i]);
            service.Add(clock.Elapsed.TotalMilliseconds);
            bare.Add(await ReplayAsync(dataSource, statements[i]));
            bareMatches.Add(await ReplayAsync(dataSource, statements[i].Where(s => s.Sql.Contains("ts_rank_cd", StringComparison.Ordinal) && s.Sql.Contains("post_revisions", StringComparison.Ordinal)).ToList()));
        }
        var mean = (double)results / queries.Count;
        Console.WriteLine($"| {name} | search service (all it does) | {P(service, 50):F1} | {P(service, 95):F1} | {P(service, 99):F1} | {mean:F1} |");
        Console.WriteLine($"| {name} | the same SQL statements, bare | {P(bare, 50):F1} | {P(bare, 95):F1} | {P(bare, 99):F1} | |");
        Console.WriteLine($"| {name} | the ranked-match statement alone | {P(bareMatches, 50):F1} | {P(bareMatches, 95):F1} | {P(bareMatches, 99):F1} | |");
    }

    /// <summary>Runs recorded statements as the service sent them (batched ones in one round trip), reading every row.</summary>
    private static async Task<double> ReplayAsync(NpgsqlDataSource dataSource, List<PostSearch.Statement> statements)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        for (var i = 0; i < statements.Count;)
        {
            await using var batch = new NpgsqlBatch(connection);
            do
            {
                var command = new NpgsqlBatchCommand(statements[i].Sql);
                command.Parameters.AddRange(statements[i].Parameters.Select(p => p.Clone()).ToArray());
                batch.BatchCommands.Add(command);
                i++;
            }
            while (i < statements.Count && statements[i].InBatchWithPrevious);
            await using var reader = await batch.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync())
                {
                    for (var column = 0; column < reader.FieldCount; column++)
                        _ = reader.GetValue(column);
                }
            }
            while (await reader.NextResultAsync());
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task ExplainAsync(NpgsqlDataSource dataSource, PostSearch search, IEnumerable<string> queries)
    {
        foreach (var query in queries)
        {
            var recorded = new List<PostSearch.Statement>();
            using (PostSearch.Record(recorded))
                await search.SearchAsync(query);
            foreach (var statement in recorded.Where(s => s.Sql.Contains("ts_rank_cd", StringComparison.Ordinal) && s.Sql.Contains("post_revisions", StringComparison.Ordinal)))
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + statement.Sql, connection);
                command.Parameters.AddRange(statement.Parameters.Select(p => p.Clone()).ToArray());
                Console.WriteLine($"--- {query}");
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    Console.WriteLine(reader.GetString(0));
            }
        }
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
