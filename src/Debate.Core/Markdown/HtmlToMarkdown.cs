using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Debate.Core.Markdown;

/// <summary>
/// Forum HTML (what LessWrong's and the EA Forum's editors store) as Markdown: paragraphs, blockquotes,
/// emphasis, links, lists, code, headings, tables, images and footnotes. Anything else keeps its text.
/// ReverseMarkdown would do this, but the package mirror does not serve it.
/// </summary>
public static partial class HtmlToMarkdown
{
    private static readonly HtmlParser Parser = new();

    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "p", "div", "blockquote", "ul", "ol", "li", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table",
        "section", "article", "aside", "figure", "figcaption", "header", "footer", "nav", "main", "address",
        "dl", "dt", "dd", "details", "summary", "script", "style", "template",
    };

    [GeneratedRegex(@"[ \t\n\r\f]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("`+")]
    private static partial Regex Backticks();

    public static string Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var body = Parser.ParseDocument("<!doctype html><body></body>").Body!;
        body.InnerHtml = html;
        var footnotes = TakeFootnotes(body);
        var converter = new Converter(footnotes.ToDictionary(f => f.Id, f => f.Label, StringComparer.Ordinal));
        var markdown = new StringBuilder(converter.Blocks(body.ChildNodes));
        foreach (var (_, label, content) in footnotes)
            markdown.Append("\n\n").Append(Prefix(converter.Blocks(content.ChildNodes), $"[^{label}]: ", "    "));
        return markdown.ToString().Trim();
    }

    /// <summary>Removes the footnote list from the body; its items become Markdown footnotes, numbered in order.</summary>
    private static List<(string Id, int Label, IElement Content)> TakeFootnotes(IElement body)
    {
        var footnotes = new List<(string, int, IElement)>();
        foreach (var section in body.QuerySelectorAll("ol.footnotes, ol.footnote-section, section.footnotes, div.footnotes").ToList())
        {
            if (section.ParentElement?.Closest("ol.footnotes, ol.footnote-section, section.footnotes, div.footnotes") is not null)
                continue;
            foreach (var item in section.QuerySelectorAll("li[id]"))
            {
                foreach (var back in item.QuerySelectorAll(".footnote-back-link, .footnote-back-ref, .footnote-backref, a[href^='#fnref'], [role='doc-backlink']").ToList())
                    back.Remove();
                footnotes.Add((item.Id!, footnotes.Count + 1, item.QuerySelector(".footnote-content") ?? item));
            }
            section.Remove();
        }
        return footnotes;
    }

    /// <summary>Puts <paramref name="first"/> before the first line and <paramref name="rest"/> before the others (a quote's "> ", a list item's indent).</summary>
    private static string Prefix(string text, string first, string rest) =>
        string.Join("\n", text.Split('\n').Select((line, i) => line.Length == 0 ? rest.TrimEnd() : (i == 0 ? first : rest) + line));

    private static string Destination(string url) =>
        url.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '<' or '>')
            ? "<" + url.Replace(" ", "%20", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal) + ">"
            : url;

    /// <summary>
    /// How deep elements nest before what is deeper is kept as plain text. Each blockquote or list level prefixes
    /// every line below it, so hostile nesting grew the Markdown with its square (a 480 KB page of blockquotes made
    /// 80 MB in two minutes), and a renderer shows no more than about a hundred levels anyway.
    /// </summary>
    public const int MaxNesting = 32;

    private sealed class Converter(IReadOnlyDictionary<string, int> footnotes)
    {
        /// <summary>The elements open around the one being converted, blocks and inline ones alike.</summary>
        public int Depth { get; set; }

        /// <summary>Block elements become blocks; runs of inline content between them become paragraphs.</summary>
        public string Blocks(IEnumerable<INode> nodes)
        {
            var blocks = new List<string>();
            var inline = new InlineWriter(this);
            foreach (var node in nodes)
            {
                if (node is IElement element && BlockElements.Contains(element.LocalName))
                {
                    Add(inline.ToString().Trim());
                    inline = new InlineWriter(this);
                    Add(Block(element));
                }
                else
                {
                    inline.Node(node);
                }
            }
            Add(inline.ToString().Trim());
            return string.Join("\n\n", blocks);

            void Add(string block)
            {
                if (block.Length > 0)
                    blocks.Add(block);
            }
        }

        public string Inline(IElement element)
        {
            var writer = new InlineWriter(this);
            foreach (var node in element.ChildNodes)
                writer.Node(node);
            return writer.ToString().Replace("\\\n", " ", StringComparison.Ordinal).Trim();
        }

        public int? FootnoteLabel(string? href) =>
            href is ['#', .. var id] && footnotes.TryGetValue(id, out var label) ? label : null;

        private string Block(IElement element)
        {
            if (Depth >= MaxNesting)
                return MarkdownText.FromPlainText(element.TextContent);
            Depth++;
            try
            {
                return BlockOf(element);
            }
            finally
            {
                Depth--;
            }
        }

        private string BlockOf(IElement element) => element.LocalName switch
        {
            "blockquote" => MarkdownText.Quote(Blocks(element.ChildNodes)),
            "ul" or "ol" => List(element),
            "pre" => Fence(element),
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => new string('#', element.LocalName[1] - '0') + " " + Inline(element),
            "hr" => "---",
            "table" => Table(element),
            "script" or "style" or "template" => "",
            _ => Blocks(element.ChildNodes),
        };

        private string List(IElement list)
        {
            var ordered = list.LocalName == "ol";
            var number = ordered && int.TryParse(list.GetAttribute("start"), out var start) ? start : 1;
            var items = list.Children.Where(c => c.LocalName == "li").Select(item =>
            {
                var marker = ordered ? $"{number++}. " : "- ";
                var content = Blocks(item.ChildNodes);
                return content.Length == 0 ? marker.TrimEnd() : Prefix(content, marker, new string(' ', marker.Length));
            }).ToList();
            // A list with a multi-block item is loose in Markdown anyway; blank lines keep its items apart.
            return string.Join(items.Any(i => i.Contains("\n\n", StringComparison.Ordinal)) ? "\n\n" : "\n", items);
        }

        private static string Fence(IElement pre)
        {
            var code = pre.TextContent.TrimEnd('\n');
            var language = pre.QuerySelector("code")?.ClassList.FirstOrDefault(c => c.StartsWith("language-", StringComparison.Ordinal))?["language-".Length..] ?? "";
            var longest = Backticks().Matches(code).Select(m => m.Length).DefaultIfEmpty(0).Max();
            var fence = new string('`', Math.Max(3, longest + 1));
            return $"{fence}{language}\n{code}\n{fence}";
        }

        private string Table(IElement table)
        {
            var rows = table.QuerySelectorAll("tr").Select(row => row.Children.Where(c => c.LocalName is "td" or "th").Select(Inline).ToList()).Where(r => r.Count > 0).ToList();
            if (rows.Count == 0)
                return "";
            var columns = rows.Max(r => r.Count);
            string Row(List<string> cells) => "| " + string.Join(" | ", cells.Concat(Enumerable.Repeat("", columns - cells.Count))) + " |";
            var lines = new List<string> { Row(rows[0]), "|" + string.Concat(Enumerable.Repeat(" --- |", columns)) };
            lines.AddRange(rows.Skip(1).Select(Row));
            return string.Join("\n", lines);
        }
    }

    /// <summary>Inline content of one block: text escaped so it shows as written, inline elements as Markdown.</summary>
    /// <param name="inLink">Inside a link's text, where a web address must not become a link of its own.</param>
    private sealed class InlineWriter(Converter converter, bool inLink = false)
    {
        private readonly StringBuilder _markdown = new();
        // A <br> is written only when more text follows: a trailing hard break would show as a backslash.
        private bool _pendingBreak;

        private bool AtLineStart => _pendingBreak || _markdown.Length == 0 || _markdown[^1] == '\n';

        public override string ToString() => _markdown.ToString();

        public void Node(INode node)
        {
            if (node is IText text)
                Text(text.Data);
            else if (node is IElement element)
                Element(element);
        }

        private void Raw(string markdown)
        {
            if (markdown.Length == 0)
                return;
            if (_pendingBreak)
                _markdown.Append("\\\n");
            _pendingBreak = false;
            _markdown.Append(markdown);
        }

        private void Text(string data)
        {
            var text = Whitespace().Replace(data, " ");
            if (AtLineStart || (_markdown.Length > 0 && _markdown[^1] == ' '))
                text = text.TrimStart(' ');
            if (text.Length == 0)
                return;
            var escaped = inLink ? MarkdownText.EscapeInline(text) : MarkdownText.EscapeText(text);
            Raw(AtLineStart ? MarkdownText.EscapeLineStart(escaped) : escaped);
        }

        private void Children(IElement element)
        {
            foreach (var node in element.ChildNodes)
                Node(node);
        }

        private void Element(IElement element)
        {
            if (converter.Depth >= MaxNesting)
            {
                Text(element.TextContent);
                return;
            }
            converter.Depth++;
            try
            {
                ElementOf(element);
            }
            finally
            {
                converter.Depth--;
            }
        }

        private void ElementOf(IElement element)
        {
            switch (element.LocalName)
            {
                case "br":
                    _pendingBreak = _markdown.Length > 0;
                    break;
                case "em" or "i" or "cite":
                    Wrap(element, "*");
                    break;
                case "strong" or "b":
                    Wrap(element, "**");
                    break;
                case "s" or "del" or "strike":
                    Wrap(element, "~~");
                    break;
                case "code" or "kbd" or "samp" or "tt":
                    Code(Whitespace().Replace(element.TextContent, " "));
                    break;
                case "a":
                    Link(element);
                    break;
                case "img":
                    if (element.GetAttribute("src") is { Length: > 0 } src)
                        Raw($"![{MarkdownText.EscapeInline(element.GetAttribute("alt") ?? "")}]({Destination(src)})");
                    break;
                case "script" or "style" or "template":
                    break;
                default:
                    Children(element);
                    break;
            }
        }

        private string Nested(IElement element, bool link = false)
        {
            var writer = new InlineWriter(converter, inLink || link);
            writer.Children(element);
            return writer.ToString();
        }

        /// <summary>Emphasis markers must touch their text, so surrounding spaces move outside them.</summary>
        private void Wrap(IElement element, string marker)
        {
            var core = Nested(element).Trim();
            var text = element.TextContent;
            if (text.Length > 0 && char.IsWhiteSpace(text[0]))
                Text(" ");
            if (core.Length > 0)
                Raw(marker + core + marker);
            if (core.Length > 0 && char.IsWhiteSpace(text[^1]))
                Text(" ");
        }

        private void Code(string code)
        {
            if (code.Length == 0)
                return;
            var longest = Backticks().Matches(code).Select(m => m.Length).DefaultIfEmpty(0).Max();
            var fence = new string('`', longest + 1);
            var pad = code[0] == '`' || code[^1] == '`' ? " " : "";
            Raw(fence + pad + code + pad + fence);
        }

        private void Link(IElement link)
        {
            var href = link.GetAttribute("href")?.Trim();
            if (converter.FootnoteLabel(href) is int label)
            {
                Raw($"[^{label}]");
                return;
            }
            var inner = Nested(link, link: true).Trim();
            if (string.IsNullOrEmpty(href) || href.StartsWith('#') || !Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto"))
                Raw(inner);
            else if (inner.Length == 0 || link.TextContent.Trim() == href)
                Raw(MarkdownText.Autolink(href));
            else
                Raw($"[{inner}]({Destination(href)})");
        }
    }
}
