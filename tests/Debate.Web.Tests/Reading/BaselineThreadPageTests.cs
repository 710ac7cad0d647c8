using System.Net;
using Debate.Web.Tests.Infrastructure;
using Xunit;

namespace Debate.Web.Tests.Reading;

/// <summary>
/// The load benchmark's bare baseline must read and write the very posts the thread page's first screen shows
/// (or the ratio between the two measures nothing), and must not exist unless the benchmark turns it on.
/// </summary>
public class BaselineThreadPageTests(BigThreadFixture fixture) : IClassFixture<BigThreadFixture>
{
    private const string Baseline = "/benchmarks/baseline/" + BigThreadFixture.Slug;

    private static DebateApp WithBaseline(string connectionString) =>
        new(connectionString, new Dictionary<string, string> { ["Benchmarks:Baseline"] = "true" });

    /// <summary>Each post's id, author and text, in the page's order.</summary>
    private static List<(string Id, string Author, string Text)> Posts(AngleSharp.Dom.IParentNode page, string authorSelector, string bodySelector) =>
        page.QuerySelectorAll("article[data-post-id]").Select(article => (
            article.GetAttribute("data-post-id")!,
            article.QuerySelector(authorSelector)!.TextContent.Trim(),
            article.QuerySelector(bodySelector)!.TextContent.Trim())).ToList();

    [Fact]
    public async Task The_baseline_shows_the_posts_of_the_thread_pages_first_screen_in_the_same_order()
    {
        await using var app = WithBaseline(fixture.ConnectionString);
        using var client = app.CreateClient();

        var threadPage = await client.GetDocumentAsync($"/t/{BigThreadFixture.Slug}");
        var baseline = await client.GetDocumentAsync(Baseline);

        var shown = Posts(threadPage, ".author", ".post-body");
        var bare = Posts(baseline, "b", "article > div");
        // The first screen of BigThreadFixture's thread: two conversations of 20 posts (WindowLimits.Default: 40 a page, 20 each).
        Assert.Equal(40, shown.Count);
        Assert.Equal(shown, bare);
        Assert.Equal("A very long thread", baseline.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_baseline_answers_404_for_a_thread_that_does_not_exist()
    {
        await using var app = WithBaseline(fixture.ConnectionString);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/benchmarks/baseline/no-such-thread");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Without_the_benchmark_setting_there_is_no_baseline()
    {
        using var client = fixture.App.CreateClient();

        using var response = await client.GetAsync(Baseline);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
