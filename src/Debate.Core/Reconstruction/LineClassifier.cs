namespace Debate.Core.Reconstruction;

internal enum LineRole
{
    Blank,
    Own,
    Quote,
    Embed,
    Rerender,
    RerenderOnly,
}

/// <summary>
/// Why a line is taken for a quote: the earlier lines holding its text (nearest first), how similar
/// the best of them is (1.0 when the text is contained exactly), whether it matched only an earlier
/// wording, and whether the second rendering confirmed it by leaving the line out.
/// </summary>
internal sealed record QuoteMatch(IReadOnlyList<int> Occurrences, double Similarity, bool EarlierWording, bool Confirmed);

internal sealed record LineClassification(LineRole[] Roles, QuoteMatch?[] Matches);

/// <summary>
/// Gives every line a role. In the first rendering a line is a quote when its text (whole or part
/// of a paragraph, possibly cut with "...") stands in an earlier line. Where a second rendering
/// exists it settles the question: it strips quotes and embeds, so a line it renders again is own
/// text even if it repeats earlier words, and a line it leaves out is a quote when earlier text
/// matches it and otherwise embedded outside content (a reposted tweet).
/// </summary>
internal static class LineClassifier
{
    // Without a second rendering only clear repeats count: short lines ("Sycophantic model:") recur
    // as own text too often.
    private const int MinUnconfirmedWords = 4;
    private const int MinUnconfirmedKeyLength = 20;

    // Edited wording: share of the line's trigrams found in one earlier line.
    private const double MinConfirmedSimilarity = 0.35;
    private const int MinConfirmedSharedTrigrams = 3;
    private const double MinUnconfirmedSimilarity = 0.6;
    private const int MinUnconfirmedSharedTrigrams = 5;

    private const int CandidateLimit = 200;
    private const int MaxOccurrences = 20;
    private const int ShortLineLookBack = 400;

    public static LineClassification Classify(PageLines page, SecondRendering second, TextSearch search)
    {
        var roles = new LineRole[page.Count];
        var matches = new QuoteMatch?[page.Count];
        for (var line = 0; line < page.Count; line++)
        {
            if (page.IsBlank(line))
            {
                roles[line] = LineRole.Blank;
            }
            else if (line >= second.Start)
            {
                roles[line] = second.RendersOf(line).Count > 0 ? LineRole.Rerender : LineRole.RerenderOnly;
            }
            else if (second.Covers(line))
            {
                (roles[line], matches[line]) = ClassifyCovered(line, second, search);
            }
            else
            {
                matches[line] = FindUnconfirmedQuote(line, search);
                roles[line] = matches[line] is null ? LineRole.Own : LineRole.Quote;
            }
        }

        return new LineClassification(roles, matches);
    }

    private static (LineRole, QuoteMatch?) ClassifyCovered(int line, SecondRendering second, TextSearch search)
    {
        if (second.IsRendered(line))
        {
            return (LineRole.Own, null);
        }

        // Text repeated inside one stretch of embedded content (a tweet restating its own words) is
        // still that content: only own lines, or lines separated from this one by own text, are quoted.
        bool SeparatedByOwnText(int earlier) => second.RenderedBetween(earlier, line) > 0;

        var exact = ExactOccurrences(line, search, strict: false).Where(SeparatedByOwnText).Take(MaxOccurrences).ToList();
        if (exact.Count > 0)
        {
            return (LineRole.Quote, new QuoteMatch(exact, 1.0, false, Confirmed: true));
        }

        var edited = EarlierWording(line, search, MinConfirmedSimilarity, MinConfirmedSharedTrigrams);
        if (edited is not null && SeparatedByOwnText(edited.Occurrences[0]))
        {
            return (LineRole.Quote, edited with { Confirmed = true });
        }

        return (LineRole.Embed, null);
    }

    private static QuoteMatch? FindUnconfirmedQuote(int line, TextSearch search)
    {
        var exact = ExactOccurrences(line, search, strict: true).Take(MaxOccurrences).ToList();
        return exact.Count > 0
            ? new QuoteMatch(exact, 1.0, false, Confirmed: false)
            : EarlierWording(line, search, MinUnconfirmedSimilarity, MinUnconfirmedSharedTrigrams);
    }

    /// <summary>
    /// Earlier lines containing the whole text of this one, nearest first. Footnote markers, a
    /// leading or trailing ellipsis and spacing are ignored (see <see cref="TextNormalizer"/>).
    /// </summary>
    private static List<int> ExactOccurrences(int line, TextSearch search, bool strict)
    {
        var page = search.Page;
        var key = TextNormalizer.TrimEllipsis(page.Keys[line]);
        var words = page.Words(line).Length;
        if (key.Length == 0 || (strict && (words < MinUnconfirmedWords || key.Length < MinUnconfirmedKeyLength)))
        {
            return [];
        }

        if (words >= TextSearch.MinPhraseWords)
        {
            return search.LinesContaining(key, search.Index.TrigramsOf(line), line, CandidateLimit);
        }

        // Too short for trigrams: look back over a bounded window.
        var found = new List<int>();
        for (var earlier = line - 1; earlier >= 0 && line - earlier <= ShortLineLookBack; earlier--)
        {
            if (page.Keys[earlier].Contains(key, StringComparison.Ordinal))
            {
                found.Add(earlier);
            }
        }

        return found;
    }

    /// <summary>
    /// A quote of a wording its author has since edited: most of the line's trigrams stand in one
    /// earlier line, though the whole text does not. Words the line itself puts in quotation marks
    /// are left out, so an own paragraph that quotes a few phrases is not mistaken for a quote.
    /// </summary>
    private static QuoteMatch? EarlierWording(int line, TextSearch search, double minSimilarity, int minShared)
    {
        var text = search.Page.Text[line];
        var ownText = TextSearch.WithoutInlinePhrases(text);
        var trigrams = ReferenceEquals(ownText, text)
            ? search.Index.TrigramsOf(line)
            : TrigramIndex.Trigrams(TextNormalizer.WordHashes(ownText));
        var total = trigrams.Length;
        if (total < minShared)
        {
            return null;
        }

        var (best, shared) = search.Index.BestOverlap(trigrams, line);
        var similarity = (double)shared / total;
        return best >= 0 && shared >= minShared && similarity >= minSimilarity
            ? new QuoteMatch([best], Math.Round(similarity, 3), EarlierWording: true, Confirmed: false)
            : null;
    }
}
