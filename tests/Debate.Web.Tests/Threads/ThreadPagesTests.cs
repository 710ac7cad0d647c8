using System.Net;
using System.Text.Json;
using Debate.Web.Tests.Infrastructure;
using NJsonSchema;
using Xunit;

namespace Debate.Web.Tests.Threads;

public class ThreadPagesTests(SeededAppFixture fixture) : IClassFixture<SeededAppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    [Fact]
    public async Task Home_lists_the_demo_thread_with_its_post_count_and_platforms()
    {
        var page = await _client.GetDocumentAsync("/");

        var thread = Assert.Single(page.QuerySelectorAll(".thread-summary"));
        Assert.Equal("/t/scheming-ais", thread.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Contains("18 posts", thread.TextContent, StringComparison.Ordinal);
        Assert.Contains("LessWrong", thread.QuerySelector(".badge")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thread_page_nests_each_reply_under_the_post_it_answers()
    {
        var page = await _client.GetDocumentAsync("/t/scheming-ais");

        // The first screen shows a window of the tree (big threads load the rest on demand).
        var posts = page.QuerySelectorAll("article.post");
        string AuthorOf(AngleSharp.Dom.IElement? post) => post!.QuerySelector(".author")!.TextContent.Trim();
        AngleSharp.Dom.IElement? ParentPost(AngleSharp.Dom.IElement post) =>
            post.ParentElement!.ParentElement!.Closest("li.post-item")?.QuerySelector(":scope > article.post");
        AngleSharp.Dom.IElement PostSaying(string words) =>
            posts.Single(p => p.QuerySelector(".post-body")!.TextContent.TrimStart().StartsWith(words, StringComparison.Ordinal));

        var root = PostSaying("Reposting my response on Twitter");
        var reply = PostSaying("I really don’t like all this discussion");
        var apology = PostSaying("If anything, I’ve taken my part");
        Assert.Null(ParentPost(root));
        Assert.Equal("Quintin Pope", AuthorOf(ParentPost(reply)));
        Assert.Equal("Evan Hubinger", AuthorOf(apology));
        Assert.Equal("Quintin Pope", AuthorOf(ParentPost(apology)));
        // Replies to the root post: Evan Hubinger's and Joe Carlsmith's.
        Assert.Equal(["Evan Hubinger", "Joe Carlsmith"], posts.Where(p => ParentPost(p) == root).Select(AuthorOf).Order().ToArray());
    }

    [Fact]
    public async Task Thread_page_shows_rendered_markdown_quotes_and_provenance()
    {
        var page = await _client.GetDocumentAsync("/t/scheming-ais");

        var reply = page.QuerySelectorAll("article.post").First(p => p.QuerySelector(".author")!.TextContent.Trim() == "Evan Hubinger");
        Assert.Contains("[figure out how to do well at training]", reply.QuerySelector(".post-body blockquote")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".post-body .footnotes"));
        Assert.Equal("LessWrong", reply.QuerySelector(".post-header .badge")!.TextContent);
    }

    [Fact]
    public async Task An_unknown_thread_gets_a_readable_404_page()
    {
        using var response = await _client.GetAsync("/t/no-such-thread");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_api_returns_the_thread_as_debate_thread_json_that_matches_the_schema()
    {
        using var response = await _client.GetAsync("/api/threads/scheming-ais");
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadAsStringAsync();

        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "formats", "debate-thread-1.schema.json"));
        Assert.Empty(schema.Validate(json));
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("debate-thread/1", root.GetProperty("format").GetString());
        Assert.Equal("scheming-ais", root.GetProperty("thread").GetProperty("slug").GetString());
        var posts = root.GetProperty("posts").EnumerateArray().ToList();
        Assert.Equal(18, posts.Count);
        Assert.Equal("c1", posts[1].GetProperty("parentId").GetString());
        Assert.Equal("evan-hubinger", posts[1].GetProperty("authorId").GetString());
        Assert.Equal(2, posts[1].GetProperty("revisions").GetArrayLength());
        // The report's sections, as read from the demo's podcast page (PodcastOutlineReaderTests: 118).
        Assert.Equal(118, root.GetProperty("thread").GetProperty("outline").GetArrayLength());
    }

    [Fact]
    public async Task The_api_answers_an_unknown_thread_with_problem_details()
    {
        using var response = await _client.GetAsync("/api/threads/no-such-thread");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Thread not found", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Health_reports_200_while_the_database_answers()
    {
        using var response = await _client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/t/scheming-ais")]
    [InlineData("/api/threads/scheming-ais")]
    [InlineData("/t/no-such-thread")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var response = await _client.GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
    }
}
