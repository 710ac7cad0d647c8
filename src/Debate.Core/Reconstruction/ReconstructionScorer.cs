using System.Text.Json;

namespace Debate.Core.Reconstruction;

/// <summary>The four figures a reconstruction is judged by, each between 0 and 1.</summary>
public sealed record ReconstructionScore(double BCubedF1, double QuoteF1, double SourceAccuracy, double ParentAccuracy);

/// <summary>
/// Compares a reconstruction with a truth file (the shape of <c>seed-002-truth.json</c>: comments
/// with <c>id</c>, <c>parent</c>, <c>lines</c>, optional <c>embeds</c> and <c>quotes</c> with
/// <c>line</c>, <c>source</c>, optional <c>alt</c>). Interpretation choices, where the spec leaves room:
/// <list type="bullet">
/// <item>Only lines listed in the truth are scored; predicted lines outside it are ignored, and a
/// truth line no predicted comment holds counts as a cluster of its own.</item>
/// <item>A predicted comment maps to the truth comment it shares the most lines with (ties: the one
/// listed first); with no shared line it maps to nothing and is never right.</item>
/// <item>Quote F1 compares sets of lines; both sets empty scores 1.</item>
/// <item>Source accuracy counts a true quote (embeds excluded) as found when the prediction lists
/// its line among the comment's quotes, whatever the kind; a found quote with a null source (taken
/// for an embed) is wrong. No true quotes scores 1; true quotes of which none was found score 0.</item>
/// <item>Parent accuracy uses each true comment's first own line (neither quote nor embed), or its
/// first line if it has none; a line no predicted comment holds is wrong.</item>
/// </list>
/// </summary>
public static class ReconstructionScorer
{
    public static ReconstructionScore Score(string truthJson, ReconstructedPage predicted)
    {
        ArgumentNullException.ThrowIfNull(truthJson);
        ArgumentNullException.ThrowIfNull(predicted);
        var truth = TruthComment.ReadAll(truthJson);
        var truthOf = new Dictionary<int, int>();
        for (var t = 0; t < truth.Count; t++)
        {
            foreach (var line in truth[t].Lines)
            {
                truthOf[line] = t;
            }
        }

        var predictedOf = new Dictionary<int, int>();
        for (var p = 0; p < predicted.Comments.Count; p++)
        {
            foreach (var line in predicted.Comments[p].Lines.Where(truthOf.ContainsKey))
            {
                predictedOf[line] = p;
            }
        }

        var mapping = MapPredictedToTruth(predicted, truthOf);
        return new ReconstructionScore(
            BCubedF1(truthOf, predictedOf),
            QuoteF1(truth, predicted, truthOf),
            SourceAccuracy(truth, predicted, mapping),
            ParentAccuracy(truth, predicted, predictedOf, mapping));
    }

    private static double BCubedF1(Dictionary<int, int> truthOf, Dictionary<int, int> predictedOf)
    {
        if (truthOf.Count == 0)
        {
            return 1.0;
        }

        // A line no comment holds is a cluster of its own: give it a key no comment uses.
        int ClusterOf(int line) => predictedOf.TryGetValue(line, out var p) ? p : -1 - line;
        var pairSizes = truthOf.Keys.CountBy(line => (ClusterOf(line), truthOf[line])).ToDictionary();
        var predictedSizes = truthOf.Keys.CountBy(ClusterOf).ToDictionary();
        var truthSizes = truthOf.Values.CountBy(t => t).ToDictionary();
        double precision = 0, recall = 0;
        foreach (var (line, t) in truthOf)
        {
            var cluster = ClusterOf(line);
            var shared = pairSizes[(cluster, t)];
            precision += (double)shared / predictedSizes[cluster];
            recall += (double)shared / truthSizes[t];
        }

        return F1(precision / truthOf.Count, recall / truthOf.Count);
    }

    private static double QuoteF1(List<TruthComment> truth, ReconstructedPage predicted, Dictionary<int, int> truthOf)
    {
        var expected = truth.SelectMany(t => t.QuoteLines.Concat(t.Embeds)).ToHashSet();
        var found = predicted.Comments.SelectMany(c => c.Quotes).Select(q => q.Line).Where(truthOf.ContainsKey).ToHashSet();
        if (expected.Count == 0 && found.Count == 0)
        {
            return 1.0;
        }

        var hits = found.Count(expected.Contains);
        return F1(found.Count == 0 ? 0 : (double)hits / found.Count, expected.Count == 0 ? 0 : (double)hits / expected.Count);
    }

    private static double SourceAccuracy(List<TruthComment> truth, ReconstructedPage predicted, Dictionary<string, int> mapping)
    {
        var predictedQuotes = predicted.Comments.SelectMany(c => c.Quotes).GroupBy(q => q.Line).ToDictionary(g => g.Key, g => g.First());
        var trueQuotes = truth.SelectMany(t => t.Quotes).ToList();
        if (trueQuotes.Count == 0)
        {
            return 1.0;
        }

        int found = 0, right = 0;
        foreach (var quote in trueQuotes)
        {
            if (!predictedQuotes.TryGetValue(quote.Line, out var guess))
            {
                continue;
            }

            found++;
            if (guess.Source is not null
                && mapping.TryGetValue(guess.Source, out var t)
                && quote.AcceptableSources.Contains(truth[t].Id))
            {
                right++;
            }
        }

        return found == 0 ? 0.0 : (double)right / found;
    }

    private static double ParentAccuracy(
        List<TruthComment> truth, ReconstructedPage predicted, Dictionary<int, int> predictedOf, Dictionary<string, int> mapping)
    {
        if (truth.Count == 0)
        {
            return 1.0;
        }

        var right = 0;
        foreach (var comment in truth)
        {
            if (!predictedOf.TryGetValue(comment.FirstOwnLine, out var p))
            {
                continue;
            }

            var parent = predicted.Comments[p].Parent;
            var correct = parent is null
                ? comment.Parent is null
                : mapping.TryGetValue(parent, out var t) && truth[t].Id == comment.Parent;
            right += correct ? 1 : 0;
        }

        return (double)right / truth.Count;
    }

    /// <summary>Each predicted comment id → index of the truth comment sharing most lines with it.</summary>
    private static Dictionary<string, int> MapPredictedToTruth(ReconstructedPage predicted, Dictionary<int, int> truthOf)
    {
        var mapping = new Dictionary<string, int>();
        foreach (var comment in predicted.Comments)
        {
            var best = comment.Lines
                .Where(truthOf.ContainsKey)
                .CountBy(line => truthOf[line])
                .OrderByDescending(x => x.Value)
                .ThenBy(x => x.Key)
                .Select(x => (int?)x.Key)
                .FirstOrDefault();
            if (best is { } t)
            {
                mapping[comment.Id] = t;
            }
        }

        return mapping;
    }

    private static double F1(double precision, double recall) =>
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

    private sealed record TruthQuote(int Line, HashSet<string> AcceptableSources);

    private sealed record TruthComment(string Id, string? Parent, int[] Lines, HashSet<int> Embeds, List<TruthQuote> Quotes)
    {
        public IEnumerable<int> QuoteLines => Quotes.Select(q => q.Line);

        public int FirstOwnLine =>
            Lines.Where(l => !Embeds.Contains(l) && !Quotes.Any(q => q.Line == l)).DefaultIfEmpty(Lines.FirstOrDefault()).Min();

        public static List<TruthComment> ReadAll(string json)
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.GetProperty("comments").EnumerateArray().Select(Read).ToList();
        }

        private static TruthComment Read(JsonElement comment)
        {
            var parent = comment.TryGetProperty("parent", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            var lines = comment.GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()).Order().ToArray();
            var embeds = comment.TryGetProperty("embeds", out var e) ? e.EnumerateArray().Select(l => l.GetInt32()).ToHashSet() : [];
            var quotes = comment.TryGetProperty("quotes", out var q) ? q.EnumerateArray().Select(ReadQuote).ToList() : [];
            return new TruthComment(comment.GetProperty("id").GetString()!, parent, lines, embeds, quotes);
        }

        private static TruthQuote ReadQuote(JsonElement quote)
        {
            var sources = new HashSet<string>(StringComparer.Ordinal);
            if (quote.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String)
            {
                sources.Add(s.GetString()!);
            }

            if (quote.TryGetProperty("alt", out var alt))
            {
                sources.UnionWith(alt.EnumerateArray().Select(a => a.GetString()!));
            }

            return new TruthQuote(quote.GetProperty("line").GetInt32(), sources);
        }
    }
}
