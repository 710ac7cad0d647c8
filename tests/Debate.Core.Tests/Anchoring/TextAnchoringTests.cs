using Debate.Core.Anchoring;
using Debate.Core.Model;
using Xunit;

namespace Debate.Core.Tests.Anchoring;

public class TextAnchoringTests
{
    private const string Original = "I think Twitter is a much worse forum for complex issues than LW/AF.";

    [Fact]
    public void An_unchanged_text_keeps_the_span_where_it_was()
    {
        var anchor = TextAnchoring.Create(Original, 8, 15);

        Assert.Equal("Twitter", anchor.Exact);
        Assert.Equal(new AnchorMatch(AnchorStatus.Anchored, 8, 15), TextAnchoring.Locate(Original, anchor));
    }

    [Fact]
    public void Words_that_moved_are_found_at_their_new_place()
    {
        var anchor = TextAnchoring.Create(Original, 8, 15);
        var edited = "Honestly, " + Original;

        var match = TextAnchoring.Locate(edited, anchor);

        Assert.Equal(AnchorStatus.Moved, match.Status);
        Assert.Equal("Twitter", edited[match.Start..match.End]);
    }

    [Fact]
    public void Two_equally_likely_places_orphan_the_quote_rather_than_guess()
    {
        var anchor = new TextAnchor { Exact = "forum", Prefix = "", Suffix = "", Start = 100, End = 105 };

        Assert.Equal(AnchorStatus.Orphaned, TextAnchoring.Locate("forum one, forum two", anchor).Status);
    }

    [Fact]
    public void Context_picks_the_right_one_of_two_occurrences()
    {
        var text = "a worse forum for this; a better forum for that";
        var anchor = TextAnchoring.Create(text, text.IndexOf("forum for that", StringComparison.Ordinal), text.IndexOf("forum for that", StringComparison.Ordinal) + 5);

        var match = TextAnchoring.Locate("Edit: " + text, anchor);

        Assert.Equal(AnchorStatus.Moved, match.Status);
        Assert.Equal(anchor.Start + 6, match.Start);
    }

    [Fact]
    public void Words_that_are_gone_orphan_the_quote()
    {
        var anchor = TextAnchoring.Create(Original, 8, 15);

        Assert.Equal(AnchorMatch.Orphaned, TextAnchoring.Locate("Everything was rewritten.", anchor));
    }
}
