using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace Debate.Core.Markdown;

/// <summary>A revision's text in every form the app needs, computed once when it is saved.</summary>
/// <param name="Html">Sanitised HTML, safe to serve as is.</param>
/// <param name="PlainText">The HTML's text content, exactly as a browser's textContent sees it: anchor offsets count in it.</param>
/// <param name="OwnText">The plain text without blockquotes: the author's own words.</param>
/// <param name="QuotedText">The text of the blockquotes.</param>
public sealed record RenderedMarkdown(string Html, string PlainText, string OwnText, string QuotedText);

/// <summary>
/// CommonMark with footnotes and a few safe extras, then an allowlist sanitizer. Markdig alone is not a
/// sanitizer (a `javascript:` link passes DisableHtml), so every revision goes through both.
/// </summary>
public static class MarkdownRenderer
{
    // No UseAdvancedExtensions: its generic attributes extension lets authors set arbitrary attributes.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseFootnotes()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedAttributes.UnionWith(["id", "class"]);
        sanitizer.AllowedClasses.UnionWith(["footnotes", "footnote-ref", "footnote-back-ref"]);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedTags.ExceptWith(["form", "input", "button", "select", "textarea", "option", "style", "font", "center"]);
        sanitizer.AllowDataAttributes = false;
        return sanitizer;
    }

    // HtmlSanitizer keeps per-instance state only in its settings, which never change after creation.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <param name="markdown">The revision's Markdown source.</param>
    /// <param name="idPrefix">Prefixes footnote ids ("p12-fn:1") so several posts' footnotes can share a page.</param>
    /// <exception cref="MarkdownTooDeepException">The text nests more deeply than Markdig parses.</exception>
    public static RenderedMarkdown Render(string markdown, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        string unsafeHtml;
        try
        {
            unsafeHtml = Markdig.Markdown.ToHtml(markdown.Replace("\r\n", "\n", StringComparison.Ordinal), Pipeline);
        }
        catch (ArgumentException e)
        {
            // Markdig's own guard against nesting that would exhaust the stack: "> " 128 times, or 5,000 "[".
            throw new MarkdownTooDeepException(e);
        }
        // The sanitised document itself, not its HTML parsed again: parsing and writing HTML is most of the cost.
        using var document = Sanitizer.SanitizeDom(unsafeHtml);
        var body = document.Body!;
        PrefixIds(body, idPrefix);
        foreach (var link in body.QuerySelectorAll("a[href^='http']"))
            link.SetAttribute("rel", "nofollow ugc noopener");

        var html = body.InnerHtml;
        var plainText = body.TextContent;
        var quoted = string.Join("\n", body.QuerySelectorAll("blockquote").Where(q => q.ParentElement?.Closest("blockquote") is null).Select(q => q.TextContent.Trim()));
        foreach (var quote in body.QuerySelectorAll("blockquote").ToList())
            quote.Remove();
        return new RenderedMarkdown(html, plainText, body.TextContent, quoted);
    }

    /// <summary>The text rendered, or null when it nests too deeply to render (see <see cref="MarkdownTooDeepException"/>).</summary>
    public static RenderedMarkdown? TryRender(string markdown, string idPrefix)
    {
        try
        {
            return Render(markdown, idPrefix);
        }
        catch (MarkdownTooDeepException)
        {
            return null;
        }
    }

    private static void PrefixIds(IElement root, string prefix)
    {
        foreach (var element in root.QuerySelectorAll("[id]"))
            element.Id = prefix + element.Id;
        foreach (var link in root.QuerySelectorAll("a[href^='#']"))
            link.SetAttribute("href", "#" + prefix + link.GetAttribute("href")![1..]);
    }
}

/// <summary>A text whose quotes, lists or brackets nest more deeply than it can be rendered.</summary>
public sealed class MarkdownTooDeepException(Exception inner) : FormatException(Explanation, inner)
{
    public const string Explanation =
        "The text nests quotes, lists or brackets more than about a hundred levels deep, too deep to show. Flatten it.";
}
