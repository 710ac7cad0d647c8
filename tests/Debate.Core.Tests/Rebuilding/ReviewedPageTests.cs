using Debate.Core.Interchange;
using Debate.Core.Rebuilding;
using Debate.Core.Reconstruction;
using Xunit;

namespace Debate.Core.Tests.Rebuilding;

public class ReviewedPageTests
{
    // Two comments: c1 (lines 1-2), c2 (lines 3-5) replying to it, line 4 quoting line 1.
    private static ReviewedPage Page() => ReviewedPage.From(new ReconstructedPage(
        [
            new ReconstructedComment("c1", null, [1, 2], [], 0.9, 0.9),
            new ReconstructedComment("c2", "c1", [3, 4, 5], [new ReconstructedQuote(4, "c1", 1, QuoteKinds.Quote, 1.0, false, 0.9)], 0.9, 0.9),
        ],
        Enumerable.Range(1, 5).Select(n => new PageLine(n, $"line {n}", n == 4 ? LineRoles.Quote : LineRoles.Own, null)).ToList()));

    private static CorrectionStep Step(string op, int line, int? into = null, int? parent = null, int? source = null) =>
        new() { Op = op, Line = line, IntoLine = into, ParentLine = parent, SourceLine = source };

    [Fact]
    public void Split_makes_the_rest_of_a_comment_a_reply_to_it()
    {
        var page = Page();

        page.Apply(Step("split", 5));

        Assert.Equal(3, page.Comments.Count);
        var split = page.CommentHolding(5);
        Assert.Equal([5], split.Lines);
        Assert.Same(page.CommentHolding(3), split.Parent);
    }

    [Fact]
    public void Join_moves_every_line_and_mark_and_keeps_replies_attached()
    {
        var page = Page();
        page.Apply(Step("split", 5));

        page.Apply(Step("join", 3, into: 1));

        Assert.Equal(2, page.Comments.Count);
        var joined = page.CommentHolding(1);
        Assert.Equal([1, 2, 3, 4], joined.Lines);
        Assert.True(joined.Marks.ContainsKey(4));
        Assert.Same(joined, page.CommentHolding(5).Parent);
    }

    [Fact]
    public void Moving_a_comments_last_line_away_removes_the_comment()
    {
        var page = Page();
        page.Apply(Step("split", 5));

        page.Apply(Step("move", 5, into: 1));

        Assert.Equal(2, page.Comments.Count);
        Assert.Contains(5, page.CommentHolding(1).Lines);
    }

    [Fact]
    public void Parent_and_quote_marks_can_be_changed_and_undone()
    {
        var page = Page();

        page.Apply(Step("parent", 3, parent: null));
        page.Apply(Step("unquote", 4));
        page.Apply(Step("quote", 5, source: 2));

        Assert.Null(page.CommentHolding(3).Parent);
        Assert.False(page.CommentHolding(4).Marks.ContainsKey(4));
        Assert.Equal(2, page.CommentHolding(5).Marks[5].SourceLine);
    }

    [Fact]
    public void A_reply_cannot_become_its_own_ancestor()
    {
        var error = Assert.Throws<ImportException>(() => Page().ApplyAll([Step("parent", 1, parent: 3)], "fix.json"));

        Assert.Equal("$.steps[0]", Assert.Single(error.Errors).Where);
    }

    [Fact]
    public void Steps_naming_missing_lines_or_unknown_ops_are_refused_by_index()
    {
        var error = Assert.Throws<ImportException>(() => Page().ApplyAll([Step("author", 1) with { Author = "a" }, Step("frobnicate", 2), Step("join", 99, into: 1)], "fix.json"));

        var only = Assert.Single(error.Errors);
        Assert.Equal("$.steps[1]", only.Where);
        Assert.Contains("frobnicate", only.Message, StringComparison.Ordinal);

        // The page has lines 1-5: a step naming line 99, as the line it moves or as the one it joins into, is refused.
        var missing = Assert.Throws<ImportException>(() => Page().ApplyAll([Step("author", 1) with { Author = "a" }, Step("join", 99, into: 1)], "fix.json"));
        var refused = Assert.Single(missing.Errors);
        Assert.Equal(("$.steps[1]", "join: no comment holds line 99"), (refused.Where, refused.Message));
        Assert.Equal("fix.json", missing.File);
        var missingInto = Assert.Throws<ImportException>(() => Page().ApplyAll([Step("join", 3, into: 99)], "fix.json"));
        Assert.Equal(("$.steps[0]", "join: no comment holds line 99"), (Assert.Single(missingInto.Errors).Where, missingInto.Errors[0].Message));
    }
}
