using System.Net;
using Debate.Core.Interchange;
using Debate.Core.Model;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Posting;

/// <summary>
/// Requests made by hand rather than by the forms. A draft thread is a reconstruction under review: readers cannot open
/// it, so no form may show, quote or change its posts either, whatever ids a request names; and offsets no selection
/// could give are refused like any stale quote.
/// </summary>
public class HandMadeWriteTests(PostingAppFixture fixture) : IClassFixture<PostingAppFixture>
{
    private const string Slug = PostingAppFixture.Slug;
    private const string DraftText = "Unreviewed words of a draft post.";

    private async Task<(long PostId, long RevisionId)> DraftPostAsync()
    {
        await using var db = fixture.CreateContext();
        if (!await db.Threads.AnyAsync(t => t.Slug == "under-review"))
        {
            await new ThreadImporter(db, TimeProvider.System).ImportAsync(new ThreadDocument
            {
                Format = ThreadDocument.FormatName,
                Thread = new ThreadInfo { Slug = "under-review", Title = "Under review", Status = ThreadStatus.Draft },
                Authors = [new AuthorInfo { Id = "drafter", DisplayName = "Drafter" }],
                Posts = [new PostInfo { Id = "d1", AuthorId = "drafter", PostedAt = Reading.ReadingThread.Posted, Body = DraftText }],
            }, "under-review.json");
        }
        var post = await db.Posts.SingleAsync(p => p.Thread!.Slug == "under-review");
        return (post.Id, post.CurrentRevisionId!.Value);
    }

    [Fact]
    public async Task The_reply_form_of_a_published_thread_does_not_show_a_draft_post()
    {
        var (postId, _) = await DraftPostAsync();
        var client = await fixture.LoggedInClientAsync("peeker");

        using var response = await client.GetAsync($"/t/{Slug}/reply?to={postId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(DraftText, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_quoting_a_draft_post_is_refused_and_stores_nothing()
    {
        var (postId, revisionId) = await DraftPostAsync();
        var client = await fixture.LoggedInClientAsync("draft-quoter");
        var quote = new QuoteOf(postId, revisionId, 0, "Unreviewed words".Length, "Unreviewed words");
        var before = await fixture.CountRowsAsync();

        using var response = await PostingAppFixture.ReplyAsync(client, null, "> Unreviewed words\n\nSeen early.", quote);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("names a post revision that does not exist", PostingAppFixture.FieldError(page, ".reply-quote .field-error"), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task A_draft_post_cannot_be_edited_even_by_a_moderator()
    {
        var (postId, _) = await DraftPostAsync();
        var moderator = await fixture.LoggedInClientAsync("draft-editor", "moderator");

        using var form = await moderator.GetAsync($"/t/under-review/p/{postId}/edit");

        Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
    }

    [Theory]
    [InlineData(int.MaxValue, true)] // End wraps round to Start plus the words' length
    [InlineData(-1, false)]
    [InlineData(int.MaxValue - 3, false)]
    public async Task Quote_offsets_out_of_any_range_are_refused_with_a_message_not_an_error(int start, bool endWrapsRound)
    {
        var client = await fixture.LoggedInClientAsync($"offsets-{(uint)start % 997}-{endWrapsRound}".ToLowerInvariant());
        var real = await fixture.QuoteAsync(fixture.Ids["a1"], Reading.ReadingThread.CountingWords);
        var hostile = real with { Start = start, End = endWrapsRound ? unchecked(start + real.Exact.Length) : int.MaxValue };

        using var response = await PostingAppFixture.ReplyAsync(client, fixture.Ids["a1"], $"> {real.Exact}\n\nMine.", hostile);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("no longer matches", PostingAppFixture.FieldError(page, ".reply-quote .field-error"), StringComparison.Ordinal);
    }
}
