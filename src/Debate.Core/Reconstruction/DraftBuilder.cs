namespace Debate.Core.Reconstruction;

/// <summary>
/// Turns the segmentation into comments holding lines of both renderings: each second-rendering
/// line joins the comment of the line it renders; lines only the second rendering has are placed
/// by their neighbours (see <see cref="PlaceDroppedRun"/>).
/// </summary>
internal sealed class DraftBuilder
{
    private const double SecondRenderingOnlyConfidence = 0.6;

    private readonly PageLines _page;
    private readonly SecondRendering _second;
    private readonly LineRole[] _roles;
    private readonly Segmentation _segmentation;
    private readonly List<DraftComment> _drafts;

    private DraftBuilder(PageLines page, SecondRendering second, LineRole[] roles, Segmentation segmentation)
    {
        _page = page;
        _second = second;
        _roles = roles;
        _segmentation = segmentation;
        _drafts = segmentation.Segments
            .Select(s => new DraftComment { Order = s.Start, Confidence = s.Confidence })
            .ToList();
    }

    /// <summary>The comments in reading order, and each line's comment index (-1 for blank lines).</summary>
    public static (List<DraftComment> Drafts, int[] CommentOf) Build(
        PageLines page, SecondRendering second, LineRole[] roles, Segmentation segmentation)
    {
        var builder = new DraftBuilder(page, second, roles, segmentation);
        builder.AddFirstRendering();
        builder.AddSecondRendering();
        return builder.InReadingOrder();
    }

    private void AddFirstRendering()
    {
        for (var line = 0; line < _second.Start; line++)
        {
            if (_segmentation.SegmentOf[line] >= 0)
            {
                _drafts[_segmentation.SegmentOf[line]].Lines.Add(line);
            }
        }
    }

    private void AddSecondRendering()
    {
        var previousEnd = -1;
        var dropped = new List<int>();
        for (var line = _second.Start; line < _page.Count; line++)
        {
            if (_page.IsBlank(line))
            {
                continue;
            }

            var rendered = _second.RendersOf(line);
            if (rendered.Count == 0)
            {
                dropped.Add(line);
                continue;
            }

            if (dropped.Count > 0)
            {
                PlaceDroppedRun(dropped, previousEnd, rendered[0]);
                dropped.Clear();
            }

            _drafts[_segmentation.SegmentOf[rendered[0]]].Lines.Add(line);
            previousEnd = rendered[^1];
        }

        if (dropped.Count > 0)
        {
            PlaceDroppedRun(dropped, previousEnd, next: -1);
        }
    }

    /// <summary>
    /// Places lines only the second rendering has, between the first-rendering lines
    /// <paramref name="previous"/> and <paramref name="next"/> (-1 when there is none):
    /// inside a comment they belong to it; at a comment edge they are the own text of a comment
    /// that shows only quotes in the first rendering, else headings or footnotes closing the comment
    /// before, else a short reply the first rendering dropped, which becomes a comment of its own.
    /// </summary>
    private void PlaceDroppedRun(List<int> run, int previous, int next)
    {
        if (previous < 0)
        {
            AddAll(run, next >= 0 ? _segmentation.SegmentOf[next] : 0);
            return;
        }

        var before = _segmentation.SegmentOf[previous];
        var after = next >= 0 ? _segmentation.SegmentOf[next] : _segmentation.Segments.Count;
        if (before == after)
        {
            AddAll(run, before);
            return;
        }

        var quotesOnly = Enumerable.Range(before + 1, Math.Max(0, after - before - 1)).FirstOrDefault(HasNoOwnLine, -1);
        if (quotesOnly >= 0)
        {
            AddAll(run, quotesOnly);
        }
        else if (run.All(line => DiscourseCues.IsHeading(_page.Text[line])) || HasFootnoteMarker(before))
        {
            AddAll(run, before);
        }
        else
        {
            var draft = new DraftComment { Order = previous + 0.5, Confidence = SecondRenderingOnlyConfidence };
            draft.Lines.AddRange(run);
            _drafts.Add(draft);
        }
    }

    private bool HasNoOwnLine(int segment) =>
        !_drafts[segment].Lines.Any(line => _roles[line] is LineRole.Own or LineRole.RerenderOnly);

    /// <summary>A comment with a footnote marker ("[1]") owns the footnote text that follows it.</summary>
    private bool HasFootnoteMarker(int segment) =>
        _drafts[segment].Lines.Any(line => TextNormalizer.HasFootnoteMarker(_page.Text[line]));

    private void AddAll(List<int> run, int draft) => _drafts[draft].Lines.AddRange(run);

    private (List<DraftComment>, int[]) InReadingOrder()
    {
        var ordered = _drafts.Where(d => d.Lines.Count > 0).OrderBy(d => d.Order).ToList();
        var commentOf = new int[_page.Count];
        Array.Fill(commentOf, -1);
        for (var c = 0; c < ordered.Count; c++)
        {
            ordered[c].Lines.Sort();
            foreach (var line in ordered[c].Lines)
            {
                commentOf[line] = c;
            }
        }

        return (ordered, commentOf);
    }
}
