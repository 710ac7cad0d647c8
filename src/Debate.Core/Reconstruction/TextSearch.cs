using System.Text.RegularExpressions;

namespace Debate.Core.Reconstruction;

/// <summary>Finds earlier first-rendering lines that contain a text, through the trigram index.</summary>
internal sealed partial class TextSearch(PageLines page, TrigramIndex index)
{
    public const int MinPhraseWords = 3;
    private const int MinPhraseKeyLength = 12;
    private const int MaxPhraseOccurrences = 20;

    // Punctuation inside the closing quotation mark (“…this,”) is not part of the quoted words.
    private static readonly char[] PhrasePunctuation = ['.', ',', ';', ':', '!', '?'];

    private readonly Dictionary<int, IReadOnlyList<InlineQuote>> _inlineQuotes = [];

    [GeneratedRegex("“[^”]*”|\"[^\"]*\"")]
    private static partial Regex QuotedSpanPattern();

    public PageLines Page => page;

    public TrigramIndex Index => index;

    /// <summary>
    /// Lines before <paramref name="before"/> whose key contains <paramref name="key"/>, nearest
    /// first, among those sharing a rare trigram with the text (<paramref name="trigrams"/>).
    /// </summary>
    public List<int> LinesContaining(string key, long[] trigrams, int before, int limit)
    {
        var found = new List<int>();
        if (key.Length == 0 || trigrams.Length == 0)
        {
            return found;
        }

        foreach (var line in index.CandidatesContaining(trigrams, before, limit))
        {
            if (page.Keys[line].Contains(key, StringComparison.Ordinal))
            {
                found.Add(line);
            }
        }

        return found;
    }

    /// <summary>
    /// Phrases a paragraph puts in quotation marks (“…” or "…") that are long enough to identify
    /// their origin: an inline quote of someone's words.
    /// </summary>
    public static IEnumerable<string> InlinePhrases(string text, int minWords = MinPhraseWords)
    {
        if (!text.Contains('"') && !text.Contains('“'))
        {
            yield break;
        }

        foreach (Match match in QuotedSpanPattern().Matches(text))
        {
            var phrase = match.Value[1..^1];
            if (TextNormalizer.WordCount(phrase) >= minWords)
            {
                yield return phrase;
            }
        }
    }

    /// <summary>
    /// The inline quotes of a line that can be traced: each phrase in quotation marks with the
    /// earlier first-rendering lines holding it (nearest first). Cached: several steps ask.
    /// </summary>
    public IReadOnlyList<InlineQuote> InlineQuotesOf(int line)
    {
        if (!_inlineQuotes.TryGetValue(line, out var quotes))
        {
            quotes = InlinePhrases(page.Text[line])
                .Select(phrase => new InlineQuote(TextNormalizer.WordCount(phrase), PhraseOccurrences(phrase, line, MaxPhraseOccurrences)))
                .Where(quote => quote.Occurrences.Count > 0)
                .ToList();
            _inlineQuotes[line] = quotes;
        }

        return quotes;
    }

    /// <summary>The paragraph with its quoted spans blanked out: the words its author wrote themselves.</summary>
    public static string WithoutInlinePhrases(string text) =>
        text.Contains('"') || text.Contains('“') ? QuotedSpanPattern().Replace(text, " ") : text;

    /// <summary>Earlier lines holding an inline-quoted phrase, nearest first.</summary>
    public List<int> PhraseOccurrences(string phrase, int before, int limit)
    {
        var key = TextNormalizer.MatchKey(phrase).Trim(PhrasePunctuation);
        return key.Length < MinPhraseKeyLength
            ? []
            : LinesContaining(key, TrigramIndex.Trigrams(TextNormalizer.WordHashes(phrase)), before, limit);
    }
}

/// <summary>A phrase a line puts in quotation marks: its length in words and the earlier lines holding it.</summary>
internal sealed record InlineQuote(int Words, IReadOnlyList<int> Occurrences);
