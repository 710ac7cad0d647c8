using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace Debate.Web.Tests.Benchmarks;

/// <summary>
/// bench/run.sh --smoke, run as a person would: every load scenario still runs and is answered without a failure.
/// It proves the harness works; it asserts no speed (the figures of a 2-second run on a shared machine mean nothing).
/// </summary>
public partial class LoadScenariosSmokeTests(ITestOutputHelper output)
{
    /// <summary>Every row the table must hold: the smoke corpus's threads are of 20, 50 and 100 posts.</summary>
    public static readonly string[] Scenarios =
    [
        "thread page, 20 posts", "thread page, 50 posts", "thread page, 100 posts",
        "thread page signed in, 20 posts", "thread page signed in, 50 posts", "thread page signed in, 100 posts",
        "JSON API, 20 posts", "JSON API, 50 posts", "JSON API, 100 posts",
        "baseline, 20 posts", "baseline, 50 posts", "baseline, 100 posts",
        "search, two words", "search, two words and a filter",
        "reply with two quotes",
    ];

    [GeneratedRegex(@"^\| (?<name>[^|]+?) \| (?<rps>[0-9.]+) \((?<min>[0-9.]+)–(?<max>[0-9.]+)\) \| (?<p50>[0-9.]+) \| (?<p99>[0-9.]+) \| (?<failed>[^|]+?) \| (?<ratio>[0-9.]*) \|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"^Peak working set of the app \(VmHWM\) over scenarios 1-5: (?<mb>[0-9]+) MB$", RegexOptions.Multiline)]
    private static partial Regex PeakLine();

    private static string Repository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Debate.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("The repository root (Debate.sln) is not above the test binaries.");
    }

    [Fact]
    public async Task The_smoke_run_prints_a_row_for_every_scenario_with_requests_answered_and_none_failed()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repository(), "bench", "run.sh"), "--smoke"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Its EXIT trap stops the app and the cluster it started.
            process.Kill(entireProcessTree: true);
            throw;
        }
        var printed = await stdout;
        output.WriteLine(printed);
        output.WriteLine(await stderr);

        Assert.True(process.ExitCode == 0, $"bench/run.sh --smoke exited with {process.ExitCode}:\n{printed}\n{await stderr}");
        var rows = TableRow().Matches(printed).ToDictionary(m => m.Groups["name"].Value);
        Assert.Equal(Scenarios, rows.Keys);
        foreach (var (name, row) in rows)
        {
            Assert.True(double.Parse(row.Groups["rps"].Value, CultureInfo.InvariantCulture) > 0, $"{name}: no request answered");
            Assert.Equal((name, "0"), (name, row.Groups["failed"].Value));
            Assert.True(double.Parse(row.Groups["p99"].Value, CultureInfo.InvariantCulture) >= double.Parse(row.Groups["p50"].Value, CultureInfo.InvariantCulture), $"{name}: p99 below p50");
        }
        foreach (var name in Scenarios.Where(n => n.StartsWith("thread page", StringComparison.Ordinal)))
            Assert.NotEqual("", rows[name].Groups["ratio"].Value);
        Assert.True(int.Parse(PeakLine().Match(printed).Groups["mb"].Value, CultureInfo.InvariantCulture) > 0, "no peak working set printed");
    }
}
