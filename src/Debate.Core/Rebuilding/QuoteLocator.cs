using System.Text;
using System.Text.RegularExpressions;

namespace Debate.Core.Rebuilding;

/// <summary>
/// Finds where a scraped quote stands in its source's text. Scraped quotes differ from their source in
/// small ways — footnote markers, an ellipsis at either end, a lost space ("toachieve"), curly or straight
/// quotes, Markdown's emphasis marks — so matching ignores those, then maps back to the source's own characters.
/// </summary>
public static partial class QuoteLocator
{
    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex FootnoteMarker();

    /// <summary>The quote as it should be searched for: no footnote markers, no ellipsis at its ends.</summary>
    public static string Clean(string quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var text = FootnoteMarker().Replace(quote, "").Trim();
        foreach (var ellipsis in new[] { "...", "…" })
        {
            if (text.EndsWith(ellipsis, StringComparison.Ordinal))
                text = text[..^ellipsis.Length].TrimEnd();
            if (text.StartsWith(ellipsis, StringComparison.Ordinal))
                text = text[ellipsis.Length..].TrimStart();
        }
        return text;
    }

    /// <summary>The [start, end) of <paramref name="quote"/> in <paramref name="source"/>, preferring the occurrence at or after <paramref name="near"/>; null when absent.</summary>
    public static (int Start, int End)? Find(string source, string quote, int near = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        var cleaned = Clean(quote);
        if (cleaned.Length == 0)
            return null;
        var exact = IndexNear(source, cleaned, near);
        if (exact >= 0)
            return (exact, exact + cleaned.Length);

        var (folded, positions) = Fold(source);
        var (needle, _) = Fold(cleaned);
        if (needle.Length == 0)
            return null;
        var at = IndexNear(folded, needle, FoldedIndex(positions, near));
        return at < 0 ? null : (positions[at], positions[at + needle.Length - 1] + 1);
    }

    private static int IndexNear(string text, string value, int near)
    {
        var after = near > 0 && near < text.Length ? text.IndexOf(value, near, StringComparison.Ordinal) : -1;
        return after >= 0 ? after : text.IndexOf(value, StringComparison.Ordinal);
    }

    private static int FoldedIndex(List<int> positions, int near)
    {
        var index = positions.BinarySearch(near);
        return index >= 0 ? index : ~index;
    }

    /// <summary>
    /// Letters and digits only, lower case, and where each came from: a scrape keeps Markdown's "*" and "_" that the
    /// source's rendered text lost, and quotes, dashes and spaces come out differently on every page.
    /// </summary>
    private static (string Text, List<int> Positions) Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        var positions = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsLetterOrDigit(text[i]))
                continue;
            folded.Append(char.ToLowerInvariant(text[i]));
            positions.Add(i);
        }
        return (folded.ToString(), positions);
    }
}
