namespace Debate.Core.Reconstruction;

/// <summary>The thread proposed for one scraped page: its comments and the role of every line.</summary>
public sealed record ReconstructedPage(IReadOnlyList<ReconstructedComment> Comments, IReadOnlyList<PageLine> Lines);

/// <summary>
/// One comment. <paramref name="Lines"/> are 1-based input lines (first and second rendering) in
/// ascending order; <paramref name="Confidence"/> rates the guess of where the comment starts and
/// <paramref name="ParentConfidence"/> the guess of its parent.
/// </summary>
public sealed record ReconstructedComment(
    string Id,
    string? Parent,
    IReadOnlyList<int> Lines,
    IReadOnlyList<ReconstructedQuote> Quotes,
    double Confidence,
    double ParentConfidence);

/// <summary>
/// A line of a comment that is not its author's own words. <paramref name="Kind"/> is
/// <see cref="QuoteKinds.Quote"/> (text of an earlier comment: <paramref name="Source"/> and
/// <paramref name="SourceLine"/> say where) or <see cref="QuoteKinds.Embed"/> (outside content such
/// as a reposted tweet: no source). <paramref name="Similarity"/> is 1.0 for an exact match;
/// <paramref name="EarlierWording"/> marks a quote of a wording its author later edited.
/// </summary>
public sealed record ReconstructedQuote(
    int Line,
    string? Source,
    int? SourceLine,
    string Kind,
    double Similarity,
    bool EarlierWording,
    double Confidence);

/// <summary>
/// One input line. <paramref name="Role"/> is one of <see cref="LineRoles"/>; <paramref name="Renders"/>
/// is set on second-rendering lines to the first-rendering line they render again.
/// </summary>
public sealed record PageLine(int Number, string Text, string Role, int? Renders);

/// <summary>The values of <see cref="PageLine.Role"/>.</summary>
public static class LineRoles
{
    public const string Own = "own";
    public const string Quote = "quote";
    public const string Embed = "embed";
    public const string Rerender = "rerender";
    public const string RerenderOnly = "rerender-only";
    public const string Blank = "blank";
}

/// <summary>The values of <see cref="ReconstructedQuote.Kind"/>.</summary>
public static class QuoteKinds
{
    public const string Quote = "quote";
    public const string Embed = "embed";
}
