using AngleSharp.Html.Parser;
using Debate.Core.Markdown;
using Xunit;

namespace Debate.Core.Tests.Markdown;

public class MarkdownRendererTests
{
    [Fact]
    public void Renders_footnotes_blockquotes_lists_emphasis_and_links()
    {
        var rendered = MarkdownRenderer.Render(
            "> quoted words\n\nSome *emphasis* and a [link](https://arxiv.org/abs/2311.08379).[^1]\n\n- one\n- two\n\n[^1]: The footnote.",
            "p7-");

        Assert.Contains("<blockquote>", rendered.Html);
        Assert.Contains("<em>emphasis</em>", rendered.Html);
        Assert.Contains("<li>one</li>", rendered.Html);
        Assert.Contains("href=\"https://arxiv.org/abs/2311.08379\"", rendered.Html);
        Assert.Contains("id=\"p7-fn:1\"", rendered.Html);
        Assert.Contains("href=\"#p7-fn:1\"", rendered.Html);
        Assert.Contains("class=\"footnotes\"", rendered.Html);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("[x](vbscript:msgbox(1))")]
    public void Never_lets_scripts_or_script_links_through(string markdown)
    {
        var html = MarkdownRenderer.Render(markdown, "p1-").Html;

        // Judge the markup as a browser would parse it: escaped text mentioning "javascript:" is harmless.
        var body = new HtmlParser().ParseDocument("<body>" + html).Body!;
        Assert.Empty(body.QuerySelectorAll("script, svg, iframe, object, embed, style"));
        foreach (var element in body.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style");
            foreach (var url in new[] { element.GetAttribute("href"), element.GetAttribute("src") }.OfType<string>())
                Assert.Matches("^(https?:|mailto:|#)", url);
        }
    }

    [Theory]
    [InlineData("> ", 128)]
    [InlineData("- ", 200)]
    [InlineData("[", 5000)]
    public void A_text_nested_deeper_than_markdig_parses_is_refused_with_a_reason(string level, int depth)
    {
        var markdown = string.Concat(Enumerable.Repeat(level, depth)) + "x";

        var refused = Assert.Throws<MarkdownTooDeepException>(() => MarkdownRenderer.Render(markdown, "x"));
        Assert.Equal(MarkdownTooDeepException.Explanation, refused.Message);
        Assert.Null(MarkdownRenderer.TryRender(markdown, "x"));
        Assert.NotNull(MarkdownRenderer.TryRender(string.Concat(Enumerable.Repeat("> ", 100)) + "x", "x"));
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_markup()
    {
        var rendered = MarkdownRenderer.Render("<b>bold?</b>", "p1-");

        Assert.DoesNotContain("<b>", rendered.Html);
        Assert.Contains("&lt;b&gt;", rendered.Html);
        Assert.Contains("<b>bold?</b>", rendered.PlainText);
    }

    [Fact]
    public void Separates_the_authors_own_words_from_what_they_quote()
    {
        var rendered = MarkdownRenderer.Render("> Twitter is a worse forum.\n\nI disagree entirely.", "p1-");

        Assert.Contains("Twitter is a worse forum.", rendered.PlainText);
        Assert.Contains("I disagree entirely.", rendered.PlainText);
        Assert.Equal("Twitter is a worse forum.", rendered.QuotedText);
        Assert.DoesNotContain("Twitter", rendered.OwnText);
        Assert.Contains("I disagree entirely.", rendered.OwnText);
    }

    [Fact]
    public void External_links_are_marked_as_user_content()
    {
        var html = MarkdownRenderer.Render("<https://example.org>", "p1-").Html;

        Assert.Contains("rel=\"nofollow ugc noopener\"", html);
    }
}
