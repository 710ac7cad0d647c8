using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Debate.Web.Features.Search;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Search;

/// <summary>
/// The pages of search results and of an author's posts, followed by their own links as a reader would: "?page=" must
/// reach the page, though Razor Pages has a route value of that name (the page's path) that would otherwise win.
/// </summary>
public class PagingTests(SearchAppFixture fixture) : IClassFixture<SearchAppFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _client = fixture.App.CreateClient();

    private static long[] HitIds(IDocument page) =>
        page.QuerySelectorAll("li.search-hit").Select(h => long.Parse(h.GetAttribute("data-post-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private async Task<SearchResultsView> ApiAsync(string query, int page) =>
        (await _client.GetFromJsonAsync<SearchResultsView>($"/api/search?q={Uri.EscapeDataString(query)}&page={page}", Json))!;

    [Fact]
    public async Task More_results_on_the_search_page_shows_the_second_page_the_api_gives()
    {
        var first = await _client.GetDocumentAsync("/search?q=lantern");
        var more = first.QuerySelectorAll("nav.pages a").Single(a => a.TextContent == "More results");

        var second = await _client.GetDocumentAsync(more.GetAttribute("href")!);

        Assert.Equal("Posts, page 2", second.QuerySelector("#posts-heading")!.TextContent);
        Assert.Equal(20, HitIds(second).Length);
        Assert.Empty(HitIds(second).Intersect(HitIds(first)));
        Assert.Equal((await ApiAsync("lantern", 2)).Posts.Select(p => p.Id), HitIds(second));
        Assert.Contains(second.QuerySelectorAll("nav.pages a"), a => a.TextContent == "Better matches");
    }

    [Fact]
    public async Task The_tenth_page_of_a_listing_offers_no_eleventh()
    {
        // 233 visible posts in the thread, newest first: more than the ten pages of twenty that results end with.
        const string Query = "thread:lantern-notes";

        var tenth = await ApiAsync(Query, 10);
        var page = await _client.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(Query) + "&page=10");

        Assert.Equal(10, tenth.Page);
        Assert.Equal(20, tenth.Posts.Count);
        Assert.False(tenth.HasMore);
        Assert.True((await ApiAsync(Query, 9)).HasMore);
        Assert.Equal(tenth.Posts.Select(p => p.Id), HitIds(page));
        Assert.DoesNotContain(page.QuerySelectorAll("nav.pages a"), a => a.TextContent == "More results");
    }

    [Fact]
    public async Task Older_posts_on_an_author_page_shows_the_next_fifty()
    {
        await using var db = fixture.CreateContext();
        var slug = await db.Authors.Where(a => a.DisplayName == "Eve Walker").Select(a => a.Slug).SingleAsync();
        var first = await _client.GetDocumentAsync($"/authors/{slug}");
        var older = first.QuerySelectorAll("a").Single(a => a.TextContent == "Older posts");

        var second = await _client.GetDocumentAsync(older.GetAttribute("href")!);

        Assert.Equal("Posts, page 2", second.QuerySelector("#posts-heading")!.TextContent);
        var firstLinks = first.QuerySelectorAll(".author-post .meta > a:first-child").Select(a => a.GetAttribute("href")).ToHashSet();
        var secondLinks = second.QuerySelectorAll(".author-post .meta > a:first-child").Select(a => a.GetAttribute("href")).ToList();
        Assert.NotEmpty(secondLinks);
        Assert.DoesNotContain(secondLinks, firstLinks.Contains);
    }
}
