using Debate.Core.Reconstruction;
using Xunit;
namespace Debate.Core.Tests.Reconstruction;

public sealed class SmallPageTests
{
    // A comment, a reply quoting it, and a reply to the reply quoting part of its answer.
    private const string Conversation =
        "I think cats make better pets than dogs because they need much less attention every day.\n" +
        "They also tend to live longer, which matters when you get attached to an animal.\n" +
        "I think cats make better pets than dogs because they need much less attention every day.\n" +
        "I disagree: a dog needs attention, but giving it is the whole point of having a pet.\n" +
        "giving it is the whole point of having a pet\n" +
        "Good point. I still prefer cats, but I see why people choose dogs.";

    [Fact]
    public void Quote_of_the_comment_before_starts_a_reply_to_it()
    {
        var page = PageReconstructor.Reconstruct(Conversation);

        PageAssertions.AssertValid(Conversation, page);
        Assert.Equal(3, page.Comments.Count);
        Assert.Equal([1, 2], page.Comments[0].Lines);
        Assert.Equal([3, 4], page.Comments[1].Lines);
        Assert.Equal([5, 6], page.Comments[2].Lines);
        Assert.Null(page.Comments[0].Parent);
        Assert.Equal("c1", page.Comments[1].Parent);
        Assert.Equal("c2", page.Comments[2].Parent);

        var quote = Assert.Single(page.Comments[1].Quotes);
        Assert.Equal(new ReconstructedQuote(3, "c1", 1, QuoteKinds.Quote, 1.0, false, quote.Confidence), quote);
        Assert.Equal(LineRoles.Quote, page.Lines[2].Role);
        var partial = Assert.Single(page.Comments[2].Quotes);
        Assert.Equal(("c2", 4), (partial.Source, partial.SourceLine));
        Assert.Equal(LineRoles.Own, page.Lines[5].Role);
    }

    [Fact]
    public void Quote_introduced_by_a_colon_stays_in_the_quoting_comment()
    {
        const string text =
            "Training selects for whatever gets low loss, and deceptive models get low loss too.\n" +
            "That is not how I read the evidence at all, and here is the sentence I object to:\n" +
            "Training selects for whatever gets low loss, and deceptive models get low loss too.\n" +
            "Loss is only one pressure among several, and the inductive biases matter as much.";
        var page = PageReconstructor.Reconstruct(text);

        PageAssertions.AssertValid(text, page);
        Assert.Equal(2, page.Comments.Count);
        Assert.Equal([2, 3, 4], page.Comments[1].Lines);
        Assert.Equal("c1", page.Comments[1].Parent);
    }

    [Fact]
    public void Empty_input_has_no_comments_and_no_lines()
    {
        var page = PageReconstructor.Reconstruct(string.Empty);

        Assert.Empty(page.Comments);
        Assert.Empty(page.Lines);
    }

    [Fact]
    public void Blank_lines_belong_to_no_comment()
    {
        const string text = "\n  \nA single comment with one paragraph.\r\n\r\n";
        var page = PageReconstructor.Reconstruct(text);

        PageAssertions.AssertValid(text, page);
        var comment = Assert.Single(page.Comments);
        Assert.Equal([3], comment.Lines);
        Assert.Equal(LineRoles.Blank, page.Lines[0].Role);
        Assert.Equal("A single comment with one paragraph.", page.Lines[2].Text);
    }

    [Fact]
    public void Page_without_a_second_rendering_still_finds_quotes()
    {
        var text = string.Join('\n', TestData.SeedLines[..(TestData.SeedSecondRenderingStart - 1)]);
        var page = PageReconstructor.Reconstruct(text);

        PageAssertions.AssertValid(text, page);
        Assert.DoesNotContain(page.Lines, l => l.Role is LineRoles.Rerender or LineRoles.RerenderOnly or LineRoles.Embed);
        // The truth holds 17 comments in these lines (seed-002-truth.json: every comment but c11, which only the second
        // rendering has). Without the second rendering, comments that follow each other with no quote between them can
        // run together (the reposted tweets and the comment after them), so this is a quality floor of a heuristic, 70%
        // of them, and never more comments than there are.
        Assert.InRange(page.Comments.Count, 12, 17);

        // Line 47 quotes the opening of line 44 with a footnote marker added ("...quite hard[1]").
        var quote = page.Comments.SelectMany(c => c.Quotes).Single(q => q.Line == 47);
        Assert.Equal(44, quote.SourceLine);
        Assert.NotEqual(CommentHolding(page, 47), quote.Source);
    }

    private static string CommentHolding(ReconstructedPage page, int line) => page.Comments.Single(c => c.Lines.Contains(line)).Id;
}
