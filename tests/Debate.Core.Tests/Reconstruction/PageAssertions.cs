using Debate.Core.Reconstruction;
using Xunit;
namespace Debate.Core.Tests.Reconstruction;

/// <summary>The invariants every reconstruction must keep, whatever the page.</summary>
internal static class PageAssertions
{
    public static void AssertValid(string text, ReconstructedPage page)
    {
        var lines = text.Length == 0 ? [] : text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(lines.Length, page.Lines.Count);
        Assert.Equal(Enumerable.Range(1, lines.Length), page.Lines.Select(l => l.Number));

        // Every non-blank line belongs to exactly one comment; blank lines to none.
        var owner = new Dictionary<int, string>();
        foreach (var comment in page.Comments)
        {
            Assert.NotEmpty(comment.Lines);
            Assert.Equal(comment.Lines.Order(), comment.Lines);
            foreach (var line in comment.Lines)
            {
                Assert.True(owner.TryAdd(line, comment.Id), $"line {line} is in {owner.GetValueOrDefault(line)} and {comment.Id}");
            }
        }

        for (var number = 1; number <= lines.Length; number++)
        {
            Assert.Equal(!string.IsNullOrWhiteSpace(lines[number - 1]), owner.ContainsKey(number));
        }

        // Ids run c1, c2, ... and a parent is an earlier comment.
        for (var k = 0; k < page.Comments.Count; k++)
        {
            var comment = page.Comments[k];
            Assert.Equal($"c{k + 1}", comment.Id);
            if (comment.Parent is not null)
            {
                Assert.True(IndexOf(page, comment.Parent) < k, $"{comment.Id} replies to a later comment {comment.Parent}");
            }

            AssertProbability(comment.Confidence);
            AssertProbability(comment.ParentConfidence);
            foreach (var quote in comment.Quotes)
            {
                AssertQuote(page, comment, quote);
            }
        }
    }

    private static void AssertQuote(ReconstructedPage page, ReconstructedComment comment, ReconstructedQuote quote)
    {
        Assert.Contains(quote.Line, comment.Lines);
        AssertProbability(quote.Confidence);
        AssertProbability(quote.Similarity);
        if (quote.Kind == QuoteKinds.Embed)
        {
            Assert.Null(quote.Source);
            Assert.Equal(LineRoles.Embed, page.Lines[quote.Line - 1].Role);
            return;
        }

        Assert.Equal(QuoteKinds.Quote, quote.Kind);
        Assert.NotNull(quote.Source);
        Assert.NotEqual(comment.Id, quote.Source);
        Assert.NotNull(quote.SourceLine);
        Assert.Contains(quote.SourceLine!.Value, page.Comments[IndexOf(page, quote.Source!)].Lines);
        Assert.True(quote.SourceLine < quote.Line, "a quote comes after its source");
        Assert.Equal(LineRoles.Quote, page.Lines[quote.Line - 1].Role);
    }

    private static int IndexOf(ReconstructedPage page, string id) =>
        page.Comments.Select((c, k) => (c.Id, k)).Single(x => x.Id == id).k;

    private static void AssertProbability(double value) => Assert.InRange(value, 0.0, 1.0);
}
