using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Debate.Core.Reconstruction;

/// <summary>
/// Turns paragraphs into the forms that matching compares. Scrapes of the same text differ in
/// whitespace ("toachieve" vs "to achieve"), typographic quotes, dashes, ellipses and footnote
/// markers ("hard[1]"), so all matching runs on a key with those removed or unified. The key and
/// the word hashes are plain loops, not regular expressions: they see every character of the page.
/// </summary>
internal static class TextNormalizer
{
    private const int MaxFootnoteDigits = 3;

    /// <summary>Whether the text carries a footnote marker such as "[1]".</summary>
    public static bool HasFootnoteMarker(string text)
    {
        for (var i = text.IndexOf('['); i >= 0; i = text.IndexOf('[', i + 1))
        {
            if (FootnoteMarkerLength(text, i) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Lower-case text without whitespace, quote characters or footnote markers, with dashes unified
    /// and "…" spelled "...". Comparing keys ignores exactly the differences scrapes introduce.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs over every character of the page, once
    public static string MatchKey(string text)
    {
        var buffer = ArrayPool<char>.Shared.Rent((text.Length * 3) + 1);
        try
        {
            var length = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var ch = text[i];
                if (char.IsAsciiLetterOrDigit(ch))
                {
                    buffer[length++] = char.IsAsciiLetterUpper(ch) ? (char)(ch | 0x20) : ch; // the common case, first
                    continue;
                }

                var marker = FootnoteMarkerLength(text, i);
                if (marker > 0)
                {
                    i += marker - 1;
                }
                else if (ch == '…')
                {
                    buffer[length++] = '.';
                    buffer[length++] = '.';
                    buffer[length++] = '.';
                }
                else if (!char.IsWhiteSpace(ch) && !IsQuoteCharacter(ch) && !IsInvisible(ch))
                {
                    buffer[length++] = IsDash(ch) ? '-' : char.ToLowerInvariant(ch);
                }
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>A quote key without the ellipses (or final period) that mark a partial quote.</summary>
    public static string TrimEllipsis(string key) => key.Trim('.');

    /// <summary>
    /// A 64-bit hash of each lower-case word of the text (FNV-1a), as the key and the word scan see
    /// words: apostrophes inside a word dropped ("don’t" = "dont"), footnote markers skipped.
    /// Hashes stand in for words in trigrams: no vocabulary to build, and matches are verified anyway.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long[] WordHashes(string text)
    {
        var hashes = new List<long>(text.Length / 5);
        var scanner = new WordScanner(text);
        while (scanner.Next(out var start, out var end))
        {
            var hash = unchecked((long)14695981039346656037UL);
            for (var i = start; i < end; i++)
            {
                if (!IsQuoteCharacter(text[i]))
                {
                    hash = unchecked((hash ^ char.ToLowerInvariant(text[i])) * 1099511628211L);
                }
            }

            hashes.Add(hash);
        }

        return [.. hashes];
    }

    /// <summary>The lower-case words of a short text (for phrase-level checks, not for whole pages).</summary>
    public static string[] Tokens(string text)
    {
        var tokens = new List<string>();
        var scanner = new WordScanner(text);
        var word = new StringBuilder();
        while (scanner.Next(out var start, out var end))
        {
            word.Clear();
            for (var i = start; i < end; i++)
            {
                if (!IsQuoteCharacter(text[i]))
                {
                    word.Append(char.ToLowerInvariant(text[i]));
                }
            }

            tokens.Add(word.ToString());
        }

        return [.. tokens];
    }

    /// <summary>How many words the text has.</summary>
    public static int WordCount(string text)
    {
        var count = 0;
        var scanner = new WordScanner(text);
        while (scanner.Next(out _, out _))
        {
            count++;
        }

        return count;
    }

    /// <summary>The sentences of a paragraph: split after '.', '?', '!' or '…' followed by whitespace.</summary>
    public static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '?' or '!' or '…' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                AddTrimmed(text, start, i + 1, sentences);
                start = i + 1;
            }
        }

        AddTrimmed(text, start, text.Length, sentences);
        return sentences;
    }

    /// <summary>Ends with a colon, footnote markers and whitespace aside ("…as follows:[1]").</summary>
    public static bool EndsWithColon(string text) => LastSignificant(text, skipClosers: false) == ':';

    /// <summary>Ends with a question mark, closing quotes, brackets, footnote markers and whitespace aside.</summary>
    public static bool EndsWithQuestion(string text) => LastSignificant(text, skipClosers: true) == '?';

    public static bool IsQuoteCharacter(char ch) =>
        ch is '"' or '\'' or '“' or '”' or '„' or '‟' or '‘' or '’' or '‚' or '‛' or '`' or '´' or '«' or '»'
            or '′' or '″';

    private static char LastSignificant(string text, bool skipClosers)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var ch = text[i];
            if (char.IsWhiteSpace(ch) || (skipClosers && (IsQuoteCharacter(ch) || ch == ')')))
            {
                continue;
            }

            if (ch == ']')
            {
                var open = FootnoteMarkerStart(text, i);
                if (open >= 0)
                {
                    i = open; // skip a "[12]" marker whole
                    continue;
                }

                if (skipClosers)
                {
                    continue;
                }
            }

            return ch;
        }

        return '\0';
    }

    /// <summary>Where the footnote marker ending at <paramref name="close"/> (its ']') starts, or -1.</summary>
    private static int FootnoteMarkerStart(string text, int close)
    {
        var open = close - 1;
        while (open >= 0 && close - open <= MaxFootnoteDigits + 1 && char.IsAsciiDigit(text[open]))
        {
            open--;
        }

        return open >= 0 && open < close - 1 && text[open] == '[' ? open : -1;
    }

    private static void AddTrimmed(string text, int start, int end, List<string> sentences)
    {
        var sentence = text.AsSpan(start, end - start).Trim();
        if (!sentence.IsEmpty)
        {
            sentences.Add(sentence.ToString());
        }
    }

    /// <summary>The length of a footnote marker such as "[12]" starting at <paramref name="i"/>, or 0.</summary>
    internal static int FootnoteMarkerLength(string text, int i)
    {
        if (text[i] != '[')
        {
            return 0;
        }

        var digits = 0;
        while (digits <= MaxFootnoteDigits && i + 1 + digits < text.Length && char.IsAsciiDigit(text[i + 1 + digits]))
        {
            digits++;
        }

        var closes = i + 1 + digits < text.Length && text[i + 1 + digits] == ']';
        return digits is > 0 and <= MaxFootnoteDigits && closes ? digits + 2 : 0;
    }

    private static bool IsDash(char ch) => ch is '—' or '–' or '‐' or '‑' or '‒' or '―' or '−';

    private static bool IsInvisible(char ch) => ch is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD';
}
