using System.Runtime.CompilerServices;

namespace Debate.Core.Reconstruction;

/// <summary>
/// Decides whether a paragraph renders an earlier paragraph again. A second rendering keeps the
/// text but not the layout: it may repeat a line exactly (up to whitespace and quote styles), cut it
/// short, or merge it with the lines that follow ("Deceptive model:" + the next line). Lines are
/// indexed by the first characters of their key, so each lookup touches a handful of lines.
/// </summary>
internal sealed class RenderMatcher
{
    private const int PrefixLength = 16;
    private const int MinTruncatedRendering = 16;   // a cut-short rendering must keep this much text
    private const int MinTruncatedOriginal = 30;    // a first-rendering line cut short must keep this much
    private const int MaxMergedLines = 6;

    private readonly PageLines _page;
    private readonly Dictionary<string, List<int>> _byPrefix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly bool[] _shortKeyLengths = new bool[PrefixLength]; // which short key lengths exist at all

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over the whole page, run once: skip the slow first tier
    public RenderMatcher(PageLines page)
    {
        _page = page;
        for (var line = 0; line < page.Count; line++)
        {
            var key = page.Keys[line];
            if (key.Length == 0)
            {
                continue;
            }

            if (key.Length < PrefixLength)
            {
                _shortKeyLengths[key.Length] = true;
            }

            var prefix = key[..Math.Min(PrefixLength, key.Length)];
            if (!_byPrefix.TryGetValue(prefix, out var lines))
            {
                lines = [];
                _byPrefix[prefix] = lines;
            }

            lines.Add(line);
        }

        _lookup = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Lines, in ascending order, that a paragraph with this key may render: lines sharing its first
    /// characters, and short lines whose whole key begins it (merged renderings).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over the whole page, run once: skip the slow first tier
    public IReadOnlyList<int> Candidates(string key)
    {
        if (key.Length == 0)
        {
            return [];
        }

        var found = new List<int>();
        var shortest = Math.Min(PrefixLength - 1, key.Length);
        for (var length = 1; length <= shortest; length++)
        {
            // Keys shorter than the prefix length are stored whole, so this finds exactly the short
            // lines equal to the beginning of the paragraph.
            if (_shortKeyLengths[length] && _lookup.TryGetValue(key.AsSpan(0, length), out var lines))
            {
                found.AddRange(lines);
            }
        }

        if (key.Length >= PrefixLength && _lookup.TryGetValue(key.AsSpan(0, PrefixLength), out var longLines))
        {
            found.AddRange(longLines);
        }

        found.Sort();
        return found;
    }

    /// <summary>
    /// The lines, starting at <paramref name="line"/>, that a paragraph with <paramref name="key"/>
    /// renders again, or null. Lines at or past <paramref name="end"/> are never consumed.
    /// </summary>
    public int[]? Renders(string key, int line, int end)
    {
        var original = _page.Keys[line];
        if (original.Length == 0 || key.Length == 0)
        {
            return null;
        }

        if (original == key)
        {
            return [line];
        }

        var core = key.AsSpan().TrimEnd('.');
        if (core.Length >= MinTruncatedRendering && original.AsSpan().StartsWith(core, StringComparison.Ordinal))
        {
            return [line]; // the rendering was cut short
        }

        if (!key.StartsWith(original, StringComparison.Ordinal))
        {
            return null;
        }

        var merged = MergedRun(key, line, end);
        if (merged is not null)
        {
            return merged;
        }

        return original.Length >= MinTruncatedOriginal ? [line] : null; // the first rendering was cut short
    }

    /// <summary>The run of lines whose keys, concatenated, spell <paramref name="key"/>; null if they do not.</summary>
    private int[]? MergedRun(string key, int line, int end)
    {
        var run = new List<int> { line };
        var rest = key.AsSpan(_page.Keys[line].Length);
        var next = line;
        while (rest.Length > 0 && run.Count < MaxMergedLines)
        {
            next = _page.NextNonBlank(next, end);
            if (next < 0 || _page.Keys[next].Length == 0)
            {
                return null;
            }

            var nextKey = _page.Keys[next];
            var cut = rest.TrimEnd('.'); // a rendering cut short may end with "…"
            if (rest.StartsWith(nextKey, StringComparison.Ordinal))
            {
                run.Add(next);
                rest = rest[nextKey.Length..];
            }
            else if (cut.Length >= MinTruncatedRendering && nextKey.AsSpan().StartsWith(cut, StringComparison.Ordinal))
            {
                run.Add(next); // the rendering was cut short inside this line
                rest = [];
            }
            else
            {
                return null;
            }
        }

        return rest.Length == 0 ? [.. run] : null;
    }
}
