using System.CommandLine;
using System.Diagnostics;
using Debate.Core.Generation;
using Debate.Core.Interchange;

namespace Debate.Cli.Commands;

/// <summary>
/// Fills the database with a generated corpus for benchmarks: many small threads, some of hundreds and a few
/// of thousands of posts, written by the importer's binary COPY path. The same seed gives the same corpus.
/// </summary>
internal static class BenchDataCommand
{
    public static Command Create()
    {
        var posts = new Option<int>("--posts") { Description = "how many posts in all", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { Description = "the same seed gives the same corpus", DefaultValueFactory = _ => 1 };
        var command = new Command("bench-data", "Write a generated corpus of N posts in threads of mixed sizes into the database, for benchmarks") { posts, seed };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var total = parse.GetValue(posts);
            var corpusSeed = parse.GetValue(seed);
            var sizes = new Random(corpusSeed);
            var generator = new SyntheticThread(corpusSeed, authorCount: Math.Clamp(total / 100, 20, 20_000));
            await using var database = await CliDatabase.OpenAsync(cancellationToken);
            var clock = Stopwatch.StartNew();
            var (written, threads, printedAt) = (0, 0, TimeSpan.Zero);
            while (written < total)
            {
                var size = Math.Min(total - written, ThreadSize(sizes));
                var slug = $"bench-{corpusSeed}-{threads + 1}";
                var document = generator.Thread(slug, $"Generated thread {threads + 1} ({size:N0} posts)", size, slug);
                await using (var db = database.CreateContext())
                    await new ThreadImporter(db, TimeProvider.System).ImportAsync(document, slug, cancellationToken);
                written += size;
                threads++;
                if (clock.Elapsed - printedAt >= TimeSpan.FromSeconds(2) || written == total)
                {
                    printedAt = clock.Elapsed;
                    Console.Error.WriteLine($"{written:N0}/{total:N0} posts in {threads:N0} threads ({written / clock.Elapsed.TotalSeconds:N0} posts/s, {clock.Elapsed.TotalSeconds:N0} s)");
                }
            }
            Console.WriteLine($"{written:N0} posts in {threads:N0} threads, {clock.Elapsed.TotalSeconds:N1} s");
            return 0;
        });
        return command;
    }

    /// <summary>Most threads are short; one in five runs to hundreds of posts and one in fifty to thousands.</summary>
    private static int ThreadSize(Random random) => random.NextDouble() switch
    {
        < 0.02 => random.Next(1_000, 6_000),
        < 0.2 => random.Next(100, 800),
        _ => random.Next(3, 60),
    };
}
