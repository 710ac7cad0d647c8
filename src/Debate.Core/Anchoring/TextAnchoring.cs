using Debate.Core.Model;

namespace Debate.Core.Anchoring;

/// <summary>Where an anchor's span stands in a text now, or that it stands nowhere.</summary>
public readonly record struct AnchorMatch(AnchorStatus Status, int Start, int End)
{
    public static readonly AnchorMatch Orphaned = new(AnchorStatus.Orphaned, -1, -1);
}

/// <summary>Creates anchors on spans of plain text and finds them again after the text changes.</summary>
public static class TextAnchoring
{
    public const int ContextLength = 32;

    public static TextAnchor Create(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (start < 0 || end > text.Length || start > end)
            throw new ArgumentOutOfRangeException(nameof(start), $"span {start}..{end} is outside a text of {text.Length} characters");
        return new TextAnchor
        {
            Exact = text[start..end],
            Prefix = text[Math.Max(0, start - ContextLength)..start],
            Suffix = text[end..Math.Min(text.Length, end + ContextLength)],
            Start = start,
            End = end,
        };
    }

    /// <summary>Anchors on the one place <paramref name="exact"/> stands in <paramref name="text"/>; null when it is absent or ambiguous.</summary>
    public static TextAnchor? CreateUnique(string text, string exact)
    {
        var first = text.IndexOf(exact, StringComparison.Ordinal);
        if (first < 0 || exact.Length == 0 || text.IndexOf(exact, first + 1, StringComparison.Ordinal) >= 0)
            return null;
        return Create(text, first, first + exact.Length);
    }

    /// <summary>
    /// Finds the span again: at its old offsets (anchored), or as the one occurrence of its words that the
    /// context best supports (moved). Two equally good places mean orphaned: a wrong re-anchor is worse than none.
    /// </summary>
    public static AnchorMatch Locate(string text, TextAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(anchor);
        if (anchor.Exact.Length == 0)
            return AnchorMatch.Orphaned;
        if (anchor.Start >= 0 && anchor.End <= text.Length && anchor.End - anchor.Start == anchor.Exact.Length
            && string.CompareOrdinal(text, anchor.Start, anchor.Exact, 0, anchor.Exact.Length) == 0)
            return new AnchorMatch(AnchorStatus.Anchored, anchor.Start, anchor.End);

        var best = -1;
        var bestScore = -1;
        var tied = false;
        for (var at = text.IndexOf(anchor.Exact, StringComparison.Ordinal); at >= 0; at = text.IndexOf(anchor.Exact, at + 1, StringComparison.Ordinal))
        {
            var score = CommonSuffix(text.AsSpan(0, at), anchor.Prefix) + CommonPrefix(text.AsSpan(at + anchor.Exact.Length), anchor.Suffix);
            if (score > bestScore)
                (best, bestScore, tied) = (at, score, false);
            else if (score == bestScore)
                tied = true;
        }
        return best < 0 || tied ? AnchorMatch.Orphaned : new AnchorMatch(AnchorStatus.Moved, best, best + anchor.Exact.Length);
    }

    private static int CommonSuffix(ReadOnlySpan<char> text, string prefix)
    {
        var n = 0;
        while (n < text.Length && n < prefix.Length && text[^(n + 1)] == prefix[^(n + 1)])
            n++;
        return n;
    }

    private static int CommonPrefix(ReadOnlySpan<char> text, string suffix)
    {
        var n = 0;
        while (n < text.Length && n < suffix.Length && text[n] == suffix[n])
            n++;
        return n;
    }
}
