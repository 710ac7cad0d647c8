using Debate.Core.Reconstruction;
using Xunit;
using Xunit.Abstractions;

namespace Debate.Core.Tests.Reconstruction;

public sealed class SeedReconstructionTests(ITestOutputHelper output)
{
    private static readonly ReconstructedPage Page = PageReconstructor.Reconstruct(TestData.Seed);

    [Fact]
    public void Seed_scores_above_the_targets()
    {
        var score = ReconstructionScorer.Score(TestData.Truth, Page);
        output.WriteLine($"B-cubed F1 {score.BCubedF1:0.000}, quote F1 {score.QuoteF1:0.000}, " +
            $"source accuracy {score.SourceAccuracy:0.000}, parent accuracy {score.ParentAccuracy:0.000}");

        Assert.True(score.BCubedF1 >= 0.90, $"B-cubed F1 {score.BCubedF1}");
        Assert.True(score.QuoteF1 >= 0.97, $"quote F1 {score.QuoteF1}");
        Assert.True(score.SourceAccuracy >= 0.90, $"source accuracy {score.SourceAccuracy}");
        Assert.True(score.ParentAccuracy >= 0.70, $"parent accuracy {score.ParentAccuracy}");
    }

    /// <summary>
    /// The targets leave room; this holds the seed to what the reconstruction reaches today, so that a change which
    /// loses a comment's line, a quote or a parent shows here. Two parents are still wrong (c10 and c15), and line 197
    /// stands as a comment of its own: a better reconstruction raises these figures.
    /// </summary>
    [Fact]
    public void Seed_scores_no_lower_than_measured()
    {
        var score = ReconstructionScorer.Score(TestData.Truth, Page);

        Assert.True(score.BCubedF1 >= 0.995, $"B-cubed F1 {score.BCubedF1}");
        Assert.Equal(1.0, score.QuoteF1);
        Assert.Equal(1.0, score.SourceAccuracy);
        Assert.True(score.ParentAccuracy >= 16.0 / 18.0, $"parent accuracy {score.ParentAccuracy}");
    }

    [Fact]
    public void Seed_reconstruction_is_valid() => PageAssertions.AssertValid(TestData.Seed, Page);

    [Fact]
    public void Second_rendering_is_found_and_folded_into_the_comments_it_renders()
    {
        var firstOfSecond = Page.Lines[TestData.SeedSecondRenderingStart - 1];
        Assert.Equal(LineRoles.Rerender, firstOfSecond.Role);
        Assert.Equal(1, firstOfSecond.Renders);
        Assert.All(Page.Lines.Take(TestData.SeedSecondRenderingStart - 1), l => Assert.NotEqual(LineRoles.Rerender, l.Role));
        foreach (var line in Page.Lines.Where(l => l.Renders is not null))
        {
            Assert.Equal(CommentOf(line.Renders!.Value).Id, CommentOf(line.Number).Id);
        }
    }

    [Fact]
    public void Lines_only_the_second_rendering_has_are_kept()
    {
        var only = Page.Lines.Where(l => l.Role == LineRoles.RerenderOnly).ToList();
        Assert.NotEmpty(only);
        Assert.All(only, l => Assert.Null(l.Renders));
        Assert.All(only, l => Assert.True(l.Number >= TestData.SeedSecondRenderingStart));
    }

    [Fact]
    public void Reposted_tweets_are_embeds_of_the_reposting_comment()
    {
        var first = Page.Comments[0];
        var embeds = first.Quotes.Where(q => q.Kind == QuoteKinds.Embed).Select(q => q.Line).ToList();
        // The truth's embeds of c1: the 26 tweet lines 2-19 and 21-28; line 1 (the announcement) and line 20
        // ("Some other Tweets I wrote...") are the author's own.
        using var truth = System.Text.Json.JsonDocument.Parse(TestData.Truth);
        var expected = truth.RootElement.GetProperty("comments")[0].GetProperty("embeds").EnumerateArray().Select(e => e.GetInt32()).ToList();
        Assert.Equal([.. Enumerable.Range(2, 18), .. Enumerable.Range(21, 8)], expected);
        Assert.Equal(expected, embeds);
    }

    [Fact]
    public void A_quote_of_an_edited_comment_is_marked_as_an_earlier_wording()
    {
        var edited = Page.Comments.SelectMany(c => c.Quotes).Where(q => q.EarlierWording).ToList();
        Assert.NotEmpty(edited);
        Assert.All(edited, q => Assert.InRange(q.Similarity, 0.3, 0.999));
    }

    [Fact]
    public void Roles_of_first_rendering_lines_match_the_quotes_listed()
    {
        var quoted = Page.Comments.SelectMany(c => c.Quotes).Select(q => q.Line).ToHashSet();
        foreach (var line in Page.Lines.Where(l => l.Role is LineRoles.Quote or LineRoles.Embed))
        {
            Assert.Contains(line.Number, quoted);
        }
    }

    [Fact]
    public void A_second_rendering_line_merging_two_lines_renders_both_as_own_text()
    {
        // Line 137 is "Deceptive model:" (35) and the formula below it (36) on one line. The formula
        // repeats text quoted earlier, yet the second rendering keeps it, so it is the author's own.
        Assert.Equal(35, Page.Lines[137 - 1].Renders);
        Assert.Equal(LineRoles.Own, Page.Lines[36 - 1].Role);
        Assert.Equal(CommentOf(35).Id, CommentOf(36).Id);
    }

    [Fact]
    public void Truncated_second_rendering_lines_still_map()
    {
        // Cut every other long line of the second rendering short, with an ellipsis.
        var lines = TestData.SeedLines;
        for (var i = TestData.SeedSecondRenderingStart - 1; i < lines.Length; i += 2)
        {
            if (lines[i].Length > 120)
            {
                lines[i] = lines[i][..(lines[i].Length * 55 / 100)] + "…";
            }
        }

        var text = string.Join('\n', lines);
        var page = PageReconstructor.Reconstruct(text);
        var score = ReconstructionScorer.Score(TestData.Truth, page);

        PageAssertions.AssertValid(text, page);
        Assert.True(score.BCubedF1 >= 0.90 && score.QuoteF1 >= 0.97, score.ToString());
    }

    private static ReconstructedComment CommentOf(int line) => Page.Comments.Single(c => c.Lines.Contains(line));
}
