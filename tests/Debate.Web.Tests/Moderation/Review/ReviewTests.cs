using System.Net;
using AngleSharp.Dom;
using Debate.Core.Accounts;
using Debate.Core.Model;
using Debate.Core.Rebuilding;
using Debate.Core.Reconstruction;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Moderation.Review;

/// <summary>The review view of a draft rebuilt from a scraped page, step by step through its own forms.</summary>
public class ReviewTests(ReviewFixture fixture) : IClassFixture<ReviewFixture>
{
    private static string Review(string slug) => $"/moderation/review/{slug}";

    /// <summary>The machine's proposal for the seed page, for choosing lines the way a moderator reads them off the page.</summary>
    private static readonly ReviewedPage Proposal = ReviewedPage.From(PageReconstructor.Reconstruct(File.ReadAllText(ReviewFixture.SeedPage)));

    private static IEnumerable<int> TextLines(ReviewComment comment) =>
        comment.Lines.Where(l => Proposal.Line(l).Role is LineRoles.Own);

    private async Task<HttpClient> DraftAsync(string slug)
    {
        await fixture.ImportDraftAsync(slug);
        return await fixture.LoggedInClientAsync("mod-" + slug, AccountRoles.Moderator);
    }

    private static async Task<HttpResponseMessage> StepAsync(HttpClient client, string slug, string op, Dictionary<string, string> fields) =>
        await client.SubmitAsync(Review(slug), fields, $"#step-{op}");

    private static async Task<IDocument> StepOkAsync(HttpClient client, string slug, string op, Dictionary<string, string> fields)
    {
        using var response = await StepAsync(client, slug, op, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetDocumentAsync(Review(slug));
    }

    private static IElement CommentHolding(IDocument page, int line) =>
        page.QuerySelectorAll("article.review-comment").Single(a => a.GetAttribute("data-lines")!.Split(',').Contains(line.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private async Task<int> PostCountAsync(string slug)
    {
        await using var db = fixture.CreateContext();
        return await db.Posts.CountAsync(p => p.Thread!.Slug == slug);
    }

    private static async Task<CorrectionsDocument> ExportAsync(HttpClient client, string slug)
    {
        using var response = await client.GetAsync(Review(slug) + "?handler=Export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return CorrectionsDocument.Read(await response.Content.ReadAsStringAsync(), "export");
    }

    [Fact]
    public async Task The_view_shows_the_numbered_page_beside_the_proposed_comments_with_their_confidence()
    {
        var client = await DraftAsync("review-view");

        var page = await client.GetDocumentAsync(Review("review-view"));

        Assert.Equal(Proposal.Lines.Count, page.QuerySelectorAll("ol.page-lines li").Length);
        var own = Proposal.Lines.First(l => l.Role == LineRoles.Own);
        Assert.Contains(own.Text.Trim(), page.QuerySelector($"#line-{own.Number}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Proposal.Comments.Count, page.QuerySelectorAll("article.review-comment").Length);
        Assert.Equal(await PostCountAsync("review-view"), page.QuerySelectorAll("article.review-comment").Length);
        var first = page.QuerySelector("article.review-comment")!;
        Assert.Contains("sure", first.QuerySelector(".review-guess")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Top-level", first.QuerySelector(".review-parent")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_split_makes_the_rest_of_a_comment_a_reply_and_undo_puts_it_back()
    {
        var client = await DraftAsync("review-split");
        var comment = Proposal.Comments.First(c => TextLines(c).Count() >= 2);
        var line = TextLines(comment).ElementAt(1);
        var before = await PostCountAsync("review-split");

        var page = await StepOkAsync(client, "review-split", "split", new() { ["Input.Line"] = $"{line}" });

        Assert.Equal(before + 1, await PostCountAsync("review-split"));
        Assert.Contains($"Replies to comment", CommentHolding(page, line).QuerySelector(".review-parent")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(line.ToString(System.Globalization.CultureInfo.InvariantCulture), CommentHolding(page, comment.Lines.Min).GetAttribute("data-lines")!.Split(','));

        using var undo = await client.SubmitAsync(Review("review-split"), new Dictionary<string, string>(), "#undo-step");
        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        Assert.Equal(before, await PostCountAsync("review-split"));
        Assert.Empty((await ExportAsync(client, "review-split")).Steps);
    }

    [Fact]
    public async Task A_join_makes_two_comments_one_and_a_move_carries_one_line()
    {
        var client = await DraftAsync("review-join");
        var (a, b) = (Proposal.Comments[1], Proposal.Comments[2]);
        var before = await PostCountAsync("review-join");

        var page = await StepOkAsync(client, "review-join", "join", new() { ["Input.Line"] = $"{b.Lines.Min}", ["Input.IntoLine"] = $"{a.Lines.Min}" });

        Assert.Equal(before - 1, await PostCountAsync("review-join"));
        Assert.Same(CommentHolding(page, a.Lines.Min), CommentHolding(page, b.Lines.Min));

        var moved = TextLines(Proposal.Comments[3]).Last();
        page = await StepOkAsync(client, "review-join", "move", new() { ["Input.Line"] = $"{moved}", ["Input.IntoLine"] = $"{a.Lines.Min}" });

        Assert.Same(CommentHolding(page, a.Lines.Min), CommentHolding(page, moved));
        Assert.NotSame(CommentHolding(page, Proposal.Comments[3].Lines.Min), CommentHolding(page, moved));
        await using var db = fixture.CreateContext();
        var bodies = await db.Posts.Where(p => p.Thread!.Slug == "review-join").Select(p => p.CurrentRevision!.PlainText).ToListAsync();
        var movedText = Proposal.Line(moved).Text.Trim()[..30];
        Assert.Contains(bodies, body => body.Contains(movedText, StringComparison.Ordinal) && body.Contains(Proposal.Line(TextLines(a).First()).Text.Trim()[..20], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_parent_changes_and_a_reply_can_become_top_level()
    {
        var client = await DraftAsync("review-parent");
        var reply = Proposal.Comments.Last(c => c.Parent is not null && Proposal.Comments.All(r => r.Parent != c));
        var other = Proposal.Comments.First(c => c != reply && c != reply.Parent);
        var topLevel = Proposal.Comments.Count(c => c.Parent is null);

        var page = await StepOkAsync(client, "review-parent", "parent", new() { ["Input.Line"] = $"{reply.Lines.Min}", ["Input.ParentLine"] = "" });
        Assert.Equal("Top-level", CommentHolding(page, reply.Lines.Min).QuerySelector(".review-parent")!.TextContent.Trim());
        Assert.Equal(topLevel + 1, await TopLevelPostsAsync());

        page = await StepOkAsync(client, "review-parent", "parent", new() { ["Input.Line"] = $"{reply.Lines.Min}", ["Input.ParentLine"] = $"{other.Lines.Min}" });
        var otherNumber = CommentHolding(page, other.Lines.Min).Id!.Replace("comment-", "", StringComparison.Ordinal);
        Assert.Equal($"Replies to comment {otherNumber}", CommentHolding(page, reply.Lines.Min).QuerySelector(".review-parent")!.TextContent.Trim());

        Assert.Equal(topLevel, await TopLevelPostsAsync());

        async Task<int> TopLevelPostsAsync()
        {
            await using var db = fixture.CreateContext();
            return await db.Posts.CountAsync(p => p.Thread!.Slug == "review-parent" && p.ParentId == null);
        }
    }

    [Fact]
    public async Task Quotes_and_embeds_are_marked_and_unmarked()
    {
        var client = await DraftAsync("review-marks");
        var comment = Proposal.Comments.Skip(1).First(c => TextLines(c).Any(l => !c.Marks.ContainsKey(l)));
        var line = TextLines(comment).First(l => !comment.Marks.ContainsKey(l));
        var source = TextLines(Proposal.Comments[0]).First();

        var page = await StepOkAsync(client, "review-marks", "quote", new() { ["Input.Line"] = $"{line}", ["Input.SourceLine"] = $"{source}" });
        Assert.Contains(CommentHolding(page, line).QuerySelectorAll(".review-mark"), m => m.TextContent == $"quote of line {source}");
        page = await StepOkAsync(client, "review-marks", "unquote", new() { ["Input.Line"] = $"{line}" });
        Assert.DoesNotContain(CommentHolding(page, line).QuerySelectorAll(".review-mark"), m => m.TextContent == $"quote of line {source}");

        page = await StepOkAsync(client, "review-marks", "embed", new() { ["Input.Line"] = $"{line}", ["Input.Platform"] = "Twitter" });
        Assert.Contains(CommentHolding(page, line).QuerySelectorAll(".review-mark"), m => m.TextContent == "embed (twitter)");
        await using (var db = fixture.CreateContext())
            Assert.True(await db.Provenance.AnyAsync(p => p.Platform == Platform.Twitter && p.SpanStart != null && db.Posts.Any(x => x.Id == p.PostId && x.Thread!.Slug == "review-marks")));
        page = await StepOkAsync(client, "review-marks", "unembed", new() { ["Input.Line"] = $"{line}" });
        Assert.DoesNotContain(CommentHolding(page, line).QuerySelectorAll(".review-mark"), m => m.TextContent.StartsWith("embed", StringComparison.Ordinal));

        Assert.Equal(["quote", "unquote", "embed", "unembed"], (await ExportAsync(client, "review-marks")).Steps.Select(s => s.Op));
    }

    [Fact]
    public async Task Authors_are_assigned_by_id_by_a_new_name_or_in_one_click_as_another_comment()
    {
        var client = await DraftAsync("review-authors");
        var (first, second, third) = (Proposal.Comments[0], Proposal.Comments[1], Proposal.Comments[2]);

        var page = await StepOkAsync(client, "review-authors", "author", new() { ["Input.Line"] = $"{first.Lines.Min}", ["Input.Author"] = "joe-carlsmith" });
        Assert.Equal("Joe Carlsmith", CommentHolding(page, first.Lines.Min).QuerySelector(".review-author")!.TextContent);

        page = await StepOkAsync(client, "review-authors", "author", new() { ["Input.Line"] = $"{second.Lines.Min}", ["Input.Author"] = "new-reader", ["Input.AuthorName"] = "New Reader" });
        Assert.Equal("New Reader", CommentHolding(page, second.Lines.Min).QuerySelector(".review-author")!.TextContent);

        var third_ = CommentHolding(page, third.Lines.Min);
        Assert.Contains("Same author as comment 1 (Joe Carlsmith)", third_.QuerySelector($"form[data-as-line='{first.Lines.Min}']")!.TextContent, StringComparison.Ordinal);
        using (var response = await client.SubmitAsync(Review("review-authors"), new Dictionary<string, string>(), $"#{third_.Id} form[data-as-line='{first.Lines.Min}']"))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        page = await client.GetDocumentAsync(Review("review-authors"));
        Assert.Equal("Joe Carlsmith", CommentHolding(page, third.Lines.Min).QuerySelector(".review-author")!.TextContent);

        await using var db = fixture.CreateContext();
        var authors = await db.Posts.Where(p => p.Thread!.Slug == "review-authors").Select(p => p.Author!.Slug).ToListAsync();
        Assert.Equal(2, authors.Count(a => a == "joe-carlsmith"));
        Assert.Single(authors, a => a == "new-reader");
        var exported = await ExportAsync(client, "review-authors");
        Assert.Equal(["joe-carlsmith", "new-reader"], exported.Authors.Select(a => a.Id).Order());
    }

    [Fact]
    public async Task A_step_that_cannot_apply_says_why_changes_nothing_and_keeps_the_form_filled()
    {
        var client = await DraftAsync("review-refused");
        var start = Proposal.Comments[1].Lines.Min;
        var before = await PostCountAsync("review-refused");

        using var response = await StepAsync(client, "review-refused", "split", new() { ["Input.Line"] = $"{start}", ["Input.Why"] = "kept note" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal($"split at line {start}: line {start} already starts its comment.", page.QuerySelector("[role=alert] li")!.TextContent);
        Assert.Equal($"{start}", page.QuerySelector("#step-split input[name='Input.Line']")!.GetAttribute("value"));
        Assert.Equal("kept note", page.QuerySelector("#step-split input[name='Input.Why']")!.GetAttribute("value"));
        Assert.Equal(before, await PostCountAsync("review-refused"));
        Assert.Empty((await ExportAsync(client, "review-refused")).Steps);

        using var missing = await StepAsync(client, "review-refused", "move", new() { ["Input.Line"] = "99999", ["Input.IntoLine"] = $"{start}" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("no comment holds line 99999", (await missing.ReadDocumentAsync()).QuerySelector("[role=alert] li")!.TextContent, StringComparison.Ordinal);

        using var unknownAuthor = await StepAsync(client, "review-refused", "author", new() { ["Input.Line"] = $"{start}", ["Input.Author"] = "nobody-known" });
        Assert.Contains("give the new author's name", (await unknownAuthor.ReadDocumentAsync()).QuerySelector("[role=alert] li")!.TextContent, StringComparison.Ordinal);
        Assert.Empty((await ExportAsync(client, "review-refused")).Steps);
    }

    [Fact]
    public async Task A_draft_is_invisible_to_everyone_but_moderators_until_it_is_published()
    {
        var moderator = await DraftAsync("review-publish");
        var member = await fixture.LoggedInClientAsync("member-publish");
        var anonymous = fixture.App.CreateBrowserLikeClient();
        var word = Proposal.Line(TextLines(Proposal.Comments[0]).First()).Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).First(w => w.Length > 6 && w.All(char.IsLetter));

        long postId;
        await using (var db = fixture.CreateContext())
            postId = await db.Posts.Where(p => p.Thread!.Slug == "review-publish").Select(p => p.Id).FirstAsync();
        foreach (var client in new[] { anonymous, member })
        {
            using (var post = await client.GetAsync($"/t/review-publish/p/{postId}"))
                Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
            using (var thread = await client.GetAsync("/t/review-publish"))
                Assert.Equal(HttpStatusCode.NotFound, thread.StatusCode);
            using (var api = await client.GetAsync("/api/threads/review-publish"))
                Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
            Assert.DoesNotContain("/t/review-publish", (await client.GetDocumentAsync("/")).DocumentElement.OuterHtml, StringComparison.Ordinal);
            Assert.DoesNotContain("/t/review-publish", (await client.GetDocumentAsync($"/search?q={word}")).DocumentElement.OuterHtml, StringComparison.Ordinal);
            Assert.DoesNotContain("review-publish", await client.GetStringAsync($"/api/search?q={word}"), StringComparison.Ordinal);
        }

        using (var publish = await moderator.SubmitAsync(Review("review-publish"), new Dictionary<string, string>(), "#publish"))
            Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);

        await using (var db = fixture.CreateContext())
        {
            Assert.Equal(ThreadStatus.Published, (await db.Threads.SingleAsync(t => t.Slug == "review-publish")).Status);
            Assert.True(await db.ModerationActions.AnyAsync(a => a.Kind == "publish" && a.Summary.Contains("review-publish")));
        }
        using (var thread = await anonymous.GetAsync("/t/review-publish"))
            Assert.Equal(HttpStatusCode.OK, thread.StatusCode);
        Assert.Contains("/t/review-publish", (await anonymous.GetDocumentAsync($"/search?q={word}")).DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Null((await moderator.GetDocumentAsync(Review("review-publish"))).QuerySelector("#step-split"));
        var token = (await moderator.GetDocumentAsync("/moderation/import")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var late = await moderator.PostAsync(Review("review-publish") + "?handler=Undo", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("is published; its review is closed", (await late.ReadDocumentAsync()).QuerySelector("[role=alert] li")!.TextContent, StringComparison.Ordinal);
    }
}
