using System.Net;
using Debate.Core.Interchange;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Posting;

/// <summary>Writers racing on the same post, each with its own client (and so its own request and database context).</summary>
public class ConcurrentPostingTests(PostingAppFixture fixture) : IClassFixture<PostingAppFixture>
{
    private const string Slug = PostingAppFixture.Slug;
    private const int Writers = 8;

    private static string EditPath(long postId) => $"/t/{Slug}/p/{postId}/edit";

    [Fact]
    public async Task Simultaneous_edits_from_one_revision_save_exactly_one_and_refuse_the_others_with_a_conflict()
    {
        var author = await fixture.LoggedInClientAsync("racing-editor");
        var postId = await PostingAppFixture.PostAsync(author, null, "The text every tab opened.");
        // Every tab opened the form at the same revision, then all are saved at once.
        var tabs = new List<Dictionary<string, string>>();
        for (var i = 0; i < Writers; i++)
        {
            var fields = await PostingAppFixture.OpenFormAsync(author, EditPath(postId), "form.edit-form");
            fields["Input.Body"] = $"The text as tab {i} saved it.";
            tabs.Add(fields);
        }

        var responses = await Task.WhenAll(tabs.Select(async fields =>
        {
            using var response = await author.PostAsync(EditPath(postId), new FormUrlEncodedContent(fields));
            return (response.StatusCode, Body: fields["Input.Body"]);
        }));

        var saved = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await using var db = fixture.CreateContext();
        var revisions = await db.PostRevisions.Where(r => r.PostId == postId).OrderBy(r => r.Number).ToListAsync();
        Assert.Equal(["The text every tab opened.", saved.Body], revisions.Select(r => r.Body));
        Assert.Equal([1, 2], revisions.Select(r => r.Number));
        Assert.Equal(revisions[1].Id, await db.Posts.Where(p => p.Id == postId).Select(p => p.CurrentRevisionId).SingleAsync());
    }

    [Fact]
    public async Task Simultaneous_edits_each_from_the_latest_revision_keep_every_revision_in_order()
    {
        var author = await fixture.LoggedInClientAsync("chained-editor");
        var postId = await PostingAppFixture.PostAsync(author, null, "Revision one.");

        // Each writer reopens the form after a conflict, as a person would, until their text is saved.
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(async i =>
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var fields = await PostingAppFixture.OpenFormAsync(author, EditPath(postId), "form.edit-form");
                fields["Input.Body"] = $"Text from writer {i}.";
                using var response = await author.PostAsync(EditPath(postId), new FormUrlEncodedContent(fields));
                if (response.StatusCode == HttpStatusCode.Redirect)
                    return;
                Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            }
            Assert.Fail($"writer {i} never saved");
        }));

        await using var db = fixture.CreateContext();
        var revisions = await db.PostRevisions.Where(r => r.PostId == postId).OrderBy(r => r.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, Writers + 1), revisions.Select(r => r.Number));
        Assert.Equal(Enumerable.Range(0, Writers).Select(i => $"Text from writer {i}.").Order(), revisions.Skip(1).Select(r => r.Body).Order());
        Assert.Equal(revisions[^1].Id, await db.Posts.Where(p => p.Id == postId).Select(p => p.CurrentRevisionId).SingleAsync());
    }

    [Fact]
    public async Task Simultaneous_replies_to_one_post_are_all_stored_with_unique_paths_and_an_exact_post_count()
    {
        var parentId = fixture.Ids["a1"];
        var members = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => fixture.LoggedInClientAsync($"racing-replier-{i}")));
        int countBefore;
        await using (var db = fixture.CreateContext())
            countBefore = await db.Threads.Where(t => t.Slug == Slug).Select(t => t.PostCount).SingleAsync();

        var ids = await Task.WhenAll(members.Select((client, i) => PostingAppFixture.PostAsync(client, parentId, $"Racing reply {i}.")));

        await using (var db = fixture.CreateContext())
        {
            var replies = await db.Posts.Where(p => ids.Contains(p.Id)).Include(p => p.CurrentRevision).ToListAsync();
            Assert.Equal(Writers, replies.Count);
            Assert.All(replies, r => Assert.Equal(parentId, r.ParentId));
            Assert.Equal(Enumerable.Range(0, Writers).Select(i => $"Racing reply {i}.").Order(), replies.Select(r => r.CurrentRevision!.Body).Order());
            Assert.Equal(Writers, replies.Select(r => r.Path.ToString()).Distinct().Count());
            var thread = await db.Threads.SingleAsync(t => t.Slug == Slug);
            Assert.Equal(countBefore + Writers, thread.PostCount);
            Assert.Equal(await db.Posts.CountAsync(p => p.ThreadId == thread.Id && !p.IsDeleted && p.MergedIntoId == null), thread.PostCount);
        }
    }

    [Fact]
    public async Task A_reply_form_sent_several_times_at_once_stores_one_reply_and_every_send_lands_on_it()
    {
        var author = await fixture.LoggedInClientAsync("double-clicker");
        var fields = await PostingAppFixture.OpenFormAsync(author, $"/t/{Slug}/reply?to={fixture.Ids["b1"]}", "form.reply-form");
        fields["Input.Body"] = "Sent once, arriving four times.";
        int countBefore;
        await using (var db = fixture.CreateContext())
            countBefore = await db.Threads.Where(t => t.Slug == Slug).Select(t => t.PostCount).SingleAsync();

        // A double click, a resent request: the same opened form, sent again before the first answer came back.
        var locations = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await author.PostAsync($"/t/{Slug}/reply", new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return response.Headers.Location!.ToString();
        }));

        Assert.Single(locations.Distinct());
        await using (var db = fixture.CreateContext())
        {
            var stored = await db.PostRevisions.Where(r => r.Body == "Sent once, arriving four times.").Select(r => r.PostId).ToListAsync();
            var postId = Assert.Single(stored);
            Assert.EndsWith($"#p{postId}", locations[0], StringComparison.Ordinal);
            Assert.Equal(countBefore + 1, await db.Threads.Where(t => t.Slug == Slug).Select(t => t.PostCount).SingleAsync());
        }
    }

    [Fact]
    public async Task Simultaneous_deletes_each_take_one_from_the_post_count_and_a_post_deleted_twice_at_once_only_one()
    {
        var members = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => fixture.LoggedInClientAsync($"racing-deleter-{i}")));
        var ids = await Task.WhenAll(members.Select((client, i) => PostingAppFixture.PostAsync(client, fixture.Ids["a1"], $"A reply to take back {i}.")));
        int countBefore;
        await using (var db = fixture.CreateContext())
            countBefore = await db.Threads.Where(t => t.Slug == Slug).Select(t => t.PostCount).SingleAsync();
        // Every author deletes their reply, and presses the button twice: two tabs' forms sent at the same moment.
        var forms = new List<(HttpClient Client, long PostId, Dictionary<string, string> Fields)>();
        foreach (var (client, postId) in members.Zip(ids))
        {
            for (var tab = 0; tab < 2; tab++)
                forms.Add((client, postId, await PostingAppFixture.OpenFormAsync(client, EditPath(postId), "form.delete-form")));
        }

        var statuses = await Task.WhenAll(forms.Select(async form =>
        {
            using var response = await form.Client.PostAsync(EditPath(form.PostId) + "?handler=Delete", new FormUrlEncodedContent(form.Fields));
            return response.StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Redirect, status));
        await using (var db = fixture.CreateContext())
        {
            Assert.Equal(Writers, await db.Posts.CountAsync(p => ids.Contains(p.Id) && p.IsDeleted));
            var thread = await db.Threads.SingleAsync(t => t.Slug == Slug);
            Assert.Equal(countBefore - Writers, thread.PostCount);
            Assert.Equal(await db.Posts.CountAsync(p => p.ThreadId == thread.Id && !p.IsDeleted && p.MergedIntoId == null), thread.PostCount);
        }
    }

    [Fact]
    public async Task Exporting_a_thread_while_replies_arrive_gives_every_post_its_own_text()
    {
        var members = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => fixture.LoggedInClientAsync($"export-replier-{i}")));
        var reader = fixture.App.CreateClient();
        using var stop = new CancellationTokenSource();
        var writing = Task.WhenAll(members.Select(async (client, i) =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
                await PostingAppFixture.PostAsync(client, fixture.Ids["b1"], $"Reply {n} from {i} during the export.");
        }));

        try
        {
            for (var round = 0; round < 30; round++)
            {
                using var response = await reader.GetAsync($"/api/threads/{Slug}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var document = System.Text.Json.JsonSerializer.Deserialize<ThreadDocument>(await response.Content.ReadAsStringAsync(), InterchangeJson.Options)!;
                // A reader's export withholds the words of deleted and hidden posts (other tests here delete some).
                Assert.All(document.Posts.Where(p => !p.Deleted && !p.Hidden), p => Assert.Equal(p.Revisions[^1].Body, p.Body));
                Assert.All(document.Posts.Where(p => p.Deleted || p.Hidden), p => Assert.Equal(("", 0), (p.Body, p.Revisions.Count)));
            }
        }
        finally
        {
            // Stopped whatever happened, or the writers go on posting into the next test's thread.
            await stop.CancelAsync();
            await writing;
        }
    }
}
