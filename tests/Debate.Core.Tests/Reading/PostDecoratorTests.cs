using AngleSharp.Html.Parser;
using Debate.Core.Markdown;
using Debate.Core.Reading;
using Xunit;

namespace Debate.Core.Tests.Reading;

public class PostDecoratorTests
{
    private static readonly HtmlTag Mark = new HtmlTag("mark").With("class", "m");

    private static string TextOf(string html) => new HtmlParser().ParseDocument("<body>" + html).Body!.TextContent;

    private static SpanDecoration Span(string text, string words, HtmlTag? wrap = null)
    {
        var start = text.IndexOf(words, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{words}' is not in the text");
        return new SpanDecoration(start, start + words.Length) { Wrap = wrap ?? Mark };
    }

    [Fact]
    public void Wrapping_a_span_inside_one_text_node_leaves_the_text_content_as_it_was()
    {
        const string html = "<p>The counting argument is dubious.</p>";
        var text = TextOf(html);

        var decorated = PostDecorator.Decorate(html, [Span(text, "counting argument")]);

        Assert.Equal("<p>The <mark class=\"m\">counting argument</mark> is dubious.</p>", decorated);
        Assert.Equal(text, TextOf(decorated));
    }

    [Fact]
    public void A_span_across_element_boundaries_gets_one_element_per_piece_and_wraps_whole_inline_elements()
    {
        var rendered = MarkdownRenderer.Render("One *two three* four.\n\nFive six.", "p1-");

        var decorated = PostDecorator.Decorate(rendered.Html, [Span(rendered.PlainText, "two three four.\nFive") with { Wrap = Mark with { Id = "s1" } }]);

        Assert.Equal(rendered.PlainText, TextOf(decorated));
        var body = new HtmlParser().ParseDocument("<body>" + decorated).Body!;
        var pieces = body.QuerySelectorAll("mark.m");
        Assert.Equal(["two three four.", "Five"], pieces.Select(p => p.TextContent));
        // The emphasis lies wholly inside the span, so it is wrapped whole rather than split.
        Assert.Equal("EM", pieces[0].FirstElementChild!.TagName);
        // Only the first piece carries the id a link can point at.
        Assert.Equal("s1", pieces[0].Id);
        Assert.False(pieces[1].HasAttribute("id"));
        // A piece never straddles paragraphs: each stays inside its own.
        Assert.All(pieces, p => Assert.Equal("P", p.ParentElement!.TagName));
    }

    [Fact]
    public void Overlapping_spans_nest_where_they_overlap_and_keep_the_text()
    {
        const string html = "<p>alpha beta gamma delta</p>";
        var text = TextOf(html);
        var outer = Span(text, "alpha beta gamma", new HtmlTag("mark").With("class", "a"));
        var crossing = Span(text, "gamma delta", new HtmlTag("mark").With("class", "b"));
        var same = Span(text, "alpha beta gamma", new HtmlTag("mark").With("class", "c"));

        var decorated = PostDecorator.Decorate(html, [crossing, outer, same]);

        Assert.Equal(text, TextOf(decorated));
        var body = new HtmlParser().ParseDocument("<body>" + decorated).Body!;
        Assert.Equal("alpha beta gamma", string.Concat(body.QuerySelectorAll("mark.a").Select(m => m.TextContent)));
        Assert.Equal("gamma delta", string.Concat(body.QuerySelectorAll("mark.b").Select(m => m.TextContent)));
        Assert.Equal("alpha beta gamma", string.Concat(body.QuerySelectorAll("mark.c").Select(m => m.TextContent)));
        // "gamma" is covered by both: its b piece sits inside a; " delta" gets a b piece of its own after a.
        Assert.Equal(["gamma", " delta"], body.QuerySelectorAll("mark.b").Select(m => m.TextContent));
        Assert.NotNull(body.QuerySelector("mark.a mark.b"));
    }

    [Fact]
    public void Markers_add_elements_but_no_text_before_and_after_the_span()
    {
        const string html = "<blockquote>\n<p>quoted words here</p>\n</blockquote>\n<p>reply</p>";
        var text = TextOf(html);
        var span = Span(text, "quoted words") with
        {
            Before = new HtmlTag("a") { Id = "q1" }.With("href", "#source").With("data-label", "Quoting Evan"),
            After = new HtmlTag("a").With("href", "#back").With("aria-label", "Quoted by 2 replies"),
        };

        var decorated = PostDecorator.Decorate(html, [span]);

        Assert.Equal(text, TextOf(decorated));
        Assert.Contains("<p><a id=\"q1\" href=\"#source\" data-label=\"Quoting Evan\"></a><mark class=\"m\">quoted words</mark><a href=\"#back\" aria-label=\"Quoted by 2 replies\"></a> here</p>", decorated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_is_never_put_inside_another_link()
    {
        var rendered = MarkdownRenderer.Render("See section 4.4 at [the report, section 4.4](https://example.org/r) today.", "p1-");
        var link = new HtmlTag("a").With("href", "/outline#s-4.4");
        var inside = rendered.PlainText.LastIndexOf("section 4.4", StringComparison.Ordinal);
        var outside = rendered.PlainText.IndexOf("section 4.4", StringComparison.Ordinal);

        var decorated = PostDecorator.Decorate(rendered.Html,
        [
            new SpanDecoration(outside, outside + 11) { Wrap = link },
            new SpanDecoration(inside, inside + 11) { Wrap = link, After = new HtmlTag("a").With("class", "marker") },
        ]);

        Assert.Equal(rendered.PlainText, TextOf(decorated));
        var body = new HtmlParser().ParseDocument("<body>" + decorated).Body!;
        Assert.Empty(body.QuerySelectorAll("a a"));
        Assert.Equal("section 4.4", body.QuerySelector("a[href='/outline#s-4.4']")!.TextContent);
        // The marker after the span inside the existing link goes after that link instead.
        Assert.Equal("A", body.QuerySelector("a.marker")!.PreviousElementSibling!.TagName);
        Assert.Equal("https://example.org/r", body.QuerySelector("a.marker")!.PreviousElementSibling!.GetAttribute("href"));
    }

    [Fact]
    public void A_stale_or_out_of_range_span_adds_nothing()
    {
        const string html = "<p>The text was edited.</p>";

        var decorated = PostDecorator.Decorate(html,
        [
            new SpanDecoration(4, 8) { Wrap = Mark, ExpectedText = "gone" },
            new SpanDecoration(10, 500) { Wrap = Mark },
            new SpanDecoration(-1, 3) { Wrap = Mark },
        ]);

        Assert.Equal(html, decorated);
    }

    [Fact]
    public void Attribute_values_are_encoded()
    {
        const string html = "<p>words</p>";

        var decorated = PostDecorator.Decorate(html, [new SpanDecoration(0, 5) { Wrap = new HtmlTag("mark").With("title", "\"><script>alert(1)</script>") }]);

        Assert.DoesNotContain("<script>", decorated, StringComparison.Ordinal);
        Assert.Equal("words", TextOf(decorated));
        Assert.Equal("\"><script>alert(1)</script>", new HtmlParser().ParseDocument("<body>" + decorated).Body!.QuerySelector("mark")!.GetAttribute("title"));
    }

    [Fact]
    public void Whitespace_between_list_items_is_not_wrapped()
    {
        var rendered = MarkdownRenderer.Render("- one\n- two\n", "p1-");
        var text = rendered.PlainText;

        var decorated = PostDecorator.Decorate(rendered.Html, [new SpanDecoration(0, text.Length) { Wrap = Mark }]);

        Assert.Equal(text, TextOf(decorated));
        var body = new HtmlParser().ParseDocument("<body>" + decorated).Body!;
        Assert.All(body.QuerySelectorAll("mark"), m => Assert.Equal("LI", m.ParentElement!.TagName));
    }

    [Fact]
    public void Finds_a_quote_inside_the_blockquotes_only_even_when_its_lines_were_rewrapped()
    {
        var rendered = MarkdownRenderer.Render("the counting argument\n\n> the counting\n> argument is dubious\n\nI agree.", "p1-");
        var decorator = PostDecorator.Open(rendered.Html);

        var found = decorator.FindInBlockquotes("the counting argument", []);

        Assert.NotNull(found);
        var inQuote = rendered.PlainText.IndexOf("the counting\nargument", StringComparison.Ordinal);
        Assert.Equal(new TextRange(inQuote, inQuote + "the counting\nargument".Length), found);
        Assert.Null(decorator.FindInBlockquotes("the counting argument", [found.Value]));
        Assert.Null(decorator.FindInBlockquotes("I agree.", []));
    }

    [Fact]
    public void Renaming_ids_keeps_footnote_links_pointing_at_their_notes()
    {
        var rendered = MarkdownRenderer.Render("Text.[^1]\n\n[^1]: Note.", "p7-");
        var decorator = PostDecorator.Open(rendered.Html);

        decorator.RenameIds(id => id.Replace("p7-", "p7-r1-", StringComparison.Ordinal));
        var html = decorator.Decorate([]);

        Assert.Contains("id=\"p7-r1-fn:1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#p7-r1-fn:1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"p7-fn", html, StringComparison.Ordinal);
    }
}
