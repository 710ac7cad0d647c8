using System.Runtime.CompilerServices;

namespace Debate.Core.Reconstruction;

/// <summary>
/// A second rendering of the same comments appended to the page (quotes and embeds stripped). It is
/// found as the suffix of the page whose lines mostly render lines before it, and then aligned with
/// the first rendering line by line, in order.
/// </summary>
internal sealed class SecondRendering
{
    // The suffix must be mostly renderings, and large enough not to be a quote block at the page's end.
    private const int MinRenderedLines = 3;
    private const double MinRenderedShareOfSuffix = 0.6;
    private const double MinRenderedShareOfFirst = 0.2;

    // A rendered line outweighs this many unrendered ones when choosing where the suffix starts:
    // a second rendering may open with a few lines that only it has (headings the first dropped).
    private const int UnrenderedPerRendered = 4;

    private readonly int[][] _renders;
    private readonly int[] _renderedBy;
    private readonly int[] _renderedBefore; // [i] = rendered first-rendering lines before line i

    private SecondRendering(int start, int[][] renders, int[] renderedBy)
    {
        Start = start;
        _renders = renders;
        _renderedBy = renderedBy;
        FirstCovered = Array.FindIndex(renderedBy, by => by >= 0);
        LastCovered = Array.FindLastIndex(renderedBy, by => by >= 0);
        _renderedBefore = new int[renderedBy.Length + 1];
        for (var i = 0; i < renderedBy.Length; i++)
        {
            _renderedBefore[i + 1] = _renderedBefore[i] + (renderedBy[i] >= 0 ? 1 : 0);
        }
    }

    /// <summary>The first line of the second rendering; the line count when the page has none.</summary>
    public int Start { get; }

    public bool Exists => FirstCovered >= 0;

    /// <summary>The first and last first-rendering lines that the second rendering renders again.</summary>
    public int FirstCovered { get; }

    public int LastCovered { get; }

    /// <summary>True for a first-rendering line the second rendering shows again: its author's own words.</summary>
    public bool IsRendered(int line) => line < _renderedBy.Length && _renderedBy[line] >= 0;

    /// <summary>Whether the second rendering speaks for this first-rendering line (it lies within the span it renders).</summary>
    public bool Covers(int line) => Exists && line >= FirstCovered && line <= LastCovered;

    /// <summary>The first-rendering lines a second-rendering line renders (empty if it renders none).</summary>
    public IReadOnlyList<int> RendersOf(int line) => _renders[line];

    /// <summary>How many lines from <paramref name="from"/> up to, not including, <paramref name="to"/> are rendered again.</summary>
    public int RenderedBetween(int from, int to) => _renderedBefore[to] - _renderedBefore[from];

    public static SecondRendering Detect(PageLines page)
    {
        var matcher = new RenderMatcher(page);
        var start = FindStart(page, matcher);
        var renders = new int[page.Count][];
        Array.Fill(renders, []);
        var renderedBy = new int[page.Count];
        Array.Fill(renderedBy, -1);
        if (start < page.Count)
        {
            Align(page, matcher, start, renders, renderedBy);
        }

        var renderedAny = Array.Exists(renderedBy, by => by >= 0);
        return new SecondRendering(renderedAny ? start : page.Count, renders, renderedBy);
    }

    /// <summary>
    /// Picks the start s maximising (lines from s that render a line before s) minus a quarter of
    /// (lines from s that do not), counted for every s at once with a Fenwick tree over each line's
    /// earliest rendered line. Quote blocks also repeat earlier text, but only a second rendering
    /// makes a whole suffix of repeats.
    /// </summary>
    private static int FindStart(PageLines page, RenderMatcher matcher)
    {
        var earliest = EarliestRenderedLines(page, matcher);
        var counts = new FenwickTree(page.Count);
        int suffixLines = 0, bestStart = page.Count, bestScore = int.MinValue, bestRendered = 0, bestSuffix = 0;
        for (var s = page.Count - 1; s >= 1; s--)
        {
            if (page.IsBlank(s))
            {
                continue;
            }

            suffixLines++;
            if (earliest[s] < 0)
            {
                continue;
            }

            counts.Add(earliest[s]);
            var rendered = counts.CountBelow(s);
            var score = (UnrenderedPerRendered * rendered) - (suffixLines - rendered);
            if (score >= bestScore)
            {
                (bestScore, bestStart, bestRendered, bestSuffix) = (score, s, rendered, suffixLines);
            }
        }

        var firstLines = Enumerable.Range(0, bestStart).Count(line => !page.IsBlank(line));
        var plausible = bestRendered >= MinRenderedLines
            && bestRendered >= MinRenderedShareOfSuffix * bestSuffix
            && bestRendered >= MinRenderedShareOfFirst * firstLines;
        return plausible ? bestStart : page.Count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over the whole page, run once: skip the slow first tier
    private static int[] EarliestRenderedLines(PageLines page, RenderMatcher matcher)
    {
        var earliest = new int[page.Count];
        Array.Fill(earliest, -1);
        for (var line = 1; line < page.Count; line++)
        {
            if (page.IsBlank(line))
            {
                continue;
            }

            foreach (var candidate in matcher.Candidates(page.Keys[line]))
            {
                if (candidate >= line)
                {
                    break;
                }

                if (matcher.Renders(page.Keys[line], candidate, line) is not null)
                {
                    earliest[line] = candidate;
                    break;
                }
            }
        }

        return earliest;
    }

    /// <summary>
    /// Aligns each second-rendering line with the first-rendering line(s) it renders. Both renderings
    /// list comments in the same order as a rule, so among equal texts ("Sycophantic model:" twice)
    /// the first one after the previous match wins; a line rendered already is a last resort.
    /// </summary>
    private static void Align(PageLines page, RenderMatcher matcher, int start, int[][] renders, int[] renderedBy)
    {
        var position = -1;
        for (var line = start; line < page.Count; line++)
        {
            if (page.IsBlank(line))
            {
                continue;
            }

            var run = BestRun(page, matcher, line, start, position, renderedBy);
            if (run is null)
            {
                continue; // a line only the second rendering has
            }

            renders[line] = run;
            foreach (var rendered in run)
            {
                if (renderedBy[rendered] < 0)
                {
                    renderedBy[rendered] = line;
                }
            }

            position = run[^1];
        }
    }

    private static int[]? BestRun(PageLines page, RenderMatcher matcher, int line, int start, int position, int[] renderedBy)
    {
        int[]? afterPosition = null, unrendered = null, any = null;
        foreach (var candidate in matcher.Candidates(page.Keys[line]))
        {
            if (candidate >= start)
            {
                break;
            }

            var run = matcher.Renders(page.Keys[line], candidate, start);
            if (run is null)
            {
                continue;
            }

            var fresh = renderedBy[candidate] < 0;
            if (fresh && candidate > position)
            {
                afterPosition = run;
                break;
            }

            unrendered ??= fresh ? run : null;
            any ??= run;
        }

        return afterPosition ?? unrendered ?? any;
    }

    /// <summary>Counts of values, queried as "how many values are below x", in O(log n).</summary>
    private sealed class FenwickTree(int size)
    {
        private readonly int[] _tree = new int[size + 1];

        public void Add(int value)
        {
            for (var i = value + 1; i < _tree.Length; i += i & -i)
            {
                _tree[i]++;
            }
        }

        public int CountBelow(int value)
        {
            var count = 0;
            for (var i = Math.Min(value, _tree.Length - 1); i > 0; i -= i & -i)
            {
                count += _tree[i];
            }

            return count;
        }
    }
}
