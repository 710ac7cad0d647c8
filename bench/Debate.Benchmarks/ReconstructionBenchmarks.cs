using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Debate.Core.Reconstruction;

namespace Debate.Benchmarks;

/// <summary>Reconstruction of the seed page (206 lines) and of a 10,000-line page made of altered copies of it.</summary>
[MemoryDiagnoser]
[MedianColumn, MinColumn, MaxColumn]
public partial class ReconstructionBenchmarks
{
    private string _seed = "";
    private string _large = "";

    [GlobalSetup]
    public void Setup()
    {
        _seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "002_97dd18eff6661fdc.txt"));
        _large = LargePage(_seed, copies: 49);
    }

    [Benchmark]
    public int SeedPage() => PageReconstructor.Reconstruct(_seed).Comments.Count;

    [Benchmark]
    public int Page10000Lines() => PageReconstructor.Reconstruct(_large).Comments.Count;

    [GeneratedRegex(@"\b(\w{5,})\b")]
    private static partial Regex LongWord();

    /// <summary>
    /// All first renderings, then all second renderings, as one long thread flattens. Each copy tags its long
    /// words so copies quote themselves but not each other (the same page the reconstruction tests use).
    /// </summary>
    internal static string LargePage(string seed, int copies)
    {
        var lines = seed.Split('\n');
        const int secondRendering = 127;
        var page = new StringBuilder();
        foreach (var part in new[] { lines[..secondRendering], lines[secondRendering..] })
        {
            for (var copy = 0; copy < copies; copy++)
            {
                var tag = "q" + (char)('a' + copy % 26) + (char)('a' + copy / 26);
                foreach (var line in part)
                    page.Append(LongWord().Replace(line, m => m.Value + tag)).Append('\n');
            }
        }
        return page.ToString().TrimEnd('\n');
    }
}
