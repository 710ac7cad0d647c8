namespace Debate.Core.Model;

/// <summary>
/// A span of a revision's plain text, kept the W3C Web Annotation way: the quoted words with some
/// context (TextQuoteSelector) and their offsets (TextPositionSelector). The context lets the span
/// be found again after the text around it changes.
/// </summary>
public sealed class TextAnchor
{
    public string Exact { get; set; } = "";
    public string Prefix { get; set; } = "";
    public string Suffix { get; set; } = "";
    public int Start { get; set; }
    public int End { get; set; }
}
