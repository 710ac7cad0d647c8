using System.Runtime.CompilerServices;

namespace Debate.Core.Reconstruction;

/// <summary>
/// Finds the words of a paragraph: runs of letters and digits, joined across an apostrophe
/// ("don’t"), with footnote markers ("[1]") skipped. A word is returned as the span of text it
/// covers; readers drop the apostrophes in it.
/// </summary>
internal ref struct WordScanner(string text)
{
    private int _position;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs over every character of the page
    public bool Next(out int start, out int end)
    {
        while (_position < text.Length && !IsWordCharacter(text[_position]))
        {
            var marker = text[_position] == '[' ? TextNormalizer.FootnoteMarkerLength(text, _position) : 0;
            _position += Math.Max(1, marker);
        }

        start = _position;
        while (_position < text.Length && (IsWordCharacter(text[_position]) || JoinsWord(_position)))
        {
            _position++;
        }

        end = _position;
        return end > start;
    }

    private static bool IsWordCharacter(char ch) => char.IsAsciiLetterOrDigit(ch) || (ch > '\x7f' && char.IsLetterOrDigit(ch));

    /// <summary>An apostrophe between two letters belongs to the word.</summary>
    private readonly bool JoinsWord(int i) =>
        TextNormalizer.IsQuoteCharacter(text[i])
        && i > 0 && i + 1 < text.Length
        && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);
}
