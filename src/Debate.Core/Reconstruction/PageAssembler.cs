namespace Debate.Core.Reconstruction;

/// <summary>Builds the public result: ids in reading order, 1-based lines, quote sources and line roles.</summary>
internal sealed class PageAssembler(
    PageLines page,
    SecondRendering second,
    LineClassification lines,
    List<DraftComment> drafts,
    int[] commentOf,
    ParentResolver parents)
{
    private const double ConfirmedQuote = 0.97;    // the second rendering left the line out
    private const double UnconfirmedQuote = 0.85;
    private const double SourceOffParent = 0.85;   // the quoted text is not in the comment replied to
    private const double EmbedConfidence = 0.8;

    private readonly LineRole[] _roles = (LineRole[])lines.Roles.Clone();

    public ReconstructedPage Assemble()
    {
        var comments = drafts.Select((_, k) => AssembleComment(k)).ToList();
        return new ReconstructedPage(comments, AssembleLines());
    }

    private ReconstructedComment AssembleComment(int k)
    {
        var draft = drafts[k];
        var quotes = new List<ReconstructedQuote>();
        foreach (var line in draft.Lines)
        {
            var quote = _roles[line] switch
            {
                LineRole.Quote => AssembleQuote(k, line),
                LineRole.Embed => new ReconstructedQuote(line + 1, null, null, QuoteKinds.Embed, 0.0, false, EmbedConfidence),
                _ => null,
            };
            if (quote is not null)
            {
                quotes.Add(quote);
            }
        }

        return new ReconstructedComment(
            Id(k),
            draft.Parent >= 0 ? Id(draft.Parent) : null,
            draft.Lines.Select(line => line + 1).ToArray(),
            quotes,
            draft.Confidence,
            draft.ParentConfidence);
    }

    /// <summary>
    /// The quoted text may stand in several comments (a quote of a quote): prefer the comment replied
    /// to, then the nearest ancestor holding it, then its nearest occurrence. A quote found only in
    /// its own comment is no quote: it is embedded content where the second rendering left it out,
    /// own text otherwise.
    /// </summary>
    private ReconstructedQuote? AssembleQuote(int k, int line)
    {
        var match = lines.Matches[line]!;
        var occurrences = match.Occurrences.Where(o => commentOf[o] >= 0 && commentOf[o] != k).ToList();
        if (occurrences.Count == 0)
        {
            _roles[line] = second.Covers(line) ? LineRole.Embed : LineRole.Own;
            return _roles[line] == LineRole.Embed
                ? new ReconstructedQuote(line + 1, null, null, QuoteKinds.Embed, 0.0, false, EmbedConfidence)
                : null;
        }

        var parent = drafts[k].Parent;
        var chain = parent >= 0 ? parents.AncestorChain(parent) : [];
        var source = parents.PickSource(occurrences, k, chain);
        var sourceLine = occurrences.First(o => commentOf[o] == source);
        var confidence = match.Similarity
            * (match.Confirmed ? ConfirmedQuote : UnconfirmedQuote)
            * (source == parent ? 1.0 : SourceOffParent);
        return new ReconstructedQuote(
            line + 1, Id(source), sourceLine + 1, QuoteKinds.Quote, match.Similarity, match.EarlierWording, Math.Round(confidence, 3));
    }

    private List<PageLine> AssembleLines()
    {
        var result = new List<PageLine>(page.Count);
        for (var line = 0; line < page.Count; line++)
        {
            var rendered = line >= second.Start ? second.RendersOf(line) : [];
            result.Add(new PageLine(line + 1, page.Text[line], RoleName(_roles[line]), rendered.Count > 0 ? rendered[0] + 1 : null));
        }

        return result;
    }

    private static string Id(int k) => $"c{k + 1}";

    private static string RoleName(LineRole role) => role switch
    {
        LineRole.Own => LineRoles.Own,
        LineRole.Quote => LineRoles.Quote,
        LineRole.Embed => LineRoles.Embed,
        LineRole.Rerender => LineRoles.Rerender,
        LineRole.RerenderOnly => LineRoles.RerenderOnly,
        _ => LineRoles.Blank,
    };
}
