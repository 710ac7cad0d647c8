using System.Net;
using Debate.Core.Accounts;
using Debate.Core.Model;
using Debate.Web.Tests.Infrastructure;
using Debate.Web.Tests.Reading;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Posting;

public class EditTests(PostingAppFixture fixture) : IClassFixture<PostingAppFixture>
{
    private const string Slug = PostingAppFixture.Slug;

    private long Id(string key) => fixture.Ids[key];

    private static string EditPath(long postId) => $"/t/{Slug}/p/{postId}/edit";

    private static Task<HttpResponseMessage> EditAsync(HttpClient client, long postId, string body) =>
        client.SubmitAsync(EditPath(postId), new Dictionary<string, string> { ["Input.Body"] = body }, "form.edit-form");

    [Fact]
    public async Task After_an_edit_each_quote_of_the_post_is_anchored_moved_or_orphaned_as_its_words_stand()
    {
        var author = await fixture.LoggedInClientAsync("source-author");
        var quoter = await fixture.LoggedInClientAsync("source-quoter");
        var sourceId = await PostingAppFixture.PostAsync(author, null,
            "Keep these words in place. Then the moving words follow. Some doomed words end it.");
        var kept = await fixture.QuoteAsync(sourceId, "Keep these words in place");
        var moving = await fixture.QuoteAsync(sourceId, "the moving words");
        var doomed = await fixture.QuoteAsync(sourceId, "doomed words");
        var replyId = await PostingAppFixture.PostAsync(quoter, sourceId,
            $"> {kept.Exact}\n\nOne.\n\n> {moving.Exact}\n\nTwo.\n\n> {doomed.Exact}\n\nThree.", kept, moving, doomed);

        using var saved = await EditAsync(author, sourceId,
            "Keep these words in place. A new sentence comes in between. Then the moving words follow. Some other ending.");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = fixture.CreateContext())
        {
            var post = await db.Posts.Include(p => p.CurrentRevision).SingleAsync(p => p.Id == sourceId);
            Assert.Equal(2, post.CurrentRevision!.Number);
            Assert.Equal(2, await db.PostRevisions.CountAsync(r => r.PostId == sourceId));
            var quotes = await db.Quotes.Where(q => q.PostId == replyId).OrderBy(q => q.Id).ToListAsync();
            Assert.Equal([AnchorStatus.Anchored, AnchorStatus.Moved, AnchorStatus.Orphaned], quotes.Select(q => q.Status));
            var movedTo = post.CurrentRevision.PlainText.IndexOf(moving.Exact, StringComparison.Ordinal);
            Assert.Equal((movedTo, movedTo + moving.Exact.Length, post.CurrentRevisionId), (quotes[1].CurrentStart, quotes[1].CurrentEnd, quotes[1].CurrentRevisionId));
            Assert.Null(quotes[2].CurrentStart);
            // The anchors still name the revision and the words they were taken from.
            Assert.All(quotes, q => Assert.Equal(kept.RevisionId, q.SourceRevisionId));
        }

        var page = await quoter.GetDocumentAsync($"/t/{Slug}/p/{replyId}");
        var sources = page.QuerySelectorAll($"#p{replyId} a.quote-source").ToList();
        Assert.Equal(["anchored", "moved", "orphaned"], sources.Select(a => a.GetAttribute("data-status")));
        Assert.Equal("Quoting source-author, revision 1 (moved since)", sources[1].GetAttribute("data-label"));
        Assert.Equal("Quoting source-author, revision 1 (edited away since)", sources[2].GetAttribute("data-label"));
        // The orphaned quote links to the words in the revision it quoted.
        Assert.Equal($"/t/{Slug}/p/{sourceId}/history#p{sourceId}-r1-s{doomed.Start}-{doomed.End}", sources[2].GetAttribute("href"));
        var history = await quoter.GetDocumentAsync($"/t/{Slug}/p/{sourceId}/history");
        Assert.NotNull(history.GetElementById($"p{sourceId}-r1-s{doomed.Start}-{doomed.End}"));
    }

    [Fact]
    public async Task Words_that_stand_twice_after_an_edit_equally_well_are_orphaned_never_guessed()
    {
        var author = await fixture.LoggedInClientAsync("twin-author");
        var quoter = await fixture.LoggedInClientAsync("twin-quoter");
        var sourceId = await PostingAppFixture.PostAsync(author, null, "twin phrase and more.");
        var twin = await fixture.QuoteAsync(sourceId, "twin phrase");
        var replyId = await PostingAppFixture.PostAsync(quoter, sourceId, $"> {twin.Exact}\n\nWhich one?", twin);

        using var saved = await EditAsync(author, sourceId, "Intro.\n\ntwin phrase and more.\n\ntwin phrase and more.");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = fixture.CreateContext();
        var quote = await db.Quotes.SingleAsync(q => q.PostId == replyId);
        Assert.Equal(AnchorStatus.Orphaned, quote.Status);
        Assert.Null(quote.CurrentStart);
    }

    [Fact]
    public async Task A_moderator_edit_finds_the_claim_tags_on_the_post_again()
    {
        var moderator = await fixture.LoggedInClientAsync("claim-moderator", AccountRoles.Moderator);
        await using var before = fixture.CreateContext();
        var body = await before.Posts.Where(p => p.Id == Id("a1")).Select(p => p.CurrentRevision!.Body).SingleAsync();

        using var saved = await EditAsync(moderator, Id("a1"), "Edited by a moderator to add this first line.\n\n" + body);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = fixture.CreateContext();
        var text = await db.Posts.Where(p => p.Id == Id("a1")).Select(p => p.CurrentRevision!.PlainText).SingleAsync();
        var claim = await db.ClaimTags.SingleAsync(c => c.PostId == Id("a1"));
        Assert.Equal(AnchorStatus.Moved, claim.Status);
        Assert.Equal(text.IndexOf(ReadingThread.ClaimWords, StringComparison.Ordinal), claim.CurrentStart);
        var page = await moderator.GetDocumentAsync($"/t/{Slug}");
        Assert.Equal(ReadingThread.ClaimWords, string.Concat(page.QuerySelectorAll($"#p{Id("a1")} mark.claim").Select(m => m.TextContent)));
    }

    [Fact]
    public async Task An_edit_form_sent_twice_saves_one_revision_and_reports_no_conflict()
    {
        var author = await fixture.LoggedInClientAsync("double-click");
        var postId = await PostingAppFixture.PostAsync(author, null, "Before the edit.");
        var form = await PostingAppFixture.OpenFormAsync(author, EditPath(postId), "form.edit-form");
        form["Input.Body"] = "After the edit.";

        using var first = await author.PostAsync(EditPath(postId), new FormUrlEncodedContent(form));
        using var second = await author.PostAsync(EditPath(postId), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        await using var db = fixture.CreateContext();
        Assert.Equal(2, await db.PostRevisions.CountAsync(r => r.PostId == postId));
    }

    [Fact]
    public async Task The_second_of_two_simultaneous_edits_is_refused_with_its_text_kept_and_nothing_overwritten()
    {
        var author = await fixture.LoggedInClientAsync("two-tabs");
        var postId = await PostingAppFixture.PostAsync(author, null, "The first text.");
        var firstTab = await PostingAppFixture.OpenFormAsync(author, EditPath(postId), "form.edit-form");
        var secondTab = await PostingAppFixture.OpenFormAsync(author, EditPath(postId), "form.edit-form");

        firstTab["Input.Body"] = "The text as the first tab saved it.";
        using var first = await author.PostAsync(EditPath(postId), new FormUrlEncodedContent(firstTab));
        secondTab["Input.Body"] = "The text as the second tab tried to save it.";
        using var second = await author.PostAsync(EditPath(postId), new FormUrlEncodedContent(secondTab));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await second.ReadDocumentAsync();
        Assert.StartsWith("Someone else changed this post while you were editing it (it is now at revision 2). Nothing was saved",
            page.QuerySelector(".form-errors li")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("The text as the second tab tried to save it.", page.QuerySelector("#edit-body")!.TextContent.Trim());
        await using var db = fixture.CreateContext();
        Assert.Equal("The text as the first tab saved it.", await db.Posts.Where(p => p.Id == postId).Select(p => p.CurrentRevision!.Body).SingleAsync());
        Assert.Equal(2, await db.PostRevisions.CountAsync(r => r.PostId == postId));
    }

    [Fact]
    public async Task Only_the_author_or_a_moderator_may_edit_or_delete_a_post()
    {
        var author = await fixture.LoggedInClientAsync("owner");
        var stranger = await fixture.LoggedInClientAsync("stranger");
        var moderator = await fixture.LoggedInClientAsync("deleting-moderator", AccountRoles.Moderator);
        var postId = await PostingAppFixture.PostAsync(author, null, "Mine to change.");

        using var strangerForm = await stranger.GetAsync(EditPath(postId));
        var ownForm = await author.GetDocumentAsync($"/t/{Slug}/p/{postId}");
        // A valid token from a form the stranger may open, sent with an edit and a delete of someone else's post.
        var token = await PostingAppFixture.OpenFormAsync(stranger, $"/t/{Slug}/reply", "form.reply-form");
        token["Input.Body"] = "Not mine.";
        using var strangerSave = await stranger.PostAsync(EditPath(postId), new FormUrlEncodedContent(token));
        using var strangerDelete = await stranger.PostAsync(EditPath(postId) + "?handler=Delete", new FormUrlEncodedContent(token));

        Assert.Equal(HttpStatusCode.Forbidden, strangerForm.StatusCode);
        Assert.Equal(EditPath(postId), ownForm.QuerySelector($"#p{postId} a.edit-link")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Forbidden, strangerSave.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, strangerDelete.StatusCode);
        await using (var check = fixture.CreateContext())
        {
            var post = await check.Posts.Where(p => p.Id == postId).Select(p => new { p.CurrentRevision!.Body, p.IsDeleted }).SingleAsync();
            Assert.Equal(("Mine to change.", false), (post.Body, post.IsDeleted));
        }

        using var deleted = await moderator.SubmitAsync(EditPath(postId), new Dictionary<string, string>(), "form.delete-form");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using var db = fixture.CreateContext();
        Assert.True(await db.Posts.Where(p => p.Id == postId).Select(p => p.IsDeleted).SingleAsync());
    }

    [Fact]
    public async Task A_deleted_post_shows_as_deleted_while_its_replies_and_the_quotes_of_it_stay()
    {
        var author = await fixture.LoggedInClientAsync("regretful");
        var replier = await fixture.LoggedInClientAsync("replier");
        var postId = await PostingAppFixture.PostAsync(author, null, "Words I will take back later.");
        var quote = await fixture.QuoteAsync(postId, "take back");
        var replyId = await PostingAppFixture.PostAsync(replier, postId, $"> {quote.Exact}\n\nPlease don't.", quote);
        var countBefore = await ThreadPostCountAsync();

        using var deleted = await author.SubmitAsync(EditPath(postId), new Dictionary<string, string>(), "form.delete-form");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var page = await replier.GetDocumentAsync($"/t/{Slug}/p/{postId}");
        Assert.Equal("This post was deleted.", page.QuerySelector($"#p{postId} .post-body")!.TextContent);
        Assert.DoesNotContain("take back", page.QuerySelector($"#p{postId}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Please don't.", page.QuerySelector($"#p{replyId} .post-body")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#p{replyId} a.quote-source"));
        await using var db = fixture.CreateContext();
        Assert.Equal(1, await db.Quotes.CountAsync(q => q.SourcePostId == postId));
        Assert.Equal(1, await db.PostRevisions.CountAsync(r => r.PostId == postId));
        Assert.Equal(countBefore - 1, await ThreadPostCountAsync());
        // A deleted post is neither edited nor replied to.
        using var edit = await author.GetAsync(EditPath(postId));
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
    }

    private async Task<int> ThreadPostCountAsync()
    {
        await using var db = fixture.CreateContext();
        return await db.Threads.Where(t => t.Slug == Slug).Select(t => t.PostCount).SingleAsync();
    }
}
