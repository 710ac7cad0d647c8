using System.Net;
using System.Text.Json;
using Debate.Core.Model;
using Debate.Core.Moderation;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Moderation;

/// <summary>Locking a thread, hiding a post and moving a subtree, as moderators do them from the thread pages, and their undo from the log.</summary>
public class ModeratorToolsTests(ModeratorToolsFixture fixture) : IClassFixture<ModeratorToolsFixture>
{
    private long Id(string slug, string key) => fixture.Ids[(slug, key)];

    [Fact]
    public async Task A_locked_thread_shows_Locked_and_no_reply_links_or_form_and_undo_opens_it_again()
    {
        const string slug = "tools-lock";
        var before = await fixture.DumpTablesAsync();
        var memberPage = await fixture.Member.GetDocumentAsync($"/t/{slug}");
        Assert.NotEmpty(memberPage.QuerySelectorAll("a.reply-link"));
        Assert.Empty(memberPage.QuerySelectorAll("form.moderator-actions"));

        using (var locked = await fixture.Moderator.SubmitAsync($"/t/{slug}", new Dictionary<string, string>(), "form.moderator-actions"))
            Assert.Equal($"/t/{slug}", locked.Headers.Location!.OriginalString);

        memberPage = await fixture.Member.GetDocumentAsync($"/t/{slug}");
        Assert.Equal("Locked", memberPage.QuerySelector(".thread-header .locked")?.TextContent);
        Assert.Empty(memberPage.QuerySelectorAll("a.reply-link"));
        Assert.Empty(memberPage.QuerySelectorAll("a.new-post"));
        Assert.Null(memberPage.QuerySelector("template#reply-template"));
        var permalink = await fixture.Member.GetDocumentAsync($"/t/{slug}/p/{Id(slug, "a2")}");
        Assert.Empty(permalink.QuerySelectorAll("a.reply-link"));
        Assert.Null(permalink.QuerySelector("template#reply-template"));
        // An old "Reply" link opened after the lock: the page says so instead of offering a form that would be refused.
        var replyPage = await fixture.Member.GetDocumentAsync($"/t/{slug}/reply?to={Id(slug, "a2")}");
        Assert.Null(replyPage.QuerySelector("form.reply-form"));
        Assert.Equal("This thread is locked: it takes no new replies.", replyPage.QuerySelector(".locked-notice")?.TextContent);
        var moderatorPage = await fixture.Moderator.GetDocumentAsync($"/t/{slug}");
        Assert.Equal("Unlock thread", moderatorPage.QuerySelector("form.moderator-actions button")!.TextContent);

        var action = await LastActionAsync();
        Assert.Equal((ThreadModeration.LockKind, "tools-moderator", $"Locked thread 'Thread {slug}'"), (action.Kind, action.ActorName, action.Summary));
        await UndoFromTheLogAsync(action.Id);
        Assert.Equal(before, await fixture.DumpTablesAsync());
        Assert.NotEmpty((await fixture.Member.GetDocumentAsync($"/t/{slug}")).QuerySelectorAll("a.reply-link"));
    }

    [Fact]
    public async Task A_hidden_post_is_a_placeholder_for_readers_and_the_API_greyed_for_moderators_and_undo_restores_it()
    {
        const string slug = "tools-hide";
        var hidden = Id(slug, "a2");
        var reply = Id(slug, "a3");
        var before = await fixture.DumpTablesAsync();

        using (var response = await fixture.Moderator.SubmitAsync($"/t/{slug}", new Dictionary<string, string>(), $"#p{hidden} .moderator-actions form"))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        foreach (var reader in new[] { fixture.Anonymous, fixture.Member })
        {
            var page = await reader.GetDocumentAsync($"/t/{slug}");
            var article = page.QuerySelector($"#p{hidden}")!;
            Assert.Equal("This post was hidden by a moderator.", article.QuerySelector(".post-body")!.TextContent);
            Assert.DoesNotContain("don't like all this discussion", article.TextContent, StringComparison.Ordinal);
            Assert.Null(article.QuerySelector("a.reply-link"));
            Assert.Contains("it was a repost", page.QuerySelector($"#p{reply} .post-body")!.TextContent, StringComparison.Ordinal);
        }
        var moderatorPage = await fixture.Moderator.GetDocumentAsync($"/t/{slug}");
        var greyed = moderatorPage.QuerySelector($"article.hidden-post#p{hidden}")!;
        Assert.Contains("don't like all this discussion", greyed.QuerySelector(".post-body")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Unhide", greyed.QuerySelector("button.unhide-button")!.TextContent);

        var publicPost = await ApiPostAsync(fixture.Anonymous, slug, "a2");
        Assert.True(publicPost.GetProperty("hidden").GetBoolean());
        Assert.Equal("", publicPost.GetProperty("body").GetString());
        Assert.Equal(0, publicPost.GetProperty("revisions").GetArrayLength());
        var moderatorPost = await ApiPostAsync(fixture.Moderator, slug, "a2");
        Assert.Contains("don't like all this discussion", moderatorPost.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("", (await ApiPostAsync(fixture.Member, slug, "a2")).GetProperty("body").GetString());

        var action = await LastActionAsync();
        Assert.Equal((ThreadModeration.HideKind, $"Hid post {hidden}"), (action.Kind, action.Summary));
        await UndoFromTheLogAsync(action.Id);
        Assert.Equal(before, await fixture.DumpTablesAsync());
        Assert.Contains("don't like all this discussion", (await fixture.Anonymous.GetDocumentAsync($"/t/{slug}")).QuerySelector($"#p{hidden} .post-body")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_a_subtree_to_another_thread_rewrites_it_recounts_leaves_a_link_redirects_and_undo_restores_every_row()
    {
        var moved = Id("tools-from", "a2");
        var target = Id("tools-to", "t1");
        var subtreeKeys = new[] { "a2", "a3", "d3", "d4", "d5", "d6", "d7" };
        var before = await fixture.DumpTablesAsync();
        var (fromCount, toCount) = await PostCountsAsync();

        using (var response = await fixture.Moderator.SubmitAsync($"/moderation/posts/{moved}", new Dictionary<string, string> { ["Move.UnderPost"] = target.ToString() }, "form.move-form"))
            Assert.Equal($"/t/tools-to/p/{moved}#p{moved}", response.Headers.Location!.OriginalString);

        await using (var db = fixture.CreateContext())
        {
            var parent = await db.Posts.AsNoTracking().SingleAsync(p => p.Id == target);
            var subtree = await db.Posts.AsNoTracking().Where(p => subtreeKeys.Select(k => Id("tools-from", k)).Contains(p.Id)).ToListAsync();
            Assert.Equal(subtreeKeys.Length, subtree.Count);
            Assert.All(subtree, p => Assert.Equal(parent.ThreadId, p.ThreadId));
            Assert.All(subtree, p => Assert.StartsWith($"{parent.Path}.{moved}", p.Path.ToString(), StringComparison.Ordinal));
            Assert.All(subtree, p => Assert.Equal(p.Path.ToString().Split('.').Length - 1, p.Depth));
            Assert.Equal(target, subtree.Single(p => p.Id == moved).ParentId);
        }
        Assert.Equal((fromCount - subtreeKeys.Length, toCount + subtreeKeys.Length), await PostCountsAsync());

        // The old place links to the new one, and the old permalinks lead there.
        var oldPage = await fixture.Anonymous.GetDocumentAsync("/t/tools-from");
        Assert.Null(oldPage.QuerySelector($"#p{moved}"));
        var link = oldPage.QuerySelector($"#p{Id("tools-from", "a1")} .moved-away a.moved-to") !;
        Assert.Equal(($"/t/tools-to/p/{moved}", "Thread tools-to"), (link.GetAttribute("href"), link.TextContent));
        using (var old = await fixture.Anonymous.GetAsync($"/t/tools-from/p/{Id("tools-from", "d5")}"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
            Assert.Equal($"/t/tools-to/p/{Id("tools-from", "d5")}#p{Id("tools-from", "d5")}", old.Headers.Location!.OriginalString);
        }
        var newPage = await fixture.Anonymous.GetDocumentAsync($"/t/tools-to/p/{target}");
        Assert.NotNull(newPage.QuerySelector($"#p{moved}"));

        var action = await LastActionAsync();
        Assert.Equal((SubtreeMover.MoveKind, $"Moved post {moved} and its 6 replies from thread 'tools-from' to under post {target} in thread 'tools-to'"), (action.Kind, action.Summary));
        await UndoFromTheLogAsync(action.Id);
        Assert.Equal(before, await fixture.DumpTablesAsync());
        Assert.Empty((await fixture.Anonymous.GetDocumentAsync("/t/tools-from")).QuerySelectorAll(".moved-away"));
    }

    [Fact]
    public async Task Moving_a_reply_to_the_top_of_its_own_thread_leaves_a_link_under_its_old_parent_and_undo_restores_it()
    {
        var moved = Id("tools-from", "a4");
        var before = await fixture.DumpTablesAsync();

        using (var response = await fixture.Moderator.SubmitAsync($"/moderation/posts/{moved}", new Dictionary<string, string> { ["Move.UnderPost"] = "" }, "form.move-form"))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using (var db = fixture.CreateContext())
        {
            var post = await db.Posts.AsNoTracking().SingleAsync(p => p.Id == moved);
            Assert.Equal((null, moved.ToString(), 0), (post.ParentId, post.Path.ToString(), post.Depth));
        }
        var page = await fixture.Anonymous.GetDocumentAsync("/t/tools-from");
        Assert.NotNull(page.QuerySelector($"section.posts > ol.post-list > li.post-item > article#p{moved}"));
        Assert.Equal("another place in this thread", page.QuerySelector($"#p{Id("tools-from", "a1")} .moved-away a.moved-to")!.TextContent);

        await UndoFromTheLogAsync((await LastActionAsync()).Id);
        Assert.Equal(before, await fixture.DumpTablesAsync());
    }

    [Theory]
    [InlineData("d5", "post {1} is one of the replies of post {0}; a post cannot move under its own replies")]
    [InlineData("a2", "post {0} cannot be moved under itself")]
    [InlineData("99999999", "there is no post 99999999")]
    [InlineData("twelve", "enter a post number")]
    [InlineData("tools-hide:b1", "thread 'tools-hide' already has a post imported as 'a2'")]
    public async Task A_move_under_its_own_replies_or_nowhere_is_refused_with_the_reason_and_changes_nothing(string under, string message)
    {
        var moved = Id("tools-from", "a2");
        var (slug, key) = under.Contains(':', StringComparison.Ordinal) ? (under.Split(':')[0], under.Split(':')[1]) : ("tools-from", under);
        var underValue = fixture.Ids.TryGetValue((slug, key), out var underId) ? underId.ToString() : under;
        var before = await fixture.DumpTablesAsync();

        using var response = await fixture.Moderator.SubmitAsync($"/moderation/posts/{moved}", new Dictionary<string, string> { ["Move.UnderPost"] = underValue }, "form.move-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(string.Format(message, moved, underValue), page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.DumpTablesAsync());
    }

    private async Task<(int From, int To)> PostCountsAsync()
    {
        await using var db = fixture.CreateContext();
        var counts = await db.Threads.Where(t => t.Slug == "tools-from" || t.Slug == "tools-to").ToDictionaryAsync(t => t.Slug, t => t.PostCount);
        return (counts["tools-from"], counts["tools-to"]);
    }

    private async Task<ModerationAction> LastActionAsync()
    {
        await using var db = fixture.CreateContext();
        return await db.ModerationActions.AsNoTracking().OrderByDescending(a => a.Id).FirstAsync();
    }

    private async Task UndoFromTheLogAsync(long actionId)
    {
        using var response = await fixture.Moderator.SubmitAsync("/moderation/log", new Dictionary<string, string>(), $"#action-{actionId} form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<JsonElement> ApiPostAsync(HttpClient client, string slug, string key)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync($"/api/threads/{slug}"));
        return document.RootElement.GetProperty("posts").EnumerateArray().Single(p => p.GetProperty("id").GetString() == key).Clone();
    }
}
