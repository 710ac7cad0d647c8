namespace Debate.Core.Reconstruction;

/// <summary>A comment while it is being reconstructed.</summary>
internal sealed class DraftComment
{
    /// <summary>
    /// Reading position: the index of its first first-rendering line, or, for a comment only the
    /// second rendering shows, a point between the first-rendering lines around it. Ids follow it.
    /// </summary>
    public required double Order { get; init; }

    public required double Confidence { get; init; }

    /// <summary>Every line of the comment, in either rendering.</summary>
    public List<int> Lines { get; } = [];

    /// <summary>Index of the parent among the drafts in reading order, or -1 for a top-level comment.</summary>
    public int Parent { get; set; } = -1;

    public double ParentConfidence { get; set; } = 1.0;
}
