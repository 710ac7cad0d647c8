using System.CommandLine;
using Debate.Core.Generation;

namespace Debate.Cli.Commands;

/// <summary>
/// Fills the database with a generated corpus for benchmarks (<see cref="BenchCorpus"/>): many small threads,
/// some of hundreds and a few of thousands of posts. The same seed gives the same corpus.
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
            await using var database = await CliDatabase.OpenAsync(cancellationToken);
            var printedAt = TimeSpan.Zero;
            var total = parse.GetValue(posts);
            void Progress(BenchCorpusProgress p)
            {
                if (p.Elapsed - printedAt < TimeSpan.FromSeconds(2) && p.Posts < total)
                    return;
                printedAt = p.Elapsed;
                Console.Error.WriteLine($"{p.Posts:N0}/{total:N0} posts in {p.Threads:N0} threads ({p.Posts / p.Elapsed.TotalSeconds:N0} posts/s, {p.Elapsed.TotalSeconds:N0} s)");
            }
            var done = await BenchCorpus.WriteAsync(database.CreateContext, total, parse.GetValue(seed), Progress, cancellationToken);
            Console.WriteLine($"{done.Posts:N0} posts in {done.Threads:N0} threads, {done.Elapsed.TotalSeconds:N1} s");
            return 0;
        });
        return command;
    }
}
