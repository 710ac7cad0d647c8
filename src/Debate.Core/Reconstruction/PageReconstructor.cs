namespace Debate.Core.Reconstruction;

/// <summary>
/// Proposes the thread behind a scraped comment page: plain text, one paragraph per line, no
/// author names, quotes inlined without markers, possibly followed by a second rendering of the
/// same comments with quotes and embeds stripped. The steps, each in its own class:
/// <list type="number">
/// <item><see cref="SecondRendering"/>: find the second rendering and align it with the first;</item>
/// <item><see cref="LineClassifier"/>: own text, quotes of earlier lines, embedded outside content;</item>
/// <item><see cref="BoundaryCues"/> and <see cref="Segmenter"/>: cut the first rendering into comments;</item>
/// <item><see cref="DraftBuilder"/>: fold the second rendering into those comments;</item>
/// <item><see cref="ParentResolver"/>: who replies to whom;</item>
/// <item><see cref="PageAssembler"/>: quote sources, ids and line roles.</item>
/// </list>
/// </summary>
public static class PageReconstructor
{
    public static ReconstructedPage Reconstruct(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var page = new PageLines(text);
        var second = SecondRendering.Detect(page);
        var search = new TextSearch(page, new TrigramIndex(page, second.Start));
        var lines = LineClassifier.Classify(page, second, search);
        var cues = BoundaryCues.Compute(page, second, lines.Roles);
        var segmentation = Segmenter.Segment(page, second.Start, lines, cues, search);
        var (drafts, commentOf) = DraftBuilder.Build(page, second, lines.Roles, segmentation);
        var parents = new ParentResolver(page, lines, search, drafts, commentOf);
        parents.Resolve();
        return new PageAssembler(page, second, lines, drafts, commentOf, parents).Assemble();
    }
}
