using Debate.Core.Reconstruction;
using Xunit;
using System.Text.Json;

namespace Debate.Core.Tests.Reconstruction;

public sealed class ScorerTests
{
    [Fact]
    public void The_truth_scores_perfectly_against_itself()
    {
        var score = ReconstructionScorer.Score(TestData.Truth, PageFromTruth(TestData.Truth));

        Assert.Equal(new ReconstructionScore(1.0, 1.0, 1.0, 1.0), score);
    }

    [Fact]
    public void Merging_two_comments_lowers_b_cubed_and_what_points_at_the_merged_away_one_but_not_quote_f1()
    {
        var truth = PageFromTruth(TestData.Truth);
        var merged = truth.Comments.ToList();
        var first = merged[0];
        merged[0] = first with
        {
            Lines = first.Lines.Concat(merged[1].Lines).Order().ToArray(),
            Quotes = first.Quotes.Concat(merged[1].Quotes).ToArray(),
        };
        merged.RemoveAt(1);

        var score = ReconstructionScorer.Score(TestData.Truth, truth with { Comments = merged });

        // B-cubed over the truth's lines (206 in the seed truth): the a lines of c1 (34) and b of c2 (29) now share a
        // cluster of a + b, so each keeps precision a/(a+b) or b/(a+b); every other line, and every recall, stays 1.
        double all = truth.Comments.Sum(c => c.Lines.Count), a = first.Lines.Count, b = truth.Comments[1].Lines.Count;
        Assert.Equal((206.0, 34.0, 29.0), (all, a, b));
        var precision = (all - a - b + (a * a + b * b) / (a + b)) / all;
        Assert.Equal(2 * precision / (precision + 1), score.BCubedF1, precision: 10); // about 0.918
        Assert.Equal(1.0, score.QuoteF1);
        // c2 now sits in top-level c1 though its parent is c1, and its replies (c3, c16) name a comment that is gone:
        // 3 of the 18 parents are wrong. Likewise the 3 of the 27 true quotes whose source is c2.
        Assert.Equal(["c2", "c3", "c16"], truth.Comments.Where(c => c.Id == "c2" || c.Parent == "c2").Select(c => c.Id));
        Assert.Equal(15.0 / 18.0, score.ParentAccuracy, precision: 10);
        var quotes = truth.Comments.SelectMany(c => c.Quotes).Where(q => q.Kind == QuoteKinds.Quote).ToList();
        Assert.Equal((27, 3), (quotes.Count, quotes.Count(q => q.Source == "c2")));
        Assert.Equal(24.0 / 27.0, score.SourceAccuracy, precision: 10);
    }

    [Fact]
    public void A_true_quote_taken_for_an_embed_counts_as_found_with_a_wrong_source()
    {
        const string truth = """
            { "comments": [
              { "id": "c1", "parent": null, "lines": [1, 2] },
              { "id": "c2", "parent": "c1", "lines": [3, 4], "quotes": [ { "line": 3, "source": "c1", "sourceLine": 1 } ] } ] }
            """;
        var predicted = new ReconstructedPage(
            [
                new ReconstructedComment("c1", null, [1, 2], [], 1, 1),
                new ReconstructedComment("c2", "c1", [3, 4], [new ReconstructedQuote(3, null, null, QuoteKinds.Embed, 0, false, 1)], 1, 1),
            ],
            []);

        var score = ReconstructionScorer.Score(truth, predicted);

        Assert.Equal(new ReconstructionScore(1.0, 1.0, 0.0, 1.0), score);
    }

    [Fact]
    public void Sources_map_by_largest_overlap_and_accept_alternatives()
    {
        const string truth = """
            { "comments": [
              { "id": "a", "parent": null, "lines": [1, 2, 3] },
              { "id": "b", "parent": "a", "lines": [4, 5] },
              { "id": "c", "parent": "b", "lines": [6, 7], "quotes": [ { "line": 6, "source": "b", "alt": ["a"] } ] } ] }
            """;
        var predicted = new ReconstructedPage(
            [
                new ReconstructedComment("c1", null, [1, 2, 3, 4], [], 1, 1), // mostly "a"
                new ReconstructedComment("c2", "c1", [5], [], 1, 1),
                new ReconstructedComment("c3", "c2", [6, 7], [new ReconstructedQuote(6, "c1", 1, QuoteKinds.Quote, 1, false, 1)], 1, 1),
            ],
            []);

        var score = ReconstructionScorer.Score(truth, predicted);

        Assert.Equal(1.0, score.SourceAccuracy); // c1 maps to "a", an accepted alternative

        // "a": line 1 is in c1, top-level as "a" is. "b": line 4 is in c1 too, whose null parent is
        // wrong for "b". "c": its first own line is 7 (6 is a quote), in c3, whose parent c2 maps to "b".
        Assert.Equal(2.0 / 3.0, score.ParentAccuracy, precision: 10);
    }

    /// <summary>A reconstruction that says exactly what the truth file says.</summary>
    private static ReconstructedPage PageFromTruth(string truthJson)
    {
        using var document = JsonDocument.Parse(truthJson);
        var comments = document.RootElement.GetProperty("comments").EnumerateArray().Select(c =>
        {
            var quotes = c.TryGetProperty("quotes", out var q)
                ? q.EnumerateArray().Select(x => new ReconstructedQuote(
                    x.GetProperty("line").GetInt32(), x.GetProperty("source").GetString(), null, QuoteKinds.Quote, 1, false, 1))
                : [];
            var embeds = c.TryGetProperty("embeds", out var e)
                ? e.EnumerateArray().Select(x => new ReconstructedQuote(x.GetInt32(), null, null, QuoteKinds.Embed, 0, false, 1))
                : [];
            return new ReconstructedComment(
                c.GetProperty("id").GetString()!,
                c.TryGetProperty("parent", out var p) ? p.GetString() : null,
                c.GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()).Order().ToArray(),
                quotes.Concat(embeds).OrderBy(x => x.Line).ToArray(),
                1,
                1);
        }).ToList();
        return new ReconstructedPage(comments, []);
    }
}
