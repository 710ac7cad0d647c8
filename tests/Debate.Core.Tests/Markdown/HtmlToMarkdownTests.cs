using Debate.Core.Markdown;
using Xunit;

namespace Debate.Core.Tests.Markdown;

public class HtmlToMarkdownTests
{
    /// <summary>The Markdown, and the text it renders to: the text must be what the HTML showed.</summary>
    private static (string Markdown, string Text) Convert(string html)
    {
        var markdown = HtmlToMarkdown.Convert(html);
        return (markdown, MarkdownRenderer.Render(markdown, "t-").PlainText.Trim());
    }

    [Theory]
    [InlineData("<p>2 * 3 * 4 = 24</p>", "2 * 3 * 4 = 24")]
    [InlineData("<p># not a heading</p>", "# not a heading")]
    [InlineData("<p>> not a quote</p>", "> not a quote")]
    [InlineData("<p>1. not a list</p>", "1. not a list")]
    [InlineData("<p>- not a list either</p>", "- not a list either")]
    [InlineData("<p>[not](a link) and &lt;b&gt; and snake_case_name and ~~this~~</p>", "[not](a link) and <b> and snake_case_name and ~~this~~")]
    [InlineData("<p>&amp;amp; stays &amp;amp;</p>", "&amp; stays &amp;")]
    public void Text_shows_as_written_whatever_markdown_would_make_of_it(string html, string text)
    {
        Assert.Equal(text, Convert(html).Text);
    }

    [Fact]
    public void Blockquotes_nested_deeper_than_the_limit_keep_their_words_as_plain_text()
    {
        // 20,000 levels: each one prefixed every line below it, and the Markdown grew with the square of the depth.
        const int levels = 20_000;
        var html = string.Concat(Enumerable.Repeat("<blockquote>", levels)) + "<p>the innermost words</p>" + string.Concat(Enumerable.Repeat("</blockquote>", levels));

        var markdown = HtmlToMarkdown.Convert(html);

        Assert.Equal(new string('>', HtmlToMarkdown.MaxNesting), string.Concat(markdown.TakeWhile(c => c is '>' or ' ')).Replace(" ", "", StringComparison.Ordinal));
        Assert.EndsWith("the innermost words", markdown, StringComparison.Ordinal);
        Assert.True(markdown.Length < 200, $"{markdown.Length} characters");
    }

    [Fact]
    public void Inline_elements_nested_deeper_than_the_limit_keep_their_words()
    {
        const int levels = 50_000;
        var html = "<p>" + string.Concat(Enumerable.Repeat("<span>", levels)) + "words *as written*" + string.Concat(Enumerable.Repeat("</span>", levels)) + "</p>";

        Assert.Equal("words \\*as written\\*", HtmlToMarkdown.Convert(html));
    }

    [Fact]
    public void Nested_blockquotes_and_lists_keep_their_structure()
    {
        var (markdown, _) = Convert("<blockquote><p>outer</p><blockquote><p>inner</p></blockquote></blockquote><ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>");

        Assert.Equal("> outer\n>\n> > inner\n\n- a\n\n  - b\n\n- c", markdown);
    }

    [Fact]
    public void Line_breaks_links_and_images_survive()
    {
        var (markdown, text) = Convert("<p>one<br>two <a href=\"https://en.wikipedia.org/wiki/Prior_(statistics)\">prior</a> <a href=\"https://example.org/\">https://example.org/</a> <img src=\"https://example.org/a.png\" alt=\"chart\"></p>");

        Assert.Equal("one\\\ntwo [prior](<https://en.wikipedia.org/wiki/Prior_(statistics)>) <https://example.org/> ![chart](https://example.org/a.png)", markdown);
        Assert.StartsWith("one\ntwo prior https://example.org/", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_address_stays_one_link_with_every_character()
    {
        var markdown = HtmlToMarkdown.Convert("<p>see https://en.wikipedia.org/wiki/Prior_(statistics)_x. Or (https://example.org/a_b).</p>");

        Assert.Equal("see <https://en.wikipedia.org/wiki/Prior_(statistics)_x>. Or (<https://example.org/a_b>).", markdown);
        Assert.Contains("href=\"https://example.org/a_b\"", MarkdownRenderer.Render(markdown, "t-").Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Emphasis_keeps_its_spaces_outside_the_markers()
    {
        Assert.Equal("a *b* c", Convert("<p>a<em> b </em>c</p>").Markdown);
    }

    [Fact]
    public void Unsafe_links_keep_only_their_text()
    {
        Assert.Equal("click", Convert("<p><a href=\"javascript:alert(1)\">click</a></p>").Markdown);
    }

    [Fact]
    public void A_table_becomes_a_pipe_table()
    {
        var (markdown, _) = Convert("<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>x|y</td></tr></table>");

        Assert.Equal("| a | b |\n| --- | --- |\n| 1 | x\\|y |", markdown);
    }
}
