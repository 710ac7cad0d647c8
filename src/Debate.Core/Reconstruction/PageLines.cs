namespace Debate.Core.Reconstruction;

/// <summary>
/// The input split into paragraphs (0-based here; 1-based only in the output), with each line's
/// match key and, on demand, its words as 64-bit hashes.
/// </summary>
internal sealed class PageLines
{
    private readonly long[]?[] _words;

    public PageLines(string text)
    {
        Text = Split(text);
        Keys = new string[Text.Count];
        _words = new long[Text.Count][];
        for (var i = 0; i < Text.Count; i++)
        {
            Keys[i] = TextNormalizer.MatchKey(Text[i]);
        }
    }

    public IReadOnlyList<string> Text { get; }

    public string[] Keys { get; }

    public int Count => Text.Count;

    /// <summary>The line's words as hashes (computed on first use: only first-rendering lines need them).</summary>
    public long[] Words(int line) => _words[line] ??= TextNormalizer.WordHashes(Text[line]);

    public bool IsBlank(int line) => string.IsNullOrWhiteSpace(Text[line]);

    /// <summary>The nearest non-blank line after <paramref name="line"/> and before <paramref name="end"/>, or -1.</summary>
    public int NextNonBlank(int line, int end)
    {
        for (var i = line + 1; i < end; i++)
        {
            if (!IsBlank(i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Lines are split on '\n' with a trailing '\r' dropped; an empty input has no lines at all.</summary>
    private static string[] Split(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].EndsWith('\r'))
            {
                lines[i] = lines[i][..^1];
            }
        }

        return lines;
    }
}
