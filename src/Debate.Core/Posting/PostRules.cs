using AngleSharp.Html.Parser;

namespace Debate.Core.Posting;

/// <summary>The limits a post's text must keep; the forms state them and the validators enforce them.</summary>
public static class PostRules
{
    public const int BodyMaxLength = 20_000;
    public const int MaxQuotes = 20;
    /// <summary>A quote of a quote of a quote: deeper nesting is refused rather than cut.</summary>
    public const int MaxQuoteDepth = 3;

    public static string Description { get; } =
        $"Markdown. Up to {BodyMaxLength:N0} characters and {MaxQuotes} linked quotes; quotes may nest {MaxQuoteDepth} deep (> > >), no deeper.";

    private static readonly HtmlParser Parser = new();

    /// <summary>How deep the blockquotes of rendered HTML nest (0 when there are none).</summary>
    public static int QuoteDepth(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!html.Contains("<blockquote", StringComparison.Ordinal))
            return 0;
        var document = Parser.ParseDocument("<!doctype html><body></body>");
        document.Body!.InnerHtml = html;
        var deepest = 0;
        foreach (var quote in document.Body.QuerySelectorAll("blockquote"))
        {
            var depth = 0;
            for (var element = quote; element is not null; element = element.ParentElement?.Closest("blockquote"))
                depth++;
            deepest = Math.Max(deepest, depth);
        }
        return deepest;
    }
}
