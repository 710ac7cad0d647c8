using Debate.Core.Reconstruction;
using Xunit;
using System.Text;
using System.Text.RegularExpressions;

namespace Debate.Core.Tests.Reconstruction;

/// <summary>The seed page and its truth (copied to the output folder), and pages derived from them.</summary>
internal static partial class TestData
{
    public const string SeedFile = "002_97dd18eff6661fdc.txt";
    public const string TruthFile = "seed-002-truth.json";

    // The seed's second rendering starts here (1-based); only the page-without-second-rendering
    // test and the large-page generator need to know it, to cut the seed apart.
    public const int SeedSecondRenderingStart = 128;

    [GeneratedRegex(@"\b(\w{5,})\b")]
    private static partial Regex LongWordPattern();

    public static string Seed => Read(SeedFile);

    public static string Truth => Read(TruthFile);

    public static string[] SeedLines => Seed.Split('\n');

    /// <summary>
    /// A page of <paramref name="copies"/> altered copies of the seed: all first renderings, then all
    /// second renderings, as one long thread would be flattened. Each copy tags its long words
    /// ("training" → "trainingqb"), so copies quote themselves but not each other.
    /// </summary>
    public static string LargePage(int copies)
    {
        var lines = SeedLines;
        var first = lines[..(SeedSecondRenderingStart - 1)];
        var second = lines[(SeedSecondRenderingStart - 1)..];
        var page = new StringBuilder();
        foreach (var part in new[] { first, second })
        {
            for (var copy = 0; copy < copies; copy++)
            {
                var tag = Tag(copy);
                foreach (var line in part)
                {
                    page.Append(LongWordPattern().Replace(line, m => m.Value + tag)).Append('\n');
                }
            }
        }

        return page.ToString().TrimEnd('\n');
    }

    private static string Tag(int copy)
    {
        var tag = new StringBuilder("q");
        for (var n = copy + 1; n > 0; n /= 26)
        {
            tag.Append((char)('a' + (n % 26)));
        }

        return tag.ToString();
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", file));
}
