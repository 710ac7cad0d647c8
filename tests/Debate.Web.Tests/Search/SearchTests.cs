using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Debate.Core.Search;
using Debate.Web.Features.Search;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Search;

/// <summary>Search through the JSON API and the page, on real PostgreSQL: filters, ranking, quote grouping, snippets, typos, bad queries.</summary>
public class SearchTests(SearchAppFixture fixture) : IClassFixture<SearchAppFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _client = fixture.App.CreateClient();

    private long Id(string key) => fixture.Ids[key];

    private async Task<SearchResultsView> SearchAsync(string query, int page = 1)
    {
        using var response = await _client.GetAsync($"/api/search?q={Uri.EscapeDataString(query)}&page={page}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<SearchResultsView>(Json))!;
    }

    private async Task<long[]> PostIdsAsync(string query) => (await SearchAsync(query)).Posts.Select(p => p.Id).ToArray();

    private async Task<(HttpStatusCode Status, JsonElement Problem)> ProblemAsync(string query)
    {
        using var response = await _client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Json));
    }

    [Fact]
    public async Task A_passage_quoted_by_five_replies_is_one_result_at_its_origin_listing_the_replies()
    {
        var results = await SearchAsync("steers its own training");

        var origin = Assert.Single(results.Posts);
        Assert.Equal(Id("origin"), origin.Id);
        Assert.Equal(5, origin.QuotedCount);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => Id($"reply{i}")), origin.QuotedBy.Select(r => r.Id));
        Assert.All(origin.QuotedBy, r => Assert.Equal($"/t/{SearchThread.Slug}/p/{r.Id}#p{r.Id}", r.Url));

        var page = await _client.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("steers its own training"));
        Assert.Single(page.QuerySelectorAll("li.search-hit"));
        Assert.Equal("quoted 5 times", page.QuerySelector("li.search-hit .quoted-by-hits summary")!.TextContent.Trim());
        Assert.Equal(5, page.QuerySelectorAll("li.search-hit .quoted-by-hits li a").Length);
    }

    [Fact]
    public async Task A_post_saying_the_words_itself_is_its_own_result_beside_the_quoted_origin()
    {
        var ids = await PostIdsAsync("gradient hacking");

        Assert.Equal(new[] { Id("origin"), Id("own"), Id("n1") }.Order(), ids.Order());
    }

    [Fact]
    public async Task Own_words_rank_above_the_same_words_in_a_quotation()
    {
        var results = await SearchAsync("schemers conceal goals");

        Assert.Equal([Id("report-own"), Id("report-quote")], results.Posts.Select(p => p.Id));
        Assert.True(results.Posts[0].Rank > results.Posts[1].Rank);
    }

    [Fact]
    public async Task Posts_ranked_alike_come_later_post_first()
    {
        var results = await SearchAsync("orrery ballots");

        Assert.Equal(new[] { Id("alike1"), Id("alike2"), Id("alike3") }.OrderDescending(), results.Posts.Select(p => p.Id));
        Assert.Single(results.Posts.Select(p => p.Rank).Distinct());
    }

    [Fact]
    public async Task Words_standing_together_lead_even_when_more_posts_match_than_the_results_hold()
    {
        var first = await SearchAsync("lantern quarry");

        // Written first, so only their rank puts them at the top; the deleted ones saying the same stay out.
        Assert.Equal(new[] { Id("near1"), Id("near2"), Id("near3") }.OrderDescending(), first.Posts.Take(3).Select(p => p.Id));
        Assert.DoesNotContain(first.Posts, p => p.Id == Id("gone1") || p.Id == Id("gone2"));
        Assert.True(first.HasMore);

        // The results end after ten full pages of visible posts, though 233 match.
        var pages = new List<SearchResultsView> { first };
        for (var page = 2; page <= PostSearch.MostMatches / PostSearch.PageSize; page++)
            pages.Add(await SearchAsync("lantern quarry", page));
        var shown = pages.SelectMany(p => p.Posts).Select(p => p.Id).ToList();
        Assert.Equal(PostSearch.MostMatches, shown.Distinct().Count());
        Assert.All(pages, p => Assert.Equal(PostSearch.PageSize, p.Posts.Count));
        Assert.False(pages[^1].HasMore);
        Assert.Equal(shown.Skip(3).OrderDescending(), shown.Skip(3));
    }

    [Theory]
    [InlineData("thread:lantern-notes")] // picks a few posts: the planner starts from them
    [InlineData("after:2024-01-15")] // keeps most posts: checked down the ranking
    [InlineData("before:2024-01-16 after:2024-01-15")]
    public async Task A_filter_every_match_passes_keeps_the_same_results_in_the_same_order(string filter)
    {
        async Task<List<long>> EveryPageAsync(string query)
        {
            var ids = new List<long>();
            for (var page = 1; ; page++)
            {
                var results = await SearchAsync(query, page);
                ids.AddRange(results.Posts.Select(p => p.Id));
                if (!results.HasMore)
                    return ids;
            }
        }

        var unfiltered = await EveryPageAsync("lantern quarry");
        var filtered = await EveryPageAsync($"lantern quarry {filter}");

        Assert.Equal(PostSearch.MostMatches, filtered.Count);
        Assert.Equal(unfiltered, filtered);
        Assert.Empty((await SearchAsync("lantern quarry after:2024-01-16")).Posts);
    }

    [Fact]
    public async Task Snippets_mark_the_matched_words_and_encode_everything_else()
    {
        var hit = Assert.Single((await SearchAsync("mesa optimizer")).Posts);

        Assert.Contains("&lt;script&gt;alert(&#39;<mark>mesa</mark>&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("<mark>mesa</mark> <mark>optimizer</mark>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("<script>alert('mesa')</script>", hit.Snippet, StringComparison.Ordinal);

        var page = await _client.GetDocumentAsync("/search?q=mesa+optimizer");
        var snippet = page.QuerySelector("li.search-hit .snippet")!;
        Assert.Empty(snippet.QuerySelectorAll("script, b"));
        Assert.Contains("<script>alert('mesa')</script> & <b>bold</b>", snippet.TextContent, StringComparison.Ordinal);
        Assert.Equal(["mesa", "optimizer", "mesa"], snippet.QuerySelectorAll("mark").Select(m => m.TextContent));
    }

    [Fact]
    public async Task A_result_links_to_its_post_with_the_matched_words()
    {
        var hit = Assert.Single((await SearchAsync("implausible")).Posts);

        Assert.Equal($"/t/{SearchThread.Slug}/p/{Id("own")}?hl=implausible#p{Id("own")}", hit.Url);
        Assert.Equal("bob", hit.AuthorSlug);
        Assert.Equal(["twitter"], hit.Platforms);
    }

    [Fact]
    public async Task Only_current_text_of_visible_posts_in_published_threads_is_found()
    {
        Assert.Empty(await PostIdsAsync("zyzzyva"));
        Assert.Empty(await PostIdsAsync("quokkas"));
        Assert.Equal([Id("edited")], await PostIdsAsync("corrigibility capability"));
    }

    [Fact]
    public async Task Thread_titles_and_report_sections_are_found()
    {
        var results = await SearchAsync("scrutiny");
        Assert.Equal(SearchThread.Slug, Assert.Single(results.Threads).Slug);
        Assert.Equal("Gradient hacking under <mark>scrutiny</mark>", results.Threads[0].TitleHtml);

        var section = Assert.Single((await SearchAsync("sycophants")).Sections);
        Assert.Equal("2.3", section.Number);
        Assert.Equal($"/t/{SearchThread.Slug}/outline#s-2.3", section.Url);
    }

    [Fact]
    public async Task Phrases_or_and_exclusions_follow_web_search_syntax()
    {
        Assert.Equal([Id("origin")], await PostIdsAsync("\"steers its own training\" -premise"));
        Assert.Empty(await PostIdsAsync("\"training steers\""));
        Assert.Equal(new[] { Id("hostile"), Id("edited") }.Order(), (await PostIdsAsync("mesa or corrigibility")).Order());
        Assert.DoesNotContain(Id("own"), await PostIdsAsync("gradient -implausible"));
    }

    [Fact]
    public async Task Author_filter_takes_a_slug_or_a_name()
    {
        var bySlug = await PostIdsAsync("gradient author:bob");
        // Bob's replies quoting Ada are his own results here: the post they quote is not his.
        Assert.Equal(new[] { Id("own"), Id("n1"), Id("reply2"), Id("reply4") }.Order(), bySlug.Order());
        Assert.Equal(bySlug, await PostIdsAsync("gradient author:\"Bob Builder\""));
        Assert.Equal([Id("origin")], await PostIdsAsync("gradient author:ada"));
    }

    [Fact]
    public async Task Tag_platform_and_thread_filters_narrow_the_posts()
    {
        Assert.Equal([Id("origin")], await PostIdsAsync("gradient tag:gradient-hacking"));
        Assert.Equal([Id("own")], await PostIdsAsync("gradient platform:twitter"));
        Assert.Equal([Id("own")], await PostIdsAsync("gradient platform:x"));
        Assert.Equal(new[] { Id("origin"), Id("own") }.Order(), (await PostIdsAsync("gradient thread:" + SearchThread.Slug)).Order());
    }

    [Fact]
    public async Task Date_filters_take_a_day_before_which_or_from_which()
    {
        Assert.Equal([Id("origin")], await PostIdsAsync("gradient before:2023-12-01"));
        Assert.DoesNotContain(Id("origin"), await PostIdsAsync("gradient after:2023-12-01"));
        Assert.Contains(Id("own"), await PostIdsAsync("gradient after:2023-12-01"));
        Assert.Equal([Id("report-own")], await PostIdsAsync("schemers after:2024-02-02"));
    }

    [Fact]
    public async Task Quote_filters_find_the_quoting_replies_themselves()
    {
        var quoting = (await PostIdsAsync("steers training is:quote")).Order();
        Assert.Equal(Enumerable.Range(1, 5).Select(i => Id($"reply{i}")).Order(), quoting);

        var ofOrigin = await PostIdsAsync($"quotes:{Id("origin")}");
        Assert.Equal(Enumerable.Range(1, 5).Select(i => Id($"reply{i}")).Reverse(), ofOrigin);
        Assert.Empty(await PostIdsAsync($"quotes:{Id("own")}"));
    }

    [Fact]
    public async Task A_word_run_together_is_split_and_a_misspelt_one_corrected()
    {
        var split = await SearchAsync("toachieve");
        Assert.Equal("\"to achieve\"", split.CorrectedQuery);
        Assert.Equal([Id("edited")], split.Posts.Select(p => p.Id));

        var misspelt = await SearchAsync("corrigibilty");
        Assert.Equal("corrigibility", misspelt.CorrectedQuery);
        Assert.Equal([Id("edited")], misspelt.Posts.Select(p => p.Id));

        var page = await _client.GetDocumentAsync("/search?q=toachieve");
        Assert.Contains("Showing results for \"to achieve\"", page.QuerySelector(".corrected")!.TextContent.Replace("\u201c", "\"").Replace("\u201d", "\""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_word_only_hidden_deleted_or_draft_posts_hold_is_never_suggested()
    {
        // "Zyzzyva" is in the hidden post, the deleted one and the draft thread, nowhere a reader can see.
        var results = await SearchAsync("zyzzyvaa");

        Assert.Null(results.CorrectedQuery);
        Assert.Empty(results.Corrections);
        Assert.Empty(results.Posts);
        var page = await _client.GetDocumentAsync("/search?q=zyzzyvaa");
        Assert.Null(page.QuerySelector(".corrected"));
        Assert.DoesNotContain("zyzzyva ", page.Body!.TextContent.ToLowerInvariant() + " ", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_quoting_two_posts_is_listed_under_the_one_the_words_are_from()
    {
        const string First = "Quartzite ledgers keep the old accounts";
        const string Second = "Basalt obelisks mark the border";
        await using var db = fixture.CreateContext();
        await new Debate.Core.Interchange.ThreadImporter(db, TimeProvider.System).ImportAsync(new Debate.Core.Interchange.ThreadDocument
        {
            Format = Debate.Core.Interchange.ThreadDocument.FormatName,
            Thread = new Debate.Core.Interchange.ThreadInfo { Slug = "two-quotes", Title = "Stones" },
            Authors = [new Debate.Core.Interchange.AuthorInfo { Id = "eve", DisplayName = "Eve" }],
            Posts =
            [
                new Debate.Core.Interchange.PostInfo { Id = "first", AuthorId = "eve", PostedAt = SearchThread.Posted, Body = First + "." },
                new Debate.Core.Interchange.PostInfo { Id = "second", AuthorId = "eve", PostedAt = SearchThread.Posted.AddHours(1), Body = Second + "." },
                new Debate.Core.Interchange.PostInfo
                {
                    Id = "both", ParentId = "second", AuthorId = "eve", PostedAt = SearchThread.Posted.AddHours(2),
                    Body = $"> {First}\n\nand\n\n> {Second}\n\nI disagree with both.",
                    Quotes = [Reading.ReadingThread.Quote("first", 1, First + ".", First), Reading.ReadingThread.Quote("second", 1, Second + ".", Second)],
                },
            ],
        }, "two-quotes.json");
        var ids = await db.Posts.Where(p => p.Thread!.Slug == "two-quotes").ToDictionaryAsync(p => p.ImportKey!, p => p.Id);

        var results = await SearchAsync("basalt obelisks");

        var hit = Assert.Single(results.Posts);
        Assert.Equal(ids["second"], hit.Id);
        Assert.Equal(1, hit.QuotedCount);
        Assert.Equal(ids["both"], Assert.Single(hit.QuotedBy).Id);
    }

    [Fact]
    public async Task A_tag_filter_follows_every_merge_and_takes_the_name_as_typed()
    {
        await using var db = fixture.CreateContext();
        var current = await db.Tags.SingleAsync(t => t.Name == "gradient-hacking");
        var older = new Debate.Core.Model.Tag { Name = "steering-training", Statement = "Old name.", MergedIntoId = current.Id, CreatedAt = DateTimeOffset.UtcNow };
        db.Tags.Add(older);
        await db.SaveChangesAsync();
        db.Tags.Add(new Debate.Core.Model.Tag { Name = "self-steering", Statement = "Oldest name.", MergedIntoId = older.Id, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();

        Assert.Equal([Id("origin")], await PostIdsAsync("gradient tag:self-steering"));
        Assert.Equal([Id("origin")], await PostIdsAsync("gradient tag:\"Gradient hacking\""));
    }

    [Fact]
    public async Task New_words_can_be_suggested_as_soon_as_they_are_written()
    {
        await using var db = fixture.CreateContext();
        await new Debate.Core.Interchange.ThreadImporter(db, TimeProvider.System).ImportAsync(new Debate.Core.Interchange.ThreadDocument
        {
            Format = Debate.Core.Interchange.ThreadDocument.FormatName,
            Thread = new Debate.Core.Interchange.ThreadInfo { Slug = "late-words", Title = "Late words" },
            Authors = [new Debate.Core.Interchange.AuthorInfo { Id = "eve", DisplayName = "Eve" }],
            Posts = [new Debate.Core.Interchange.PostInfo { Id = "l1", AuthorId = "eve", PostedAt = SearchThread.Posted, Body = "Instrumental convergence explained." }],
        }, "late.json");

        var written = await db.Posts.Where(p => p.Thread!.Slug == "late-words" && p.ImportKey == "l1").Select(p => p.Id).SingleAsync();

        var results = await SearchAsync("convergnce");

        Assert.Equal("convergence", results.CorrectedQuery);
        Assert.Equal(written, Assert.Single(results.Posts).Id);
    }

    // docs/search.md: words (even SQL-looking ones) are searched, control characters count as spaces, an address or
    // "word: " is text; a word glued to a colon is a filter (so "d:*" is an unknown one), and a query left with no
    // word to search ("or" is a stop word) says so; both of those are 400.
    [Theory]
    [InlineData("\"unbalanced quote gradient", HttpStatusCode.OK, "")]
    [InlineData("gradient'; DROP TABLE posts; --", HttpStatusCode.OK, "")]
    [InlineData("gradient) OR 1=1 --", HttpStatusCode.OK, "")]
    [InlineData("a & b | !c <-> d:* \\", HttpStatusCode.BadRequest, "Unknown filter \"d:\"")]
    [InlineData("gradient\u0000\u0001\u001b[31m hacking", HttpStatusCode.OK, "")]
    [InlineData("\"\"\"\" - - or or", HttpStatusCode.BadRequest, "has no words to search for")]
    [InlineData("see https://example.org/x?a=1 and note: this", HttpStatusCode.OK, "")]
    [InlineData("-\"gradient author:nobody\" hacking", HttpStatusCode.OK, "")]
    [InlineData("\"see arXiv:2311.08379\" gradient", HttpStatusCode.OK, "")]
    [InlineData("-twitter", HttpStatusCode.BadRequest, "only leaves words out")]
    [InlineData("-twitter author:bob", HttpStatusCode.BadRequest, "only leaves words out")]
    public async Task Awkward_queries_give_a_normal_answer(string query, HttpStatusCode expected, string message)
    {
        using var api = await _client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(expected, api.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            var problem = await api.Content.ReadFromJsonAsync<JsonElement>(Json);
            Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        using var page = await _client.GetAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // And the database is as it was.
        Assert.Equal(new[] { Id("origin"), Id("own"), Id("n1") }.Order(), (await PostIdsAsync("gradient hacking")).Order());
    }

    [Fact]
    public async Task An_unbalanced_quote_still_searches_the_words()
    {
        Assert.Contains(Id("own"), await PostIdsAsync("\"gradient hacking is implausible"));
    }

    // docs/search.md: "A query over 500 characters is refused" (413 from the API). 29 times "gradient hacking" with
    // spaces between is 29 * 17 - 1 = 492 characters; " hacking" makes it 500.
    private static readonly string LongestQuery = string.Join(" ", Enumerable.Repeat("gradient hacking", 29)) + " hacking";

    [Fact]
    public async Task A_query_of_exactly_500_characters_is_searched()
    {
        Assert.Equal(500, LongestQuery.Length);

        // The same words as "gradient hacking", so the same posts.
        Assert.Equal(new[] { Id("origin"), Id("own"), Id("n1") }.Order(), (await PostIdsAsync(LongestQuery)).Order());

        var page = await _client.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(LongestQuery));
        Assert.Null(page.QuerySelector("#search-errors"));
        Assert.Equal(3, page.QuerySelectorAll("li.search-hit").Length);
    }

    [Fact]
    public async Task A_query_of_501_characters_is_refused_with_413_and_a_message()
    {
        var query = LongestQuery + "s";
        var (status, problem) = await ProblemAsync(query);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        const string Message = "The query is 501 characters long; the most a query may have is 500.";
        Assert.Equal(Message, problem.GetProperty("detail").GetString());
        Assert.Equal([Message], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));

        var page = await _client.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Contains(Message, page.QuerySelector("#search-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("li.search-hit"));
    }

    [Fact]
    public async Task A_query_of_ten_thousand_characters_is_refused_with_413_and_a_message()
    {
        var query = new string('a', 10_000);
        var (status, problem) = await ProblemAsync(query);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("10,000 characters", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var page = await _client.GetDocumentAsync("/search?q=" + query);
        Assert.Contains("the most a query may have is 500", page.QuerySelector("#search-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gradient colour:red", "Unknown filter \"colour:\"")]
    [InlineData("gradient platform:myspace", "Unknown platform \"myspace\"")]
    [InlineData("gradient before:yesterday", "\"before:yesterday\" is not a date")]
    [InlineData("gradient is:reply", "\"is:reply\" is not known")]
    [InlineData("quotes:abc", "\"quotes:abc\" needs a post's number")]
    [InlineData("gradient author:nobody", "There is no author \"nobody\"")]
    [InlineData("gradient thread:nowhere", "There is no thread \"nowhere\"")]
    [InlineData("gradient tag:unheard-of", "There is no tag \"unheard-of\"")]
    [InlineData("quotes:999999999", "There is no post 999999999")]
    [InlineData("author:", "\"author:\" needs a value")]
    [InlineData("gradient -author:bob", "Filters cannot be excluded")]
    [InlineData("the of", "has no words to search for")]
    public async Task A_query_that_cannot_be_searched_says_why(string query, string message)
    {
        var (status, problem) = await ProblemAsync(query);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var page = await _client.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Contains(message, page.QuerySelector("#search-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(query, page.QuerySelector("#search-q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Words_with_colons_that_are_not_filters_stay_words()
    {
        Assert.Equal([Id("own")], await PostIdsAsync("implausible current: systems"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/t/" + SearchThread.Slug)]
    [InlineData("/authors/bob")]
    [InlineData("/search?q=gradient")]
    public async Task Every_page_has_the_search_form_in_its_header(string path)
    {
        var page = await _client.GetDocumentAsync(path);
        var form = Assert.Single(page.QuerySelectorAll("header form.site-search"));
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("input[name=q]"));
    }
}
