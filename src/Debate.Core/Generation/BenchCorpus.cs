using System.Diagnostics;
using Debate.Core.Data;
using Debate.Core.Interchange;

namespace Debate.Core.Generation;

/// <summary>How far a corpus has got: posts and threads written, and the time taken.</summary>
public sealed record BenchCorpusProgress(int Posts, int Threads, TimeSpan Elapsed);

/// <summary>
/// A generated corpus for benchmarks: many small threads, some of hundreds and a few of thousands of posts,
/// written by the importer's binary COPY path, one transaction per thread. The same seed gives the same
/// corpus; its threads are named bench-{seed}-1, bench-{seed}-2, ...
/// </summary>
public static class BenchCorpus
{
    public static string Slug(int seed, int thread) => $"bench-{seed}-{thread}";

    /// <param name="progress">Called on the caller's flow after each thread.</param>
    public static async Task<BenchCorpusProgress> WriteAsync(
        Func<DebateDbContext> createContext, int posts, int seed, Action<BenchCorpusProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(createContext);
        var sizes = new Random(seed);
        var generator = new SyntheticThread(seed, authorCount: Math.Clamp(posts / 100, 20, 20_000));
        var clock = Stopwatch.StartNew();
        var (written, threads) = (0, 0);
        while (written < posts)
        {
            var size = Math.Min(posts - written, ThreadSize(sizes));
            var slug = Slug(seed, threads + 1);
            var document = generator.Thread(slug, $"Generated thread {threads + 1} ({size:N0} posts)", size, slug);
            await using (var db = createContext())
                await new ThreadImporter(db, TimeProvider.System).ImportAsync(document, slug, cancellationToken);
            written += size;
            threads++;
            progress?.Invoke(new BenchCorpusProgress(written, threads, clock.Elapsed));
        }
        return new BenchCorpusProgress(written, threads, clock.Elapsed);
    }

    /// <summary>Most threads are short; one in five runs to hundreds of posts and one in fifty to thousands.</summary>
    private static int ThreadSize(Random random) => random.NextDouble() switch
    {
        < 0.02 => random.Next(1_000, 6_000),
        < 0.2 => random.Next(100, 800),
        _ => random.Next(3, 60),
    };
}
