using System.Net;
using Debate.Core.Model;
using Debate.Core.Posting;
using Debate.Web.Tests.Infrastructure;
using Debate.Web.Tests.Reading;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Posting;

public class ReplyTests(PostingAppFixture fixture) : IClassFixture<PostingAppFixture>
{
    private const string Slug = PostingAppFixture.Slug;

    private long Id(string key) => fixture.Ids[key];

    [Fact]
    public async Task A_reply_quoting_two_posts_is_saved_with_both_quotes_anchored_and_linked_to_their_spans()
    {
        var client = await fixture.LoggedInClientAsync("quoter");
        var first = await fixture.QuoteAsync(Id("a1"), ReadingThread.CountingWords);
        var second = await fixture.QuoteAsync(Id("b1"), "A second thought");

        var replyId = await PostingAppFixture.PostAsync(client, Id("a1"),
            $"> {first.Exact}\n\nNot dubious at all.\n\n> {second.Exact}\n\nAnd this one too.", first, second);

        await using (var db = fixture.CreateContext())
        {
            var reply = await db.Posts.Include(p => p.Author).Include(p => p.CurrentRevision).SingleAsync(p => p.Id == replyId);
            Assert.Equal(Id("a1"), reply.ParentId);
            Assert.Equal("quoter", reply.Author!.DisplayName);
            Assert.Equal(1, reply.CurrentRevision!.Number);
            var quotes = await db.Quotes.Where(q => q.PostId == replyId).OrderBy(q => q.Id).ToListAsync();
            Assert.Equal([Id("a1"), Id("b1")], quotes.Select(q => q.SourcePostId));
            Assert.All(quotes, q => Assert.Equal(AnchorStatus.Anchored, q.Status));
            Assert.Equal((first.Start, first.End, first.RevisionId), (quotes[0].CurrentStart!.Value, quotes[0].CurrentEnd!.Value, quotes[0].SourceRevisionId));
        }

        // On the new post's page each quote names its source and links to the very words.
        var page = await client.GetDocumentAsync($"/t/{Slug}/p/{replyId}");
        var sources = page.QuerySelectorAll($"#p{replyId} a.quote-source").ToList();
        Assert.Equal(2, sources.Count);
        Assert.Equal($"#p{Id("a1")}-s{first.Start}-{first.End}", sources[0].GetAttribute("href"));
        Assert.Equal($"/t/{Slug}/p/{Id("b1")}#p{Id("b1")}-s{second.Start}-{second.End}", sources[1].GetAttribute("href"));
        // And the source's words lead back to the reply.
        var thread = await client.GetDocumentAsync($"/t/{Slug}");
        Assert.Contains(thread.QuerySelectorAll($"#p{Id("b1")} a.quoted-by"), a => a.GetAttribute("href") == $"#p{replyId}-q{QuoteIdIn(page, replyId, 1)}");
    }

    [Fact]
    public async Task A_reply_sent_while_a_moderator_merges_its_parent_waits_for_the_merge_and_is_refused()
    {
        var client = await fixture.LoggedInClientAsync("merge-racer");
        var keep = await PostingAppFixture.PostAsync(client, null, "The post kept.");
        var parent = await PostingAppFixture.PostAsync(client, null, "The post about to be merged into it.");
        await using var merge = new Npgsql.NpgsqlConnection(fixture.ConnectionString);
        await merge.OpenAsync();
        await using var transaction = await merge.BeginTransactionAsync();
        // The merge holds both rows, as PostMerger does, while the reply is sent.
        await using (var lockRows = new Npgsql.NpgsqlCommand($"SELECT 1 FROM posts WHERE id IN ({keep}, {parent}) FOR UPDATE", merge, transaction))
            await lockRows.ExecuteNonQueryAsync();

        var reply = PostingAppFixture.ReplyAsync(client, parent, "Sent just as it was merged.");
        await DatabaseFixture.WaitUntilAsync(async () => await fixture.SessionsWaitingOnLocksAsync() > 0, () => "the reply to wait for the merge's lock");
        await using (var merged = new Npgsql.NpgsqlCommand($"UPDATE posts SET merged_into_id = {keep} WHERE id = {parent}", merge, transaction))
            await merged.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        using var response = await reply;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("The post you reply to is not in this thread any more.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sent just as it was merged.", page.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());
        await using var db = fixture.CreateContext();
        Assert.False(await db.Posts.AnyAsync(p => p.ParentId == parent));
    }

    [Fact]
    public async Task A_form_sent_again_stores_nothing_more_but_the_same_words_from_a_new_form_or_other_words_from_the_old_one_are_new_replies()
    {
        var client = await fixture.LoggedInClientAsync("resender");
        var path = $"/t/{Slug}/reply?to={Id("a2")}";
        var form = await PostingAppFixture.OpenFormAsync(client, path, "form.reply-form");
        form["Input.Body"] = "Agreed.";

        var first = await SendAsync(form);
        Assert.Equal(first, await SendAsync(form));
        // The same words again from a form opened anew: someone meaning to say it twice.
        var again = await PostingAppFixture.OpenFormAsync(client, path, "form.reply-form");
        again["Input.Body"] = "Agreed.";
        var second = await SendAsync(again);
        // The first form brought back (the browser's Back button) and changed: what it now says is a new reply.
        form["Input.Body"] = "Agreed, with one reservation.";
        var third = await SendAsync(form);

        Assert.Equal(3, new[] { first, second, third }.Distinct().Count());
        await using var db = fixture.CreateContext();
        var replies = await db.Posts.Where(p => p.ParentId == Id("a2") && p.Author!.DisplayName == "resender")
            .OrderBy(p => p.Id).Select(p => p.CurrentRevision!.Body).ToListAsync();
        Assert.Equal(["Agreed.", "Agreed.", "Agreed, with one reservation."], replies);

        async Task<string> SendAsync(Dictionary<string, string> fields)
        {
            using var response = await client.PostAsync($"/t/{Slug}/reply", new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return response.Headers.Location!.ToString();
        }
    }

    [Fact]
    public async Task A_quote_that_no_longer_matches_its_revision_is_refused_by_number_and_the_typed_text_is_kept()
    {
        var client = await fixture.LoggedInClientAsync("mismatch");
        var good = await fixture.QuoteAsync(Id("a1"), ReadingThread.CountingWords);
        var real = await fixture.QuoteAsync(Id("a4"), "I side with Evan here:");
        var stale = real with { Exact = "I side with Quintin here:" };
        var body = $"> {good.Exact}\n\nMy point.\n\n> {stale.Exact}\n\nAnother point.";
        var before = await fixture.CountRowsAsync();

        using var response = await PostingAppFixture.ReplyAsync(client, Id("a4"), body, good, stale);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var error = PostingAppFixture.FieldError(page, ".reply-quote[data-quote-index='1'] .field-error");
        Assert.StartsWith("Quote 2 (\u201cI side with Quintin here:\u201d) no longer matches Joe Carlsmith's post", error, StringComparison.Ordinal);
        Assert.Equal("", PostingAppFixture.FieldError(page, ".reply-quote[data-quote-index='0'] .field-error"));
        Assert.Equal(body, page.QuerySelector("textarea[name='Input.Body']")!.TextContent.ReplaceLineEndings("\n").TrimStart('\n'));
        // Both quotes are still in the form, so the one that matched need not be selected again.
        Assert.Equal(good.Exact, page.QuerySelector("input[name='Input.Quotes[0].Exact']")!.GetAttribute("value"));
        Assert.Equal(before, await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task A_quote_taken_out_of_the_text_is_refused_rather_than_linked_to_nothing()
    {
        var client = await fixture.LoggedInClientAsync("dropped");
        var quote = await fixture.QuoteAsync(Id("a1"), ReadingThread.CountingWords);
        var before = await fixture.CountRowsAsync();

        using var response = await PostingAppFixture.ReplyAsync(client, Id("a1"), "I removed the quoted words but not the quote.", quote);

        // The form comes back (200, not a redirect to the new post), and nothing was written.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("is not in your text as a > quote any more", PostingAppFixture.FieldError(page, ".reply-quote .field-error"), StringComparison.Ordinal);
        Assert.Equal("I removed the quoted words but not the quote.", page.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());
        Assert.Equal(before, await fixture.CountRowsAsync());
    }

    [Theory]
    [InlineData("   ", "Write something first: the text is empty.")]
    [InlineData("> > > > four deep", "Quotes nest more than 3 deep")]
    public async Task A_refused_text_gets_its_message_next_to_the_field_and_is_kept(string body, string message)
    {
        var client = await fixture.LoggedInClientAsync("writer" + message.Length);
        var before = await fixture.CountRowsAsync();

        using var response = await PostingAppFixture.ReplyAsync(client, Id("a1"), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await fixture.CountRowsAsync());
        var page = await response.ReadDocumentAsync();
        Assert.StartsWith(message, PostingAppFixture.FieldError(page, "#reply-body-error"), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#reply-body")!.GetAttribute("aria-invalid"));
        Assert.Equal(body.Trim(), page.QuerySelector("#reply-body")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_text_over_the_limit_is_refused_whole_never_cut_and_the_limits_are_stated_on_the_form()
    {
        var client = await fixture.LoggedInClientAsync("longwinded");
        var body = new string('x', PostRules.BodyMaxLength + 1);

        var form = await client.GetDocumentAsync($"/t/{Slug}/reply?to={Id("a1")}");
        using var response = await PostingAppFixture.ReplyAsync(client, Id("a1"), body);

        Assert.Contains("Up to 20,000 characters", form.QuerySelector("#reply-rules")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("nest 3 deep", form.QuerySelector("#reply-rules")!.TextContent, StringComparison.Ordinal);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("The text has 20,001 characters; a post has at most 20,000. Shorten it; nothing was cut.", PostingAppFixture.FieldError(page, "#reply-body-error"));
        Assert.Equal(body, page.QuerySelector("#reply-body")!.TextContent.TrimStart('\n'));
    }

    [Fact]
    public async Task A_text_nested_too_deep_to_render_is_refused_by_the_form_and_the_preview_not_failed()
    {
        // 128 levels of "> ": Markdig gives up at that depth; the page used to answer 500.
        var body = string.Concat(Enumerable.Repeat("> ", 128)) + "deep";
        var client = await fixture.LoggedInClientAsync("deep-nester");
        var before = await fixture.CountRowsAsync();

        using var response = await PostingAppFixture.ReplyAsync(client, Id("a1"), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await fixture.CountRowsAsync());
        var page = await response.ReadDocumentAsync();
        Assert.Equal(Debate.Core.Markdown.MarkdownTooDeepException.Explanation, PostingAppFixture.FieldError(page, "#reply-body-error"));
        Assert.Equal(body, page.QuerySelector("#reply-body")!.TextContent.TrimStart('\n'));

        var fields = await PostingAppFixture.OpenFormAsync(client, $"/t/{Slug}/reply", "form.reply-form");
        fields["Input.Body"] = body;
        using var preview = await client.PostAsync("/compose/preview", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains(Debate.Core.Markdown.MarkdownTooDeepException.Explanation, await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_renders_and_sanitises_as_a_saved_post_is()
    {
        var client = await fixture.LoggedInClientAsync("previewer");
        var fields = await PostingAppFixture.OpenFormAsync(client, $"/t/{Slug}/reply", "form.reply-form");
        fields["Input.Body"] = "**bold** [bad](javascript:alert(1)) <script>alert(2)</script>\n\n> quoted";

        using var response = await client.PostAsync("/compose/preview", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replying_needs_an_account_and_a_locked_thread_takes_no_replies()
    {
        var anonymous = fixture.App.CreateBrowserLikeClient();
        using var form = await anonymous.GetAsync($"/t/{Slug}/reply?to={Id("a1")}");
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.StartsWith("/account/login", form.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        var client = await fixture.LoggedInClientAsync("latecomer");
        // The form was open before the lock; the reply is sent after it.
        var path = $"/t/{Slug}/reply?to={Id("b1")}";
        var fields = await PostingAppFixture.OpenFormAsync(client, path, "form.reply-form");
        fields["Input.Body"] = "Too late?";
        await SetLockedAsync(true);
        try
        {
            using var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
            var page = await response.ReadDocumentAsync();
            Assert.Equal("This thread is locked: it takes no new replies.", page.QuerySelector(".locked-notice")!.TextContent);
            Assert.Null(page.QuerySelector("form.reply-form"));
            // Nothing typed is lost: the text stands on the page to copy.
            Assert.Equal("Too late?", page.QuerySelector(".kept-text pre")!.TextContent);
            await using var db = fixture.CreateContext();
            Assert.False(await db.PostRevisions.AnyAsync(r => r.Body == "Too late?"));
        }
        finally
        {
            await SetLockedAsync(false);
        }
    }

    [Fact]
    public async Task The_thread_page_offers_a_reply_link_on_every_post_and_the_form_to_open_in_place_to_members()
    {
        var anonymous = fixture.App.CreateBrowserLikeClient();
        var client = await fixture.LoggedInClientAsync("reader");

        var asAnonymous = await anonymous.GetDocumentAsync($"/t/{Slug}");
        var asMember = await client.GetDocumentAsync($"/t/{Slug}");

        Assert.Equal($"/t/{Slug}/reply?to={Id("a1")}", asAnonymous.QuerySelector($"#p{Id("a1")} a.reply-link")!.GetAttribute("href"));
        Assert.Null(asAnonymous.QuerySelector("#reply-template"));
        Assert.NotNull(asMember.QuerySelector("#reply-template"));
        // Nobody but a moderator edits imported authors' posts.
        Assert.Empty(asMember.QuerySelectorAll("a.edit-link"));
        Assert.Equal(Id("a1").ToString(System.Globalization.CultureInfo.InvariantCulture), asMember.QuerySelector($"#p{Id("a1")}")!.GetAttribute("data-post-id"));
    }

    private async Task SetLockedAsync(bool locked)
    {
        await using var db = fixture.CreateContext();
        await db.Threads.Where(t => t.Slug == Slug).ExecuteUpdateAsync(s => s.SetProperty(t => t.IsLocked, locked));
    }

    /// <summary>The id of the reply's <paramref name="index"/>th quote, from its source link's id ("p12-q34").</summary>
    private static string QuoteIdIn(AngleSharp.Dom.IDocument page, long replyId, int index)
    {
        var id = page.QuerySelectorAll($"#p{replyId} a.quote-source")[index].Id!;
        return id[(id.LastIndexOf('q') + 1)..];
    }
}
