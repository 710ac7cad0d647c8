using Debate.Core.Reading;
using Xunit;

namespace Debate.Core.Tests.Reading;

public class RevisionDiffTests
{
    [Fact]
    public void Marks_the_words_removed_and_added_and_keeps_both_texts_whole()
    {
        const string before = "I really don't like that you've taken this discussion to Twitter.";
        const string after = "I really don't like all this discussion happening on Twitter.";

        var pieces = RevisionDiff.Compare(before, after);

        Assert.Equal(before, string.Concat(pieces.Where(p => p.Kind != DiffKind.Added).Select(p => p.Text)));
        Assert.Equal(after, string.Concat(pieces.Where(p => p.Kind != DiffKind.Removed).Select(p => p.Text)));
        Assert.Contains(pieces, p => p.Kind == DiffKind.Removed && p.Text.Contains("taken", StringComparison.Ordinal));
        Assert.Contains(pieces, p => p.Kind == DiffKind.Added && p.Text.Contains("happening", StringComparison.Ordinal));
        Assert.StartsWith("I really don't like ", pieces[0].Text, StringComparison.Ordinal);
        Assert.Equal(DiffKind.Same, pieces[0].Kind);
    }

    [Fact]
    public void A_rewritten_phrase_reads_as_the_old_words_struck_out_and_the_new_ones_after_not_as_scraps_around_shared_small_words()
    {
        var pieces = RevisionDiff.Compare(
            "I really don't like that you've taken this discussion to Twitter. I think so.",
            "I really don't like all this discussion happening on Twitter, and I appreciate that you took the time to move this back to LW/AF instead. I think so.");

        Assert.Equal(
            [
                new DiffPiece(DiffKind.Same, "I really don't like "),
                new DiffPiece(DiffKind.Removed, "that you've taken this discussion to Twitter"),
                new DiffPiece(DiffKind.Added, "all this discussion happening on Twitter, and I appreciate that you took the time to move this back to LW/AF instead"),
                new DiffPiece(DiffKind.Same, ". I think so."),
            ],
            pieces);
    }

    [Fact]
    public void Identical_texts_are_one_unchanged_piece()
    {
        Assert.Equal([new DiffPiece(DiffKind.Same, "same words")], RevisionDiff.Compare("same words", "same words"));
    }
}
