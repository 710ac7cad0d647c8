using System.Diagnostics;
using Debate.Core.Interchange;

namespace Debate.Cli.Commands;

/// <summary>Prints how far a large import has come to standard error, at most once a second, and the rate at the end.</summary>
internal sealed class ProgressPrinter(TextWriter output) : IProgress<ImportProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _printedAt = TimeSpan.Zero;

    public void Report(ImportProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var elapsed = _clock.Elapsed;
        if (value.PostsWritten < value.PostsToWrite && elapsed - _printedAt < TimeSpan.FromSeconds(1))
            return;
        _printedAt = elapsed;
        var rate = value.PostsWritten / Math.Max(elapsed.TotalSeconds, 0.001);
        output.WriteLine($"posts written: {value.PostsWritten:N0}/{value.PostsToWrite:N0} ({rate:N0} posts/s, {elapsed.TotalSeconds:N1} s)");
    }
}
