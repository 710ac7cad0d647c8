using System.Diagnostics;
using Debate.Core.Data;
using Debate.Core.Interchange;
using Debate.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace Debate.Web.Tests.Reading;

/// <summary>A generated thread of 5,000 posts: 100 conversations of 50 posts (a post, 12 replies, 37 replies to those).</summary>
public class BigThreadFixture : AppFixture
{
    public const string Slug = "big";
    public const int Roots = 100;
    public const int RepliesPerRoot = 12;
    public const int PostsPerRoot = 50;

    public TimeSpan LoadTook { get; private set; }

    public static ThreadDocument Document()
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var posts = new List<PostInfo>(Roots * PostsPerRoot);
        for (var r = 0; r < Roots; r++)
        {
            var root = $"r{r}";
            var at = start.AddHours(r);
            posts.Add(new PostInfo { Id = root, AuthorId = $"author-{r % 10}", PostedAt = at, Body = $"Conversation {r} opens here." });
            for (var i = 0; i < PostsPerRoot - 1; i++)
            {
                // The first twelve answer the root; the rest answer those twelve in turn.
                var parent = i < RepliesPerRoot ? root : $"r{r}-{(i - RepliesPerRoot) % RepliesPerRoot}";
                posts.Add(new PostInfo { Id = $"r{r}-{i}", ParentId = parent, AuthorId = $"author-{(r + i) % 10}", PostedAt = at.AddSeconds(i + 1), Body = $"Reply {i} in conversation {r}." });
            }
        }
        return new ThreadDocument
        {
            Format = ThreadDocument.FormatName,
            Thread = new ThreadInfo { Slug = Slug, Title = "A very long thread" },
            Authors = Enumerable.Range(0, 10).Select(i => new AuthorInfo { Id = $"author-{i}", DisplayName = $"Author {i}" }).ToList(),
            Posts = posts,
        };
    }

    protected override async Task PrepareAsync(DebateDbContext db)
    {
        var clock = Stopwatch.StartNew();
        await BulkThread.LoadAsync(db, DataSource, Document());
        LoadTook = clock.Elapsed;
    }
}

/// <summary>A 5,000-post thread opens with a first screenful and loads the rest on demand, never the whole thread at once.</summary>
public class BigThreadTests(BigThreadFixture fixture, ITestOutputHelper output) : IClassFixture<BigThreadFixture>
{
    private const string Slug = BigThreadFixture.Slug;
    // The browser test needs the app on a real port, so the HTTP tests go there too (one app cannot be both).
    private readonly HttpClient _client = new() { BaseAddress = fixture.ServerAddress };

    private static long[] PostIds(AngleSharp.Dom.IParentNode page) =>
        page.QuerySelectorAll("article.post").Select(a => long.Parse(a.GetAttribute("data-post-id")!)).ToArray();

    [Fact]
    public async Task The_first_page_shows_a_screenful_and_links_to_the_rest()
    {
        output.WriteLine($"Loading 5,000 posts took {fixture.LoadTook.TotalSeconds:F1} s");
        using var counter = new SqlCommandCounter(fixture.ConnectionString);

        var page = await _client.GetDocumentAsync($"/t/{Slug}");

        // The page version (the output cache's key), the thread, the tree's shape, the posts shown, their quotes and claims.
        Assert.Equal(5, counter.Commands.Count);
        Assert.Contains("5000 posts", page.QuerySelector(".thread-header .meta")!.TextContent, StringComparison.Ordinal);
        // WindowLimits.Default: 40 posts a page, 20 per top-level post. Each conversation gives its 20: the root, its
        // first 8 replies, then breadth first the replies to those (4 + 3 + 3 + 1 of them); so two conversations.
        var shown = PostIds(page);
        Assert.Equal(40, shown.Length);
        Assert.Equal(2, page.QuerySelectorAll("section.posts > ol.post-list > li.post-item").Length);
        var more = page.QuerySelector("section.posts > ol.post-list > li.more a.more-link")!;
        Assert.StartsWith($"/t/{Slug}?from=", more.GetAttribute("href"), StringComparison.Ordinal);
        Assert.StartsWith($"/t/{Slug}/posts?from=", more.GetAttribute("data-fragment"), StringComparison.Ordinal);
        // Each conversation shows its root's first replies; the rest of them wait behind a plain link to the root's page.
        var firstRoot = page.QuerySelector("section.posts > ol.post-list > li.post-item")!;
        var moreReplies = firstRoot.QuerySelector(":scope > details > ol > li.more a.more-link")!;
        Assert.Equal("4 more replies (16 posts)", moreReplies.TextContent);
        Assert.Matches($"^/t/{Slug}/p/\\d+\\?from=8$", moreReplies.GetAttribute("href"));
    }

    [Fact]
    public async Task Pages_of_top_level_posts_follow_each_other_without_repeating_a_post()
    {
        var seen = new HashSet<long>();
        var roots = 0;
        string? next = $"/t/{Slug}/posts";
        for (var pages = 0; next is not null && pages < 4; pages++)
        {
            var fragment = await _client.GetDocumentAsync(next);
            Assert.All(PostIds(fragment), id => Assert.True(seen.Add(id), $"post {id} came twice"));
            roots += fragment.QuerySelectorAll("body > ol.post-list > li.post-item").Length;
            next = fragment.QuerySelector("body > ol.post-list > li.more a.more-link")?.GetAttribute("data-fragment");
        }

        // Two conversations of 20 posts fill each page's 40 (WindowLimits.Default): four pages hold 8 of the 100.
        Assert.Equal(8, roots);
        Assert.Equal(4 * 40, seen.Count);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task A_reader_pages_through_the_thread_and_opens_subtrees_in_place()
    {
        var page = await Infrastructure.Browser.NewPageAsync(fixture.ServerAddress);
        await page.GotoAsync($"/t/{Slug}");
        await page.EvaluateAsync("window.openedOnce = true");
        var posts = page.Locator("article.post");
        var first = await posts.CountAsync();
        await Infrastructure.Browser.ScreenshotAsync(page, "big-thread");

        var more = page.Locator("section.posts > ol.post-list > li.more a.more-link");
        await more.ClickAsync();
        await Assertions.Expect(posts).Not.ToHaveCountAsync(first);
        var second = await posts.CountAsync();
        await more.ClickAsync();
        await Assertions.Expect(posts).Not.ToHaveCountAsync(second);
        var third = await posts.CountAsync();

        var moreReplies = page.Locator("section.posts > ol.post-list > li.post-item").First.Locator(":scope > details > ol > li.more a.more-link");
        await moreReplies.ClickAsync();
        await Assertions.Expect(posts).ToHaveCountAsync(third + 16);
        await Assertions.Expect(moreReplies).ToHaveCountAsync(0);

        Assert.True(await page.EvaluateAsync<bool>("window.openedOnce === true"), "every page came in place, without reloading the thread");
        var ids = await page.EvaluateAsync<long[]>("[...document.querySelectorAll('article.post')].map(a => Number(a.dataset.postId))");
        Assert.Equal(ids.Length, ids.Distinct().Count());
        await page.Context.CloseAsync();
    }
}
