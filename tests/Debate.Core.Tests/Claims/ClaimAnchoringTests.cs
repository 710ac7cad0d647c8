using Debate.Core.Anchoring;
using Debate.Core.Claims;
using Debate.Core.Model;
using Xunit;

namespace Debate.Core.Tests.Claims;

public class ClaimAnchoringTests
{
    private const string Original = "The counting argument seems incredibly dubious to me. Training is not uniform sampling.";
    private const string Words = "incredibly dubious";

    private static ClaimTag TagOn(string text, string words)
    {
        var anchor = TextAnchoring.CreateUnique(text, words)!;
        return new ClaimTag { Id = 1, PostId = 7, RevisionId = 1, Anchor = anchor, Status = AnchorStatus.Anchored, CurrentRevisionId = 1, CurrentStart = anchor.Start, CurrentEnd = anchor.End };
    }

    private static PostRevision Revision(string text) => new() { Id = 2, PostId = 7, Number = 2, Body = text, Html = text, PlainText = text, OwnText = text, QuotedText = "" };

    [Fact]
    public void Words_left_in_place_stay_anchored_on_the_new_revision()
    {
        var claim = TagOn(Original, Words);

        var moves = ClaimAnchoring.Reanchor(Revision(Original + " Edited at the end."), [claim]);

        Assert.Equal(new ClaimMove(claim, AnchorStatus.Anchored, AnchorStatus.Anchored), Assert.Single(moves));
        Assert.Equal(2, claim.CurrentRevisionId);
        Assert.Equal(Original.IndexOf(Words, StringComparison.Ordinal), claim.CurrentStart);
    }

    [Fact]
    public void Words_that_moved_are_found_at_their_new_place()
    {
        var claim = TagOn(Original, Words);
        var edited = "To be blunt: " + Original;

        ClaimAnchoring.Reanchor(Revision(edited), [claim]);

        Assert.Equal(AnchorStatus.Moved, claim.Status);
        Assert.Equal(Words, edited[claim.CurrentStart!.Value..claim.CurrentEnd!.Value]);
        Assert.Equal(2, claim.CurrentRevisionId);
    }

    [Fact]
    public void Words_edited_away_leave_the_tag_orphaned_with_its_anchor_kept()
    {
        var claim = TagOn(Original, Words);

        ClaimAnchoring.Reanchor(Revision("The counting argument seems weak to me. Training is not uniform sampling."), [claim]);

        Assert.Equal(AnchorStatus.Orphaned, claim.Status);
        Assert.Null(claim.CurrentRevisionId);
        Assert.Null(claim.CurrentStart);
        Assert.Equal(Words, claim.Anchor.Exact);
    }

    [Fact]
    public void Words_that_now_stand_twice_with_equal_context_are_orphaned_rather_than_guessed()
    {
        var claim = TagOn("x dubious y", "dubious");

        ClaimAnchoring.Reanchor(Revision("dubious and dubious"), [claim]);

        Assert.Equal(AnchorStatus.Orphaned, claim.Status);
    }

    [Fact]
    public void Tags_of_other_posts_are_left_alone()
    {
        var claim = TagOn(Original, Words);
        claim.PostId = 8;

        var moves = ClaimAnchoring.Reanchor(Revision("nothing alike"), [claim]);

        Assert.Empty(moves);
        Assert.Equal(AnchorStatus.Anchored, claim.Status);
    }
}
