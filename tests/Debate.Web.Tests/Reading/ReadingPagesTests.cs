using System.Net;
using AngleSharp.Dom;
using Debate.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Reading;

/// <summary>The reading pages as served, without any script: every link, mark and label is in the HTML.</summary>
public class ReadingPagesTests(ReadingAppFixture fixture) : IClassFixture<ReadingAppFixture>
{
    private const string Slug = ReadingAppFixture.Slug;
    private readonly HttpClient _client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private long Id(string key) => fixture.Ids[key];

    private IEnumerable<long> Ids(params string[] keys) => keys.Select(Id);

    private static IElement Post(IDocument page, long id) => page.QuerySelector($"article#p{id}") ?? throw new InvalidOperationException($"post {id} is not on the page");

    private static string SpanText(IDocument page, string spanId) => string.Concat(page.QuerySelectorAll($"[data-span='{spanId}']").Select(m => m.TextContent));

    private static (int Start, int End) Span(string markdown, string words) => ReadingThread.SpanOf(markdown, words);

    [Fact]
    public async Task A_quote_names_whom_it_quotes_and_links_to_the_quoted_words()
    {
        var page = await _client.GetDocumentAsync($"/t/{Slug}");

        var (start, end) = Span(ReadingThread.RootBody, ReadingThread.CountingWords);
        var spanId = $"p{Id("a1")}-s{start}-{end}";
        var source = Post(page, Id("a2")).QuerySelector("blockquote a.quote-source")!;
        Assert.Equal("#" + spanId, source.GetAttribute("href"));
        Assert.Equal("Quoting Quintin Pope", source.GetAttribute("data-label"));
        Assert.Equal($"/t/{Slug}/p/{Id("a1")}/preview", source.GetAttribute("data-preview"));
        Assert.Equal(ReadingThread.CountingWords, SpanText(page, spanId));
        Assert.NotNull(Post(page, Id("a1")).QuerySelector($"mark.quoted-span#{spanId}"));
    }

    [Fact]
    public async Task Quoted_words_carry_a_quoted_by_marker_leading_back_to_the_quoting_posts()
    {
        var page = await _client.GetDocumentAsync($"/t/{Slug}");

        // Quoted twice: the marker leads to the list of both quoting posts under the source.
        var (start, end) = Span(ReadingThread.RootBody, ReadingThread.CountingWords);
        var marker = Post(page, Id("a1")).QuerySelector("a.quoted-by")!;
        Assert.Equal("quoted by 2", marker.GetAttribute("data-label"));
        Assert.Equal("Quoted by 2 posts: Evan Hubinger, Joe Carlsmith", marker.GetAttribute("aria-label"));
        var listId = $"p{Id("a1")}-qb-{start}-{end}";
        Assert.Equal("#" + listId, marker.GetAttribute("href"));
        var back = page.GetElementById(listId)!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!.Split('-')[0]).ToList();
        Assert.Equal([$"#p{Id("a2")}", $"#p{Id("a4")}"], back);
        // Quoted once: the marker leads straight to where the quoting post names its source.
        var once = Post(page, Id("a2")).QuerySelector("a.quoted-by")!;
        var target = once.GetAttribute("href")!.TrimStart('#');
        Assert.StartsWith($"p{Id("a4")}-q", target, StringComparison.Ordinal);
        Assert.Equal("quote-source", page.GetElementById(target)!.ClassName);
    }

    [Fact]
    public async Task A_quote_of_words_edited_since_says_so_and_links_to_the_revision_it_quotes()
    {
        var page = await _client.GetDocumentAsync($"/t/{Slug}");

        // The words survive the edit, further on: the quote links to them now, and says which revision it took them
        // from and that they moved (the import finds them in the current revision, as an edit made here would).
        var joe = Post(page, Id("a4"));
        var surviving = joe.QuerySelectorAll("a.quote-source").Single(a => a.GetAttribute("data-label")!.Contains("Evan", StringComparison.Ordinal));
        Assert.Equal("Quoting Evan Hubinger, revision 1 (moved since)", surviving.GetAttribute("data-label"));
        var (start, end) = Span(ReadingThread.EvanFirst, ReadingThread.SurvivingWords);
        Assert.Equal($"/t/{Slug}/p/{Id("a2")}/history#p{Id("a2")}-r1-s{start}-{end}", joe.QuerySelector("a.quote-revision")!.GetAttribute("href"));
        // The words were edited away: the quote links to the revision where they stand.
        var turntrout = Post(page, Id("a3")).QuerySelector("a.quote-source")!;
        Assert.Equal("Quoting Evan Hubinger, revision 1 (edited away since)", turntrout.GetAttribute("data-label"));
        var (oldStart, oldEnd) = Span(ReadingThread.EvanFirst, ReadingThread.EditedAwayWords);
        Assert.Equal($"/t/{Slug}/p/{Id("a2")}/history#p{Id("a2")}-r1-s{oldStart}-{oldEnd}", turntrout.GetAttribute("href"));
        // The edited post offers its history; the others do not.
        Assert.Equal($"/t/{Slug}/p/{Id("a2")}/history", Post(page, Id("a2")).QuerySelector(".post-header a.edited")!.GetAttribute("href"));
        Assert.Null(Post(page, Id("a1")).QuerySelector(".post-header a.edited"));
    }

    [Fact]
    public async Task A_claim_tag_marks_its_span_with_tag_and_stance_and_links_to_the_tag_page()
    {
        var page = await _client.GetDocumentAsync($"/t/{Slug}");

        var root = Post(page, Id("a1"));
        var claim = root.QuerySelectorAll("mark.claim.stance-opposes");
        Assert.Equal(ReadingThread.ClaimWords, string.Concat(claim.Select(m => m.TextContent)));
        Assert.Equal("counting-argument", claim[0].GetAttribute("data-tag"));
        var tag = root.QuerySelector("a.claim-tag")!;
        Assert.Equal("/tags/counting-argument", tag.GetAttribute("href"));
        Assert.Equal("counting-argument · opposes", tag.GetAttribute("data-label"));
        Assert.Equal("Claim counting-argument: this post opposes it", tag.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Section_mentions_link_to_the_outline_and_the_podcast_but_a_section_of_another_report_does_not()
    {
        var page = await _client.GetDocumentAsync($"/t/{Slug}");

        var root = Post(page, Id("a1"));
        var mention = Assert.Single(root.QuerySelectorAll("a.section-ref"));
        Assert.Equal("Section 4.4", mention.TextContent);
        Assert.Equal($"/t/{Slug}/outline#s-4.4", mention.GetAttribute("href"));
        var audio = mention.NextElementSibling!;
        Assert.Equal("section-audio", audio.ClassName);
        Assert.Equal(ReadingThread.PodcastUrl + "#t=18970", audio.GetAttribute("href"));
        Assert.Equal("▶ 05:16:10", audio.GetAttribute("data-label"));
        Assert.Contains("section 2.2.1 of my report", root.QuerySelector(".post-body")!.TextContent, StringComparison.Ordinal);
        // "section 4.4 of the report" names this report, so it is linked.
        Assert.Equal("section 4.4", Post(page, Id("a4")).QuerySelector("a.section-ref")!.TextContent);
    }

    [Fact]
    public async Task Marking_a_post_never_changes_its_text_content()
    {
        var page = await _client.GetDocumentAsync($"/t/{Slug}");
        await using var db = fixture.CreateContext();
        var stored = await db.Posts.Where(p => p.Thread!.Slug == Slug).Select(p => new { p.Id, p.CurrentRevision!.PlainText }).ToDictionaryAsync(p => p.Id, p => p.PlainText);

        var bodies = page.QuerySelectorAll("article.post").ToDictionary(a => long.Parse(a.GetAttribute("data-post-id")!), a => a.QuerySelector(".post-body")!.TextContent);

        // Every post but the deepest reply, which waits behind "Show 1 reply".
        Assert.Equal(stored.Count - 1, bodies.Count);
        Assert.All(bodies, body => Assert.Equal(stored[body.Key], body.Value));
        Assert.NotEmpty(page.QuerySelectorAll("mark.quoted-span"));
    }

    [Fact]
    public async Task The_thread_page_costs_five_queries_whatever_it_shows_and_one_once_cached()
    {
        // A query string no other test asks for: its page is not in the cache yet.
        var path = $"/t/{Slug}?order=oldest";
        using (var counter = new SqlCommandCounter(fixture.ConnectionString))
        {
            using var response = await _client.GetAsync(path);
            response.EnsureSuccessStatusCode();
            // The thread's page version (the cache key), the thread with its outline, the tree's shape, the posts shown,
            // their quotes and claims: no query per post.
            Assert.Equal(5, counter.Commands.Count);
        }
        using (var counter = new SqlCommandCounter(fixture.ConnectionString))
        {
            using var cached = await _client.GetAsync(path);
            cached.EnsureSuccessStatusCode();
            // Nothing changed since: only the page version is read, and the page comes from the cache.
            Assert.Single(counter.Commands);
        }
    }

    [Fact]
    public async Task History_shows_what_each_edit_changed_and_marks_the_words_quoted_from_each_revision()
    {
        var page = await _client.GetDocumentAsync($"/t/{Slug}/p/{Id("a2")}/history");

        var revisions = page.QuerySelectorAll("section.revision");
        Assert.Equal(["r2", "r1"], revisions.Select(r => r.Id));
        var diff = revisions[0].QuerySelector(".diff")!;
        Assert.Contains("taken", string.Concat(diff.QuerySelectorAll("del").Select(d => d.TextContent)), StringComparison.Ordinal);
        Assert.Contains("happening", string.Concat(diff.QuerySelectorAll("ins").Select(d => d.TextContent)), StringComparison.Ordinal);
        Assert.Equal(ReadingThread.PlainText(ReadingThread.EvanFirst), string.Concat(diff.ChildNodes.Where(n => n is not IElement { TagName: "INS" }).Select(n => n.TextContent)));
        var (start, end) = Span(ReadingThread.EvanFirst, ReadingThread.EditedAwayWords);
        Assert.Equal(ReadingThread.EditedAwayWords, page.GetElementById($"p{Id("a2")}-r1-s{start}-{end}")!.TextContent);
        Assert.Null(revisions[1].QuerySelector(".diff"));
    }

    [Fact]
    public async Task The_outline_lists_the_posts_that_discuss_each_section()
    {
        var page = await _client.GetDocumentAsync($"/t/{Slug}/outline");

        var speed = page.GetElementById("s-4.4")!;
        Assert.Contains("Speed arguments", speed.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ReadingThread.PodcastUrl + "#t=18970", speed.QuerySelector("a[href^='https://example.org']")!.GetAttribute("href"));
        var discussions = speed.QuerySelectorAll(".discussions li");
        Assert.Equal(["Quintin Pope", "Joe Carlsmith"], discussions.Select(d => d.QuerySelector("a")!.TextContent));
        Assert.StartsWith($"/t/{Slug}/p/{Id("a1")}#p{Id("a1")}-m", discussions[0].QuerySelectorAll("a")[1].GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("Section 4.4", discussions[0].QuerySelector("mark")!.TextContent);
        // Only another report's section 2.2.1 is mentioned, so nobody discusses this report's.
        Assert.Empty(page.GetElementById("s-2.2.1")!.QuerySelectorAll(".discussions li"));
    }

    [Fact]
    public async Task An_author_page_lists_their_posts_across_threads_and_platforms()
    {
        var page = await _client.GetDocumentAsync("/authors/quintin-pope");

        Assert.Equal("Quintin Pope", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("https://x.com/QuintinPope5", page.QuerySelector(".accounts a")!.GetAttribute("href"));
        var posts = page.QuerySelectorAll(".author-post");
        Assert.Equal(2, posts.Length);
        Assert.Contains("Counting arguments, again", posts[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(["Twitter/X"], posts[0].QuerySelectorAll(".badge").Select(b => b.TextContent));
        // The same badges as on the thread page: a repost says so.
        Assert.Equal(["LessWrong", "Twitter/X (repost)"], posts[1].QuerySelectorAll(".badge").Select(b => b.TextContent));
        Assert.Equal($"/t/{Slug}/p/{Id("a1")}", posts[1].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_tag_page_shows_the_statement_and_the_tagged_spans()
    {
        var page = await _client.GetDocumentAsync("/tags/counting-argument");

        Assert.Equal("counting-argument", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("more schemers", page.QuerySelector(".statement")!.TextContent, StringComparison.Ordinal);
        var span = Assert.Single(page.QuerySelectorAll(".tagged-span"));
        Assert.Equal(ReadingThread.ClaimWords, span.QuerySelector("blockquote mark")!.TextContent);
        // The words come with their context either side.
        Assert.Contains(ReadingThread.ClaimWords, span.QuerySelector("blockquote")!.TextContent, StringComparison.Ordinal);
        Assert.True(span.QuerySelector("blockquote")!.TextContent.Length > ReadingThread.ClaimWords.Length);
        Assert.Equal("opposes", span.QuerySelector(".stance")!.TextContent);
        Assert.StartsWith($"/t/{Slug}/p/{Id("a1")}#p{Id("a1")}-c", span.QuerySelectorAll("a")[^1].GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_draws_one_node_per_post_linking_to_it_and_a_dashed_edge_per_quote()
    {
        var page = await _client.GetDocumentAsync($"/t/{Slug}/map");

        var svg = page.QuerySelector("svg.thread-map")!;
        var nodes = svg.QuerySelectorAll("a.node");
        Assert.Equal(fixture.Ids.Values.Order(), nodes.Select(n => long.Parse(n.GetAttribute("data-post-id")!)).Order());
        Assert.All(nodes, n => Assert.Equal($"/t/{Slug}/p/{n.GetAttribute("data-post-id")}", n.GetAttribute("href")));
        Assert.Equal(fixture.Ids.Count - 2, svg.QuerySelectorAll("path.reply-edge").Length);
        Assert.Equal(4, svg.QuerySelectorAll("path.quote-edge").Length);
        // Quoted twice, the root is drawn larger and hotter than a post nobody quoted.
        var root = svg.QuerySelector($"a.node[data-post-id='{Id("a1")}'] circle")!;
        var quiet = svg.QuerySelector($"a.node[data-post-id='{Id("b1")}'] circle")!;
        Assert.Contains("heat-2", root.ClassName, StringComparison.Ordinal);
        Assert.Contains("heat-0", quiet.ClassName, StringComparison.Ordinal);
        Assert.True(double.Parse(root.GetAttribute("r")!, System.Globalization.CultureInfo.InvariantCulture) > double.Parse(quiet.GetAttribute("r")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_reply_deeper_than_the_first_screenful_is_a_plain_link_to_the_permalink_page()
    {
        var page = await _client.GetDocumentAsync($"/t/{Slug}");

        Assert.Null(page.QuerySelector($"article#p{Id("d7")}"));
        var more = page.QuerySelector($"details[data-post-id='{Id("d6")}'] li.more a.more-link")!;
        Assert.Equal("Show 1 reply", more.TextContent);
        Assert.Equal($"/t/{Slug}/p/{Id("d6")}", more.GetAttribute("href"));
        Assert.Equal($"/t/{Slug}/p/{Id("d6")}/replies", more.GetAttribute("data-fragment"));
        var permalink = await _client.GetDocumentAsync(more.GetAttribute("href")!);
        Assert.NotNull(permalink.QuerySelector($"article#p{Id("d7")}"));
    }

    [Fact]
    public async Task A_permalink_shows_the_posts_it_answers_for_context_then_the_post_and_its_replies()
    {
        var page = await _client.GetDocumentAsync($"/t/{Slug}/p/{Id("d4")}");

        Assert.Equal(Ids("a1", "a2", "a3", "d3"), page.QuerySelectorAll(".context-list article.post").Select(a => long.Parse(a.GetAttribute("data-post-id")!)));
        var focus = page.QuerySelector("article.post.focus")!;
        Assert.Equal(Id("d4"), long.Parse(focus.GetAttribute("data-post-id")!));
        Assert.Equal("page", focus.GetAttribute("aria-current"));
        var replies = focus.ParentElement!.QuerySelectorAll("details.replies article.post").Select(a => long.Parse(a.GetAttribute("data-post-id")!));
        Assert.Equal(Ids("d5", "d6", "d7"), replies);
        Assert.Equal($"/t/{Slug}", page.QuerySelector(".thread-kicker a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_replies_fragment_is_the_list_items_alone()
    {
        using var response = await _client.GetAsync($"/t/{Slug}/p/{Id("d6")}/replies");
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        var fragment = Html.Parse(html);
        Assert.Equal([Id("d7")], fragment.QuerySelectorAll("ol.post-list > li.post-item > article.post").Select(a => long.Parse(a.GetAttribute("data-post-id")!)));
    }

    [Fact]
    public async Task The_preview_fragment_is_the_source_post_alone_with_its_quoted_words_marked()
    {
        using var response = await _client.GetAsync($"/t/{Slug}/p/{Id("a1")}/preview");
        response.EnsureSuccessStatusCode();
        var fragment = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(Id("a1"), long.Parse(Assert.Single(fragment.QuerySelectorAll("article.post")).GetAttribute("data-post-id")!));
        Assert.NotEmpty(fragment.QuerySelectorAll("mark.quoted-span"));
    }

    [Fact]
    public async Task Newest_first_is_a_plain_link_that_reverses_the_order()
    {
        var oldest = await _client.GetDocumentAsync($"/t/{Slug}");
        var link = oldest.QuerySelector("nav.sort a:not([aria-current])")!;
        Assert.Equal($"/t/{Slug}?order=newest", link.GetAttribute("href"));

        var newest = await _client.GetDocumentAsync(link.GetAttribute("href")!);

        long[] Roots(IDocument page) => page.QuerySelectorAll("section.posts > ol.post-list > li.post-item > article.post").Select(a => long.Parse(a.GetAttribute("data-post-id")!)).ToArray();
        Assert.Equal([Id("a1"), Id("b1")], Roots(oldest));
        Assert.Equal([Id("b1"), Id("a1")], Roots(newest));
        var replies = Post(newest, Id("a1")).ParentElement!.QuerySelectorAll(":scope > details > ol > li > article.post").Select(a => long.Parse(a.GetAttribute("data-post-id")!));
        Assert.Equal([Id("a4"), Id("a2")], replies);
    }

    [Fact]
    public async Task A_post_asked_for_under_another_threads_address_redirects_to_its_own()
    {
        await using var db = fixture.CreateContext();
        var other = await db.Posts.Where(p => p.Thread!.Slug == ReadingAppFixture.OtherSlug).Select(p => p.Id).SingleAsync();

        using var response = await _client.GetAsync($"/t/{Slug}/p/{other}");
        // From a search result: the words to mark go along.
        using var fromSearch = await _client.GetAsync($"/t/{Slug}/p/{other}?hl=stone%20road#p{other}");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/t/{ReadingAppFixture.OtherSlug}/p/{other}#p{other}", response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.MovedPermanently, fromSearch.StatusCode);
        Assert.Equal($"/t/{ReadingAppFixture.OtherSlug}/p/{other}?hl=stone%20road#p{other}", fromSearch.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_query_string_the_page_does_not_read_is_served_from_the_same_cached_page()
    {
        // Only order and from change the page: anything else added to the address must not build it again.
        await (await _client.GetAsync($"/t/{Slug}?order=newest&ref=first")).Content.ReadAsStringAsync();
        using var counter = new SqlCommandCounter(fixture.ConnectionString);

        using var response = await _client.GetAsync($"/t/{Slug}?order=newest&ref=second&hl=anything");

        response.EnsureSuccessStatusCode();
        Assert.Single(counter.Commands);
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("50000000")]
    public async Task An_author_page_far_past_the_last_is_empty_not_an_error(string page)
    {
        var document = await _client.GetDocumentAsync("/authors/quintin-pope?page=" + page);

        Assert.Equal("No posts on this page.", document.QuerySelector("#posts-heading + p")!.TextContent);
    }

    [Theory]
    [InlineData("/t/no-such-thread/outline")]
    [InlineData("/t/no-such-thread/map")]
    [InlineData("/t/no-such-thread/posts")]
    [InlineData("/t/reading/p/987654321")]
    [InlineData("/t/reading/p/987654321/history")]
    [InlineData("/t/reading/p/987654321/replies")]
    [InlineData("/t/reading/p/987654321/preview")]
    [InlineData("/authors/nobody-at-all")]
    [InlineData("/tags/no-such-claim")]
    public async Task Pages_of_things_that_do_not_exist_answer_404(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("h1")!.TextContent);
    }
}
