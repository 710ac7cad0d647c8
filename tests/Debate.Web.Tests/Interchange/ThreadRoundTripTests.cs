using System.Text.Json;
using Debate.Core.Accounts;
using Debate.Core.Anchoring;
using Debate.Core.Interchange;
using Debate.Core.Markdown;
using Debate.Core.Model;
using Debate.Core.Moderation;
using Debate.Core.Posting;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Interchange;

/// <summary>
/// What another tool gets from an export, and what it may send: every export imports back as the same thread (replies
/// written here, merges and hidden posts included), and a document written to the shared contract alone imports.
/// </summary>
public class ThreadRoundTripTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Posted = new(2023, 11, 16, 10, 0, 0, TimeSpan.Zero);

    private const string Claim = "Counting arguments are dubious.";
    private const string First = "I really don't like that you've taken this discussion to Twitter.";
    private const string Edited = "I really don't like all this discussion happening on Twitter.";

    /// <summary>Two authors, a post with a claim, and a reply edited once.</summary>
    private static ThreadDocument Document(string slug) => new()
    {
        Format = ThreadDocument.FormatName,
        Thread = new ThreadInfo { Slug = slug, Title = "Scheming AIs" },
        Authors =
        [
            new AuthorInfo { Id = "quintin-pope", DisplayName = "Quintin Pope" },
            new AuthorInfo { Id = "evan-hubinger", DisplayName = "Evan Hubinger" },
        ],
        Posts =
        [
            new PostInfo { Id = "c1", AuthorId = "quintin-pope", PostedAt = Posted, Body = Claim, Revisions = [new RevisionInfo { Number = 1, Body = Claim }] },
            new PostInfo
            {
                Id = "c2", ParentId = "c1", AuthorId = "evan-hubinger", PostedAt = Posted.AddHours(1), Body = Edited,
                Revisions = [new RevisionInfo { Number = 1, Body = First }, new RevisionInfo { Number = 2, Body = Edited, EditedAt = Posted.AddHours(5) }],
            },
        ],
    };

    private static string Json(ThreadDocument document) => JsonSerializer.Serialize(document, InterchangeJson.Options);

    private async Task<ImportResult> ImportAsync(ThreadDocument document)
    {
        await using var db = database.CreateContext();
        return await new ThreadImporter(db, TimeProvider.System).ImportAsync(document, "thread.json");
    }

    private async Task<ThreadDocument> ExportAsync(string slug, bool withHiddenText = true)
    {
        await using var db = database.CreateContext();
        return (await ThreadExporter.ExportAsync(db, slug, withHiddenText))!;
    }

    private async Task<long> PostIdAsync(string slug, string documentId)
    {
        await using var db = database.CreateContext();
        return await db.Posts.Where(p => p.Thread!.Slug == slug && p.ImportKey == documentId).Select(p => p.Id).SingleAsync();
    }

    private async Task<long> ReplyAsync(string slug, long parentId, string body, IReadOnlyList<QuoteSelection>? quotes = null)
    {
        await using var db = database.CreateContext();
        var parent = await db.Posts.Where(p => p.Id == parentId).Select(p => new { p.ThreadId, p.AuthorId }).SingleAsync();
        var result = await new PostWriter(db, TimeProvider.System).ReplyAsync(new NewReply(parent.ThreadId, parentId, parent.AuthorId, $"{slug}-member", body, quotes ?? []));
        Assert.Equal(PostingOutcome.Saved, result.Outcome);
        return result.PostId;
    }

    [Fact]
    public async Task A_threads_export_with_replies_written_here_imports_back_as_nothing_new()
    {
        await ImportAsync(Document("written-here"));
        var reply = await ReplyAsync("written-here", await PostIdAsync("written-here", "c2"), "Written here.");
        var replyToReply = await ReplyAsync("written-here", reply, "And answered here.");
        var exported = await ExportAsync("written-here");
        Assert.Equal(["c1", "c2", $"p{reply}", $"p{replyToReply}"], exported.Posts.Select(p => p.Id));

        var again = await ImportAsync(exported);

        Assert.Equal((0, 4), (again.PostsAdded, again.PostsAlreadyPresent));
        Assert.Equal(Json(exported), Json(await ExportAsync("written-here")));
    }

    [Fact]
    public async Task A_post_written_here_keeps_an_id_of_its_own_when_an_imported_post_has_the_plain_one()
    {
        await ImportAsync(Document("taken-id"));
        await ImportAsync(Document("taken-id-elsewhere"));
        var reply = await ReplyAsync("taken-id-elsewhere", await PostIdAsync("taken-id-elsewhere", "c1"), "Written here.");
        // Another tool's document that happens to call a post of this thread by the id the reply is exported under...
        var other = Document("taken-id");
        other = other with
        {
            Posts = [.. other.Posts, new PostInfo { Id = $"p{reply}", AuthorId = "quintin-pope", PostedAt = Posted.AddHours(2), Body = "Imported.", Revisions = [new RevisionInfo { Number = 1, Body = "Imported." }] }],
        };
        Assert.Equal(1, (await ImportAsync(other)).PostsAdded);
        // ...and then a moderator moves the reply into this thread.
        await using (var db = database.CreateContext())
        {
            var moved = await SubtreeMover.MoveAsync(db, reply, "taken-id", await PostIdAsync("taken-id", "c1"), new Moderator("moderator", "Moderator"), DateTimeOffset.UtcNow, default);
            Assert.Null(moved.Error);
        }

        var exported = await ExportAsync("taken-id");

        Assert.Empty(ThreadDocumentReader.Validate(exported));
        Assert.Equal(["c1", "c2", $"p{reply}-here", $"p{reply}"], exported.Posts.Select(p => p.Id));
        var again = await ImportAsync(exported);
        Assert.Equal((0, 4), (again.PostsAdded, again.PostsAlreadyPresent));
    }

    [Fact]
    public async Task Claims_naming_tags_the_document_does_not_define_import_as_those_tags()
    {
        // The shared contract's example: a claim names its tag, and the document has no "tags" list.
        var json = $$"""
            {
              "format": "debate-thread/1",
              "thread": { "slug": "contract-claims", "title": "Scheming AIs" },
              "authors": [ { "id": "quintin-pope", "displayName": "Quintin Pope" } ],
              "posts": [ {
                "id": "c1", "authorId": "quintin-pope", "postedAt": "2023-11-16T10:00:00Z", "body": "{{Claim}}",
                "claims": [ { "tag": "contract-counting-argument", "stance": "opposes", "exact": "{{Claim}}", "prefix": "", "suffix": "", "start": 0, "end": {{Claim.Length}} } ]
              } ]
            }
            """;

        await ImportAsync(ThreadDocumentReader.Read(json, "contract.json"));

        await using var db = database.CreateContext();
        var claim = await db.ClaimTags.Include(c => c.Tag).SingleAsync(c => db.Posts.Any(p => p.Id == c.PostId && p.Thread!.Slug == "contract-claims"));
        Assert.Equal(("contract-counting-argument", "", Stance.Opposes, ClaimState.Confirmed), (claim.Tag!.Name, claim.Tag.Statement, claim.Stance, claim.State));
    }

    [Fact]
    public void A_claim_naming_something_that_is_not_a_tag_name_is_refused_where_it_stands()
    {
        var document = Document("bad-tag");
        document.Posts[0] = document.Posts[0] with { Claims = [new ClaimInfo { Tag = "Counting Argument!", Stance = Stance.Opposes, Exact = Claim, Start = 0, End = Claim.Length }] };

        var errors = ThreadDocumentReader.Validate(document);

        var error = Assert.Single(errors);
        Assert.Equal("$.posts[0].claims[0].tag", error.Where);
        Assert.Contains("\"Counting Argument!\" is not a tag name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proposed_claim_stays_proposed_through_an_export_and_an_import()
    {
        var document = Document("proposed-claim");
        document.Posts[0] = document.Posts[0] with
        {
            Claims = [new ClaimInfo { Tag = "proposed-counting-argument", Stance = Stance.Supports, Exact = Claim, Start = 0, End = Claim.Length, State = ClaimState.Proposed }],
        };
        await ImportAsync(document);

        await using (var db = database.CreateContext())
            Assert.Equal(ClaimState.Proposed, await db.ClaimTags.Where(c => db.Posts.Any(p => p.Id == c.PostId && p.Thread!.Slug == "proposed-claim")).Select(c => c.State).SingleAsync());
        var exported = await ExportAsync("proposed-claim");
        Assert.Equal(ClaimState.Proposed, Assert.Single(exported.Posts[0].Claims).State);
        await ImportAsync(exported with { Thread = exported.Thread with { Slug = "proposed-claim-copy" } });
        await using (var db = database.CreateContext())
            Assert.Equal(ClaimState.Proposed, await db.ClaimTags.Where(c => db.Posts.Any(p => p.Id == c.PostId && p.Thread!.Slug == "proposed-claim-copy")).Select(c => c.State).SingleAsync());
    }

    [Fact]
    public async Task A_quote_declared_anchored_whose_words_were_edited_away_since_is_stored_orphaned()
    {
        var document = Document("edited-away");
        var quoted = TextAnchoring.CreateUnique(MarkdownRenderer.Render(First, "x").PlainText, "taken this discussion to Twitter")!;
        document.Posts.Add(new PostInfo
        {
            Id = "c3", ParentId = "c2", AuthorId = "quintin-pope", PostedAt = Posted.AddHours(2), Body = "> taken this discussion to Twitter\n\nI haven't.",
            Quotes = [new QuoteInfo { SourcePostId = "c2", SourceRevision = 1, Exact = quoted.Exact, Prefix = quoted.Prefix, Suffix = quoted.Suffix, Start = quoted.Start, End = quoted.End, Status = AnchorStatus.Anchored }],
        });

        await ImportAsync(document);

        await using var db = database.CreateContext();
        var quote = await db.Quotes.SingleAsync(q => db.Posts.Any(p => p.Id == q.PostId && p.Thread!.Slug == "edited-away"));
        Assert.Equal((AnchorStatus.Orphaned, (int?)null), (quote.Status, quote.CurrentStart));
    }

    [Fact]
    public async Task A_readers_export_leaves_out_quotes_of_hidden_words_and_imports_whole()
    {
        await ImportAsync(Document("hidden-source"));
        var c1 = await PostIdAsync("hidden-source", "c1");
        long revision;
        await using (var db = database.CreateContext())
            revision = await db.Posts.Where(p => p.Id == c1).Select(p => p.CurrentRevisionId!.Value).SingleAsync();
        await ReplyAsync("hidden-source", c1, $"> {Claim}\n\nAre they?", [new QuoteSelection(c1, revision, 0, Claim.Length, Claim)]);
        await using (var db = database.CreateContext())
            await db.Posts.Where(p => p.Id == c1).ExecuteUpdateAsync(set => set.SetProperty(p => p.IsHidden, true));

        var forReaders = await ExportAsync("hidden-source", withHiddenText: false);
        var forModerators = await ExportAsync("hidden-source");

        Assert.Empty(forReaders.Posts.Single(p => p.ParentId == "c1" && p.Id != "c2").Quotes);
        Assert.Single(forModerators.Posts.Single(p => p.ParentId == "c1" && p.Id != "c2").Quotes);
        var copy = await ImportAsync(forReaders with { Thread = forReaders.Thread with { Slug = "hidden-source-copy" } });
        Assert.Equal(3, copy.PostsAdded);
    }

    [Fact]
    public async Task A_post_nested_too_deep_to_render_refuses_the_file_by_post_and_revision_and_imports_nothing()
    {
        var deep = string.Concat(Enumerable.Repeat("> ", 128)) + "deep";
        var document = Document("too-deep");
        document.Posts[1] = document.Posts[1] with { Body = deep, Revisions = [new RevisionInfo { Number = 1, Body = First }, new RevisionInfo { Number = 2, Body = deep, EditedAt = Posted.AddHours(5) }] };
        var before = await database.CountRowsAsync();

        var refused = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(document));

        Assert.Equal("thread.json", refused.File);
        var error = Assert.Single(refused.Errors);
        Assert.Equal(("post \"c2\", revision 2", Debate.Core.Markdown.MarkdownTooDeepException.Explanation), (error.Where, error.Message));
        Assert.Equal(before, await database.CountRowsAsync());
    }

    [Fact]
    public async Task A_deleted_posts_words_are_in_a_moderators_export_only()
    {
        await ImportAsync(Document("deleted-words"));
        await using (var db = database.CreateContext())
        {
            var deleted = await new PostWriter(db, TimeProvider.System).DeleteAsync(await PostIdAsync("deleted-words", "c2"));
            Assert.Equal(PostingOutcome.Saved, deleted.Outcome);
        }

        var forReaders = (await ExportAsync("deleted-words", withHiddenText: false)).Posts.Single(p => p.Id == "c2");
        var forModerators = (await ExportAsync("deleted-words")).Posts.Single(p => p.Id == "c2");

        Assert.Equal((true, "", 0), (forReaders.Deleted, forReaders.Body, forReaders.Revisions.Count));
        Assert.Equal((true, Edited, 2), (forModerators.Deleted, forModerators.Body, forModerators.Revisions.Count));
    }

    [Fact]
    public async Task A_quote_of_a_repost_merged_into_its_original_exports_at_the_words_in_the_original()
    {
        // c1 says the claim; c2 reposts it word for word; c3 quotes the repost.
        var document = Document("merged-source");
        document.Posts[1] = document.Posts[1] with { ParentId = null, Body = Claim, Revisions = [new RevisionInfo { Number = 1, Body = Claim }] };
        document.Posts.Add(new PostInfo
        {
            Id = "c3", ParentId = "c2", AuthorId = "quintin-pope", PostedAt = Posted.AddHours(2), Body = $"> {Claim}\n\nAre they?",
            Quotes = [new QuoteInfo { SourcePostId = "c2", SourceRevision = 1, Exact = Claim, Start = 0, End = Claim.Length }],
        });
        await ImportAsync(document);
        await using (var db = database.CreateContext())
        {
            var merged = await PostMerger.MergeAsync(db, await PostIdAsync("merged-source", "c1"), [await PostIdAsync("merged-source", "c2")], new Moderator("moderator", "Moderator"), Posted.AddDays(1), default);
            Assert.Null(merged.Error);
        }

        var exported = await ExportAsync("merged-source");

        var quote = Assert.Single(exported.Posts.Single(p => p.Id == "c3").Quotes);
        Assert.Equal(("c1", 1, 0, Claim.Length), (quote.SourcePostId, quote.SourceRevision, quote.Start, quote.End));
        // c2 is merged away and its reply c3 moved under c1: two posts, and the quote with them.
        Assert.Equal(2, (await ImportAsync(exported with { Thread = exported.Thread with { Slug = "merged-source-copy" } })).PostsAdded);
    }
}
