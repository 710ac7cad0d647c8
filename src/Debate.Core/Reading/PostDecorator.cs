using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Debate.Core.Reading;

/// <summary>A span of a text: [Start, End) in UTF-16 code units.</summary>
public readonly record struct TextRange(int Start, int End)
{
    public int Length => End - Start;
    public bool Contains(TextRange other) => Start <= other.Start && other.End <= End;
}

/// <summary>An element the decorator adds. It never holds text, so the post's text content stays what anchors count in.</summary>
public sealed record HtmlTag(string Name)
{
    /// <summary>Given to the first element only when a span needs several (one per piece of text).</summary>
    public string? Id { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; init; } = [];

    public HtmlTag With(string name, string value) => this with { Attributes = [.. Attributes, new(name, value)] };
}

/// <summary>
/// What to add around the text [Start, End) of a post body: an element wrapped around each piece of the
/// text (<see cref="Wrap"/>), and empty elements just before and after it (labels drawn by CSS, links).
/// </summary>
public sealed record SpanDecoration(int Start, int End)
{
    public HtmlTag? Wrap { get; init; }
    public HtmlTag? Before { get; init; }
    public HtmlTag? After { get; init; }
    /// <summary>When set, the span is left alone unless the text at Start..End is exactly this (a stale anchor marks nothing).</summary>
    public string? ExpectedText { get; init; }
}

/// <summary>
/// A stored post body (sanitised HTML) opened for decoration: its text content, where its blockquotes stand
/// in that text, and <see cref="Decorate"/>, which adds elements around spans of the text without changing
/// the text content. So the marked page still counts offsets as the stored plain text does.
/// </summary>
public sealed class PostDecorator
{
    private static readonly HtmlParser Parser = new();

    // Elements that may sit inside a paragraph, and so may be wrapped whole inside a <mark> or <a>.
    private static readonly HashSet<string> Phrasing = new(StringComparer.Ordinal)
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q",
        "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    };

    // Elements whose children may be text; whitespace between the items of a list or the cells of a table may not be wrapped.
    private static readonly HashSet<string> TextContainers = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dd", "dt", "pre", "caption", "figcaption", "summary",
    };

    private readonly string _html;
    private readonly IElement _root;
    private List<IText> _texts;
    private Dictionary<IText, int> _offsets;
    private bool _decorated;
    private bool _idsRenamed;

    private PostDecorator(string html)
    {
        _html = html;
        var document = Parser.ParseDocument("<!doctype html><body></body>");
        _root = document.Body!;
        _root.InnerHtml = html;
        (_texts, _offsets) = IndexTexts();
        Text = _root.TextContent;
        Blockquotes = _root.QuerySelectorAll("blockquote").Select(RangeOf).Where(r => r.Length > 0).ToList();
    }

    /// <summary>The text content: for a stored revision, its PlainText.</summary>
    public string Text { get; }

    /// <summary>Where each blockquote (nested ones too) stands in <see cref="Text"/>, in document order.</summary>
    public IReadOnlyList<TextRange> Blockquotes { get; }

    public static PostDecorator Open(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return new PostDecorator(html);
    }

    /// <summary>Decorates a stored body in one step.</summary>
    public static string Decorate(string html, IEnumerable<SpanDecoration> decorations) => Open(html).Decorate(decorations);

    /// <summary>
    /// Where a quote's words stand inside this body's blockquotes: exactly, or with the whitespace between
    /// words differing (a quote re-wrapped by Markdown). Places in <paramref name="taken"/> are passed over,
    /// so two quotes of the same words find two places.
    /// </summary>
    public TextRange? FindInBlockquotes(string exact, ICollection<TextRange> taken)
    {
        ArgumentNullException.ThrowIfNull(exact);
        ArgumentNullException.ThrowIfNull(taken);
        if (exact.Trim().Length == 0 || Blockquotes.Count == 0)
            return null;
        bool Usable(TextRange found) => !taken.Contains(found) && Blockquotes.Any(q => q.Contains(found));

        for (var at = Text.IndexOf(exact, StringComparison.Ordinal); at >= 0; at = Text.IndexOf(exact, at + 1, StringComparison.Ordinal))
        {
            if (Usable(new TextRange(at, at + exact.Length)))
                return new TextRange(at, at + exact.Length);
        }
        var words = exact.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        var pattern = new Regex(string.Join(@"\s+", words), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        for (var match = pattern.Match(Text); match.Success; match = match.NextMatch())
        {
            if (Usable(new TextRange(match.Index, match.Index + match.Length)))
                return new TextRange(match.Index, match.Index + match.Length);
        }
        return null;
    }

    /// <summary>Renames ids and the in-page links to them (footnotes), so one post's text can stand twice on a page.</summary>
    public void RenameIds(Func<string, string> rename)
    {
        ArgumentNullException.ThrowIfNull(rename);
        _idsRenamed = true;
        foreach (var element in _root.QuerySelectorAll("[id]"))
            element.Id = rename(element.Id!);
        foreach (var link in _root.QuerySelectorAll("a[href^='#']"))
            link.SetAttribute("href", "#" + rename(link.GetAttribute("href")![1..]));
    }

    /// <summary>
    /// Adds the decorations and returns the HTML. Spans that start earlier (or, from the same place, run
    /// longer) wrap those inside them; a span across element boundaries gets one element per piece of text
    /// (inline elements wholly inside it are wrapped whole). An &lt;a&gt; is never put inside another.
    /// Out-of-range, empty-text and stale (<see cref="SpanDecoration.ExpectedText"/>) spans add nothing.
    /// </summary>
    public string Decorate(IEnumerable<SpanDecoration> decorations)
    {
        ArgumentNullException.ThrowIfNull(decorations);
        if (_decorated)
            throw new InvalidOperationException("A PostDecorator decorates once; parse the HTML again for another set.");
        _decorated = true;

        var valid = decorations
            .Where(d => d.Start >= 0 && d.End <= Text.Length && d.Start <= d.End)
            .Where(d => d.ExpectedText is null
                        || d.ExpectedText.Length == d.End - d.Start && string.CompareOrdinal(Text, d.Start, d.ExpectedText, 0, d.ExpectedText.Length) == 0)
            .Select((d, i) => (Decoration: d, Order: i))
            .OrderBy(x => x.Decoration.Start).ThenByDescending(x => x.Decoration.End).ThenBy(x => x.Order)
            .Select(x => x.Decoration)
            .ToList();
        if (valid.Count == 0)
            return _idsRenamed ? _root.InnerHtml : _html;

        SplitTextsAt(valid.SelectMany(d => new[] { d.Start, d.End }));
        var pieces = valid.Select(d => d.Wrap is null ? [] : WrapSpan(d.Start, d.End, d.Wrap)).ToList();

        // Markers go in after all wrapping, beside the pieces, so later wraps never split them from their span.
        for (var i = 0; i < valid.Count; i++)
        {
            if (valid[i].Before is not null)
                InsertBefore(valid[i], pieces[i]);
        }
        for (var i = valid.Count - 1; i >= 0; i--)
        {
            if (valid[i].After is not null)
                InsertAfter(valid[i], pieces[i]);
        }

        // The promise of this class; should a bug ever break it, the page shows the plain stored body instead.
        return _root.TextContent == Text ? _root.InnerHtml : _html;
    }

    private (List<IText>, Dictionary<IText, int>) IndexTexts()
    {
        var texts = _root.Descendants<IText>().ToList();
        var offsets = new Dictionary<IText, int>(texts.Count, ReferenceEqualityComparer.Instance);
        var at = 0;
        foreach (var text in texts)
        {
            offsets[text] = at;
            at += text.Length;
        }
        return (texts, offsets);
    }

    private void SplitTextsAt(IEnumerable<int> positions)
    {
        var cuts = positions.Distinct().Order().ToList();
        foreach (var text in _texts)
        {
            var start = _offsets[text];
            // From the last cut back, so each cut's offset still counts from the start of this node.
            foreach (var cut in cuts.Where(c => c > start && c < start + text.Length).Reverse())
                text.Split(cut - start);
        }
        (_texts, _offsets) = IndexTexts();
    }

    private TextRange RangeOf(INode node)
    {
        if (node is IText text)
            return new TextRange(_offsets[text], _offsets[text] + text.Length);
        IText? first = null, last = null;
        foreach (var descendant in node.Descendants<IText>())
        {
            first ??= descendant;
            last = descendant;
        }
        return first is null ? new TextRange(0, 0) : new TextRange(_offsets[first], _offsets[last!] + last!.Length);
    }

    private bool MayHoldText(IText text) =>
        !string.IsNullOrWhiteSpace(text.Data)
        || text.ParentElement is { } parent && (Phrasing.Contains(parent.LocalName) || TextContainers.Contains(parent.LocalName));

    private List<IElement> WrapSpan(int start, int end, HtmlTag tag)
    {
        var span = new TextRange(start, end);
        var isLink = tag.Name == "a";
        var pieces = new List<IElement>();
        IElement? current = null;
        foreach (var text in _texts.ToList())
        {
            var range = RangeOf(text);
            if (range.Length == 0 || !span.Contains(range) || !MayHoldText(text) || isLink && OutermostLink(text) is not null)
                continue;
            var node = Climb(text, span, isLink);
            if (current is not null && (current.Contains(node) || node.Contains(current)))
                continue;
            if (current is not null && node.PreviousSibling == current)
            {
                current.AppendChild(node);
                continue;
            }
            current = Create(tag, withId: pieces.Count == 0);
            node.Parent!.InsertBefore(current, node);
            current.AppendChild(node);
            pieces.Add(current);
        }
        return pieces;
    }

    /// <summary>The largest inline element around the text that lies wholly inside the span: wrapping it whole keeps the markup small.</summary>
    private INode Climb(IText text, TextRange span, bool isLink)
    {
        INode node = text;
        while (node.Parent is IElement parent && parent != _root && Phrasing.Contains(parent.LocalName)
               && span.Contains(RangeOf(parent))
               && !(isLink && (parent.LocalName == "a" || parent.QuerySelector("a") is not null)))
            node = parent;
        return node;
    }

    private IElement Create(HtmlTag tag, bool withId)
    {
        var element = _root.Owner!.CreateElement(tag.Name);
        if (withId && tag.Id is not null)
            element.Id = tag.Id;
        foreach (var (name, value) in tag.Attributes)
            element.SetAttribute(name, value);
        return element;
    }

    private void InsertBefore(SpanDecoration decoration, List<IElement> pieces)
    {
        INode? reference = pieces.Count > 0
            ? pieces[0]
            : _texts.FirstOrDefault(t => _offsets[t] >= decoration.Start && t.Length > 0 && MayHoldText(t));
        var marker = Create(decoration.Before!, withId: true);
        if (reference is null)
        {
            _root.AppendChild(marker);
            return;
        }
        reference = OutermostLink(reference) ?? reference;
        reference.Parent!.InsertBefore(marker, reference);
    }

    private void InsertAfter(SpanDecoration decoration, List<IElement> pieces)
    {
        INode? reference = pieces.Count > 0
            ? pieces[^1]
            : _texts.LastOrDefault(t => _offsets[t] + t.Length <= decoration.End && t.Length > 0 && MayHoldText(t));
        var marker = Create(decoration.After!, withId: true);
        if (reference is null)
        {
            _root.InsertBefore(marker, _root.FirstChild);
            return;
        }
        reference = OutermostLink(reference) ?? reference;
        reference.Parent!.InsertBefore(marker, reference.NextSibling);
    }

    private IElement? OutermostLink(INode node)
    {
        IElement? link = null;
        for (var element = node as IElement ?? node.ParentElement; element is not null && element != _root; element = element.ParentElement)
        {
            if (element.LocalName == "a")
                link = element;
        }
        return link;
    }
}
