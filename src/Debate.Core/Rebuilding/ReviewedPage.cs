using Debate.Core.Interchange;
using Debate.Core.Reconstruction;

namespace Debate.Core.Rebuilding;

/// <summary>A line of a comment marked as not its author's own words: a quote of another line, or embedded outside content.</summary>
public sealed record LineMark(string Kind, int? SourceLine, bool EarlierWording, Model.Platform? Platform = null);

public sealed class ReviewComment
{
    public SortedSet<int> Lines { get; } = [];
    public Dictionary<int, LineMark> Marks { get; } = [];
    public ReviewComment? Parent { get; set; }
    public string? AuthorId { get; set; }
    public double Confidence { get; init; }
    public double ParentConfidence { get; set; }
}

/// <summary>
/// A machine reconstruction as a reviewer edits it: comments as sets of lines, their parents, their
/// quote and embed marks, and the claims to tag. Every change goes through <see cref="Apply"/>.
/// </summary>
public sealed class ReviewedPage
{
    private readonly Dictionary<int, PageLine> _lines;

    private ReviewedPage(IReadOnlyList<PageLine> lines)
    {
        Lines = lines;
        _lines = lines.ToDictionary(l => l.Number);
    }

    public IReadOnlyList<PageLine> Lines { get; }
    public List<ReviewComment> Comments { get; } = [];
    public List<CorrectionStep> Claims { get; } = [];

    public static ReviewedPage From(ReconstructedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var reviewed = new ReviewedPage(page.Lines);
        var byId = new Dictionary<string, ReviewComment>(StringComparer.Ordinal);
        foreach (var comment in page.Comments)
        {
            var review = new ReviewComment { Confidence = comment.Confidence, ParentConfidence = comment.ParentConfidence };
            review.Lines.UnionWith(comment.Lines);
            foreach (var quote in comment.Quotes)
                review.Marks[quote.Line] = new LineMark(quote.Kind, quote.SourceLine, quote.EarlierWording);
            byId[comment.Id] = review;
            reviewed.Comments.Add(review);
        }
        foreach (var comment in page.Comments)
            byId[comment.Id].Parent = comment.Parent is null ? null : byId[comment.Parent];
        return reviewed;
    }

    public PageLine Line(int number) =>
        _lines.TryGetValue(number, out var line) ? line : throw new ArgumentOutOfRangeException(nameof(number), $"the page has no line {number}");

    public ReviewComment CommentHolding(int line) =>
        Comments.FirstOrDefault(c => c.Lines.Contains(line)) ?? throw new ArgumentOutOfRangeException(nameof(line), $"no comment holds line {line}");

    /// <summary>Applies every step in order; a step that cannot apply is reported with its index and nothing is half-done.</summary>
    public void ApplyAll(IReadOnlyList<CorrectionStep> steps, string fileName)
    {
        ArgumentNullException.ThrowIfNull(steps);
        for (var i = 0; i < steps.Count; i++)
        {
            try
            {
                Apply(steps[i]);
            }
            catch (ArgumentException e)
            {
                throw new ImportException(fileName, [new ImportError($"$.steps[{i}]", $"{steps[i].Op}: {e.Message.Split(" (Parameter")[0]}")]);
            }
        }
    }

    public void Apply(CorrectionStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        switch (step.Op)
        {
            case "author":
                CommentHolding(step.Line).AuthorId = step.Author ?? throw new ArgumentException("author needs \"author\"");
                break;
            case "parent":
                SetParent(CommentHolding(step.Line), step.ParentLine is int parent ? CommentHolding(parent) : null);
                break;
            case "split":
                Split(step.Line);
                break;
            case "join":
                Join(CommentHolding(step.Line), CommentHolding(step.IntoLine ?? throw new ArgumentException("join needs \"intoLine\"")));
                break;
            case "move":
                Move(step.Line, CommentHolding(step.IntoLine ?? throw new ArgumentException("move needs \"intoLine\"")));
                break;
            case "quote":
                Mark(step.Line, new LineMark(QuoteKinds.Quote, step.SourceLine ?? throw new ArgumentException("quote needs \"sourceLine\""), false));
                break;
            case "embed":
                Mark(step.Line, new LineMark(QuoteKinds.Embed, null, false, step.Platform));
                break;
            case "unquote" or "unembed":
                CommentHolding(step.Line).Marks.Remove(step.Line);
                break;
            case "claim":
                CommentHolding(step.Line);
                if (step.Tag is null || step.Stance is null || string.IsNullOrEmpty(step.Exact))
                    throw new ArgumentException("claim needs \"tag\", \"stance\" and \"exact\"");
                Claims.Add(step);
                break;
            default:
                throw new ArgumentException($"unknown step \"{step.Op}\"");
        }
    }

    private void SetParent(ReviewComment comment, ReviewComment? parent)
    {
        for (var ancestor = parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (ancestor == comment)
                throw new ArgumentException("a comment cannot reply to itself or to its own replies");
        }
        comment.Parent = parent;
        comment.ParentConfidence = 1.0;
    }

    /// <summary>The line and the rest of its comment after it (in the same rendering, with their second renderings) become a reply.</summary>
    private void Split(int line)
    {
        var comment = CommentHolding(line);
        var secondRendering = IsSecondRendering(line);
        var moving = comment.Lines.Where(l => l >= line && IsSecondRendering(l) == secondRendering).ToHashSet();
        moving.UnionWith(comment.Lines.Where(l => Line(l).Renders is int rendered && moving.Contains(rendered)));
        if (moving.Count == comment.Lines.Count)
            throw new ArgumentException($"line {line} already starts its comment");
        var split = new ReviewComment { Confidence = 1.0, ParentConfidence = 1.0, Parent = comment, AuthorId = null };
        foreach (var moved in moving)
            MoveLine(comment, split, moved);
        Comments.Insert(Comments.IndexOf(comment) + 1, split);
    }

    private void Join(ReviewComment from, ReviewComment into)
    {
        if (from == into)
            throw new ArgumentException("the two lines are in the same comment already");
        foreach (var line in from.Lines.ToList())
            MoveLine(from, into, line);
        Remove(from, into);
    }

    private void Move(int line, ReviewComment into)
    {
        var from = CommentHolding(line);
        if (from == into)
            throw new ArgumentException($"line {line} is in that comment already");
        MoveLine(from, into, line);
        if (from.Lines.Count == 0)
            Remove(from, from.Parent);
    }

    private void Mark(int line, LineMark mark)
    {
        if (mark.SourceLine is int source)
            Line(source);
        CommentHolding(line).Marks[line] = mark;
    }

    private static void MoveLine(ReviewComment from, ReviewComment into, int line)
    {
        from.Lines.Remove(line);
        into.Lines.Add(line);
        if (from.Marks.Remove(line, out var mark))
            into.Marks[line] = mark;
    }

    /// <summary>Removes an emptied or absorbed comment; its replies move to <paramref name="heir"/>.</summary>
    private void Remove(ReviewComment comment, ReviewComment? heir)
    {
        foreach (var reply in Comments.Where(c => c.Parent == comment))
            reply.Parent = heir == reply ? comment.Parent : heir;
        if (heir is not null && heir.Parent == comment)
            heir.Parent = comment.Parent;
        Comments.Remove(comment);
    }

    public bool IsSecondRendering(int line) => Line(line).Role is LineRoles.Rerender or LineRoles.RerenderOnly;
}
