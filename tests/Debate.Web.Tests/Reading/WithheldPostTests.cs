using Debate.Core.Accounts;
using Debate.Core.Interchange;
using Debate.Core.Model;
using Debate.Core.Moderation;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Reading;

/// <summary>
/// A hidden or deleted post's links to where it was published lead to its text elsewhere: readers who may not read the
/// text do not get them either, on the thread page, the post's own page or the author's page (as the thread API).
/// </summary>
public class WithheldPostTests(ReadingAppFixture fixture) : IClassFixture<ReadingAppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    private long Id(string key) => fixture.Ids[key];

    [Fact]
    public async Task Hidden_and_deleted_posts_show_no_links_to_their_text_elsewhere()
    {
        await using (var db = fixture.CreateContext())
        {
            await db.Posts.Where(p => p.Id == Id("a1")).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsHidden, true));
            await db.Posts.Where(p => p.Id == Id("a2")).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsDeleted, true));
        }

        var thread = await _client.GetDocumentAsync($"/t/{ReadingAppFixture.Slug}");
        var permalink = await _client.GetDocumentAsync($"/t/{ReadingAppFixture.Slug}/p/{Id("a1")}");
        var author = await _client.GetDocumentAsync("/authors/evan-hubinger");

        foreach (var page in new[] { thread, permalink })
        {
            var hidden = page.QuerySelector($"article#p{Id("a1")}")!;
            Assert.Contains("hidden", hidden.TextContent, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(hidden.QuerySelectorAll("a[href*='lesswrong.com'], a[href*='x.com']"));
        }
        var deleted = thread.QuerySelector($"article#p{Id("a2")}")!;
        Assert.Empty(deleted.QuerySelectorAll("a[href*='alignmentforum.org']"));
        var listed = author.QuerySelectorAll(".author-post").Single(p => p.TextContent.Contains("This post was deleted.", StringComparison.Ordinal));
        Assert.Empty(listed.QuerySelectorAll(".badge"));
        // The posts still standing keep theirs.
        Assert.NotEmpty(thread.QuerySelector($"article#p{Id("b1")}")!.QuerySelectorAll(".badge"));
    }

    [Fact]
    public async Task A_post_moved_into_a_draft_thread_leaves_no_link_into_the_draft()
    {
        await using (var db = fixture.CreateContext())
        {
            await new ThreadImporter(db, TimeProvider.System).ImportAsync(new ThreadDocument
            {
                Format = ThreadDocument.FormatName,
                Thread = new ThreadInfo { Slug = "still-a-draft", Title = "Still a draft", Status = ThreadStatus.Draft },
                Authors = [new AuthorInfo { Id = "drafter", DisplayName = "Drafter" }],
                Posts = [new PostInfo { Id = "d1", AuthorId = "drafter", PostedAt = ReadingThread.Posted, Body = "A draft post." }],
            }, "still-a-draft.json");
            // a4 quotes a1 and a2; moved into the draft, neither its old place nor its quotes may lead there.
            var moved = await SubtreeMover.MoveAsync(db, Id("a4"), "still-a-draft", null, new Moderator("", "mover"), DateTimeOffset.UtcNow, default);
            Assert.Null(moved.Error);
        }

        var thread = await _client.GetDocumentAsync($"/t/{ReadingAppFixture.Slug}");
        var source = await _client.GetDocumentAsync($"/t/{ReadingAppFixture.Slug}/p/{Id("a1")}");

        foreach (var page in new[] { thread, source })
            Assert.Empty(page.QuerySelectorAll("a[href^='/t/still-a-draft']"));
    }
}
