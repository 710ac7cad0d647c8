namespace Debate.Core.Reconstruction;

/// <summary>
/// Chooses each comment's parent. A comment page lists a thread depth-first, so a comment replies
/// to the comment just before it or to one of that comment's ancestors: those are the candidates.
/// Evidence, in log-odds-like points:
/// <list type="bullet">
/// <item>the comment it quotes first (strongest when it opens with the quote); further quotes count a little;</item>
/// <item>comments whose words it puts in quotation marks inline;</item>
/// <item>the comment just before, as the default, more so after a reply opener ("Wait, …")
/// or for a short unquoted reply;</item>
/// <item>a comment off the ancestor chain only on strong evidence.</item>
/// </list>
/// The confidence is the winner's share of the softmax over the candidates.
/// </summary>
internal sealed class ParentResolver(
    PageLines page, LineClassification lines, TextSearch search, List<DraftComment> drafts, int[] commentOf)
{
    private const double PreviousPrior = 1.0;
    private const double AncestorPrior = 0.3;
    private const double OffChainPenalty = -1.0;
    private const double FirstQuote = 3.0;
    private const double OpensWithQuote = 1.0;
    private const double FurtherQuote = 0.5;
    private const double FurtherQuoteCap = 1.5;
    private const double FirstInlineQuote = 1.5;
    private const double FurtherInlineQuote = 0.5;
    private const double InlineQuoteCap = 2.5;
    private const double ReplyOpener = 1.0;
    private const double ShortReply = 0.5;
    private const int ShortReplyLines = 2;
    private const int MaxChain = 200;

    public void Resolve()
    {
        if (drafts.Count == 0)
        {
            return;
        }

        drafts[0].Parent = -1;
        drafts[0].ParentConfidence = 0.9; // nothing on the page comes before it
        for (var k = 1; k < drafts.Count; k++)
        {
            var chain = AncestorChain(k - 1);

            // Candidates: the comment before and its parent, plus any comment the evidence names.
            var scores = chain.Take(2)
                .Select((c, rank) => (c, rank))
                .ToDictionary(x => x.c, x => x.rank == 0 ? PreviousPrior : AncestorPrior);
            var onChain = chain.ToHashSet();
            AddQuoteEvidence(k, chain, onChain, scores);
            AddInlineQuoteEvidence(k, chain, onChain, scores);
            AddReplyCues(k, scores);
            (drafts[k].Parent, drafts[k].ParentConfidence) = Winner(chain, onChain, scores);
        }
    }

    /// <summary>The comment before, then its parent, grandparent and so on.</summary>
    internal List<int> AncestorChain(int comment)
    {
        var chain = new List<int>();
        // Parents always come earlier in reading order, so the walk cannot loop.
        for (var c = comment; c >= 0 && chain.Count < MaxChain; c = drafts[c].Parent)
        {
            chain.Add(c);
        }

        return chain;
    }

    /// <summary>
    /// Of the comments holding some text, the one nearest on the ancestor chain; failing that, the
    /// one holding its nearest occurrence. -1 if only the comment itself holds it.
    /// </summary>
    internal int PickSource(IEnumerable<int> occurrences, int comment, List<int> chain)
    {
        var holders = occurrences.Select(o => commentOf[o]).Where(c => c >= 0 && c != comment).ToList();
        if (holders.Count == 0)
        {
            return -1;
        }

        var onChain = chain.FirstOrDefault(holders.Contains, -1);
        return onChain >= 0 ? onChain : holders[0];
    }

    private void AddQuoteEvidence(int k, List<int> chain, HashSet<int> onChain, Dictionary<int, double> scores)
    {
        var first = true;
        var further = new Dictionary<int, double>();
        var firstLine = drafts[k].Lines[0];
        foreach (var line in QuoteLines(k))
        {
            var source = PickSource(lines.Matches[line]!.Occurrences, k, chain);
            if (source < 0)
            {
                continue;
            }

            if (first)
            {
                Add(scores, onChain, source, FirstQuote + (line == firstLine ? OpensWithQuote : 0));
                first = false;
            }
            else if (further.GetValueOrDefault(source) < FurtherQuoteCap)
            {
                further[source] = further.GetValueOrDefault(source) + FurtherQuote;
                Add(scores, onChain, source, FurtherQuote);
            }
        }
    }

    private void AddInlineQuoteEvidence(int k, List<int> chain, HashSet<int> onChain, Dictionary<int, double> scores)
    {
        var given = new Dictionary<int, double>();
        foreach (var line in OwnLines(k))
        {
            foreach (var quote in search.InlineQuotesOf(line))
            {
                var occurrences = quote.Occurrences.Where(o => lines.Roles[o] is LineRole.Own or LineRole.Embed);
                var source = PickSource(occurrences, k, chain);
                if (source < 0 || given.GetValueOrDefault(source) >= InlineQuoteCap)
                {
                    continue;
                }

                var points = given.ContainsKey(source) ? FurtherInlineQuote : FirstInlineQuote;
                given[source] = given.GetValueOrDefault(source) + points;
                Add(scores, onChain, source, points);
            }
        }
    }

    private void AddReplyCues(int k, Dictionary<int, double> scores)
    {
        var own = OwnLines(k).ToList();
        if (own.Count > 0 && DiscourseCues.OpensReply(page.Text[own[0]]))
        {
            scores[k - 1] += ReplyOpener;
        }

        if (!QuoteLines(k).Any() && own.Count <= ShortReplyLines)
        {
            scores[k - 1] += ShortReply;
        }
    }

    private static void Add(Dictionary<int, double> scores, HashSet<int> onChain, int comment, double points)
    {
        var start = onChain.Contains(comment) ? AncestorPrior : OffChainPenalty;
        scores[comment] = (scores.TryGetValue(comment, out var score) ? score : start) + points;
    }

    private static (int Parent, double Confidence) Winner(List<int> chain, HashSet<int> onChain, Dictionary<int, double> scores)
    {
        // Ties go to the candidate nearer on the chain; comments off the chain come last.
        var candidates = chain.Where(scores.ContainsKey).Concat(scores.Keys.Where(c => !onChain.Contains(c)).Order());
        var best = candidates.Aggregate((a, b) => scores[b] > scores[a] ? b : a);
        var total = scores.Values.Sum(v => Math.Exp(v - scores[best]));
        return (best, Math.Round(1.0 / total, 3));
    }

    private IEnumerable<int> QuoteLines(int k) =>
        drafts[k].Lines.Where(line => lines.Roles[line] == LineRole.Quote && lines.Matches[line] is not null);

    /// <summary>The comment's own words: own first-rendering lines and lines only the second rendering has.</summary>
    private IEnumerable<int> OwnLines(int k) =>
        drafts[k].Lines.Where(line => lines.Roles[line] is LineRole.Own or LineRole.RerenderOnly);
}
