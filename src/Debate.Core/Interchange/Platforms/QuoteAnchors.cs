using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Debate.Core.Anchoring;
using Debate.Core.Markdown;
using Debate.Core.Model;

namespace Debate.Core.Interchange.Platforms;

/// <summary>Links quoted text to the span of the post it quotes, as an import would store it.</summary>
internal static class QuoteAnchors
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The plain text that quote offsets count in: the same rendering the importer stores.</summary>
    public static string PlainText(string markdown) => MarkdownRenderer.Render(markdown, "q-").PlainText;

    /// <summary>The text of each outermost blockquote of a Markdown body, as a reader sees it.</summary>
    public static List<string> Blockquotes(string markdown)
    {
        var body = Parser.ParseDocument("<!doctype html><body></body>").Body!;
        body.InnerHtml = MarkdownRenderer.Render(markdown, "q-").Html;
        return body.QuerySelectorAll("blockquote")
            .Where(q => q.ParentElement?.Closest("blockquote") is null)
            .Select(q => q.TextContent.Trim())
            .Where(t => t.Length > 0)
            .ToList();
    }

    /// <summary>
    /// Anchors <paramref name="quoted"/> on the one place it stands in the source's plain text, its words
    /// matched whatever the line breaks between them (a quote re-wraps lines); null when absent or ambiguous.
    /// </summary>
    public static QuoteInfo? Anchor(string quoted, string sourcePostId, string sourcePlainText)
    {
        var words = quoted.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return null;
        var pattern = new Regex(string.Join(@"\s+", words.Select(Regex.Escape)), RegexOptions.None, TimeSpan.FromSeconds(1));
        var first = pattern.Match(sourcePlainText);
        if (!first.Success || pattern.IsMatch(sourcePlainText, first.Index + 1))
            return null;
        var anchor = TextAnchoring.Create(sourcePlainText, first.Index, first.Index + first.Length);
        return new QuoteInfo
        {
            SourcePostId = sourcePostId,
            SourceRevision = 1,
            Exact = anchor.Exact,
            Prefix = anchor.Prefix,
            Suffix = anchor.Suffix,
            Start = anchor.Start,
            End = anchor.End,
            Status = AnchorStatus.Anchored,
        };
    }
}
