using System.Text.Json;
using Debate.Core.Anchoring;
using Debate.Core.Interchange;
using Debate.Core.Markdown;
using Debate.Core.Model;
using Debate.Core.Posting;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Interchange;

public class ImportExportTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Posted = new(2023, 11, 16, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A thread with every kind of record: revisions, a quote of an earlier wording, a reposted tweet span, a claim tag, a deleted reply.</summary>
    private static ThreadDocument RichDocument(string slug)
    {
        const string first = "I really don't like that you've taken this discussion to Twitter.";
        const string edited = "I really don't like all this discussion happening on Twitter.";
        var quoteText = MarkdownRenderer.Render(first, "x").PlainText;
        var quoted = TextAnchoring.CreateUnique(quoteText, "taken this discussion to Twitter")!;
        const string repost = "Reposting my tweet:\n\n> Counting arguments are dubious.";
        var repostText = MarkdownRenderer.Render(repost, "x").PlainText;
        var tweet = TextAnchoring.CreateUnique(repostText, "Counting arguments are dubious.")!;
        return new ThreadDocument
        {
            Format = ThreadDocument.FormatName,
            Thread = new ThreadInfo
            {
                Slug = slug,
                Title = "Scheming AIs",
                Sources = [new SourceInfo { Platform = Platform.Arxiv, Url = "https://arxiv.org/abs/2311.08379" }],
                Outline = [new OutlineInfo { Number = "4.4", Title = "Speed arguments", Links = [new LinkInfo { Platform = Platform.Podcast, Url = "https://example.org/audio", At = "05:16:10" }] }],
            },
            Authors =
            [
                new AuthorInfo { Id = "quintin-pope", DisplayName = "Quintin Pope", Accounts = [new AccountInfo { Platform = Platform.Twitter, Handle = "QuintinPope5", Url = "https://x.com/QuintinPope5" }] },
                new AuthorInfo { Id = "evan-hubinger", DisplayName = "Evan Hubinger" },
            ],
            Tags = [new TagInfo { Name = "counting-argument", Statement = "There are more schemers than non-schemers among models that do well.", Synonyms = ["counting"] }],
            Posts =
            [
                new PostInfo
                {
                    Id = "c1", AuthorId = "quintin-pope", PostedAt = Posted, Body = repost, Revisions = [new RevisionInfo { Number = 1, Body = repost }],
                    Provenance =
                    [
                        new ProvenanceInfo { Platform = Platform.LessWrong, Url = "https://www.lesswrong.com/c1", ExternalId = $"{slug}-c1", Relation = ProvenanceRelation.Original },
                        new ProvenanceInfo { Platform = Platform.Twitter, Url = $"https://x.com/QuintinPope5/status/{slug}", ExternalId = $"{slug}-tweet", AuthorHandle = "QuintinPope5", Relation = ProvenanceRelation.Repost, SpanStart = tweet.Start, SpanEnd = tweet.End, CapturedAt = Posted },
                    ],
                    Claims = [new ClaimInfo { Tag = "counting-argument", Stance = Stance.Opposes, Exact = tweet.Exact, Prefix = tweet.Prefix, Suffix = tweet.Suffix, Start = tweet.Start, End = tweet.End, Revision = 1 }],
                },
                new PostInfo
                {
                    Id = "c2", ParentId = "c1", AuthorId = "evan-hubinger", PostedAt = Posted.AddHours(1), Body = edited,
                    Revisions = [new RevisionInfo { Number = 1, Body = first }, new RevisionInfo { Number = 2, Body = edited, EditedAt = Posted.AddHours(5) }],
                },
                new PostInfo
                {
                    Id = "c3", ParentId = "c2", AuthorId = "quintin-pope", PostedAt = Posted.AddHours(2), Body = "> taken this discussion to Twitter\n\nI haven't.",
                    Revisions = [new RevisionInfo { Number = 1, Body = "> taken this discussion to Twitter\n\nI haven't." }],
                    Quotes = [new QuoteInfo { SourcePostId = "c2", SourceRevision = 1, Exact = quoted.Exact, Prefix = quoted.Prefix, Suffix = quoted.Suffix, Start = quoted.Start, End = quoted.End, Status = AnchorStatus.Orphaned }],
                },
                new PostInfo { Id = "c4", ParentId = "c1", AuthorId = "evan-hubinger", PostedAt = Posted.AddHours(3), Body = "Withdrawn.", Deleted = true, Revisions = [new RevisionInfo { Number = 1, Body = "Withdrawn." }] },
            ],
        };
    }

    private static string Json(ThreadDocument document) => JsonSerializer.Serialize(document, InterchangeJson.Options);

    private async Task<ImportResult> ImportAsync(ThreadDocument document)
    {
        await using var db = database.CreateContext();
        return await new ThreadImporter(db, TimeProvider.System).ImportAsync(document, "thread.json");
    }

    private async Task<ThreadDocument?> ExportAsync(string slug)
    {
        await using var db = database.CreateContext();
        return await ThreadExporter.ExportAsync(db, slug);
    }

    [Fact]
    public async Task Export_after_import_gives_back_the_same_document_field_for_field()
    {
        var original = RichDocument("round-trip");

        await ImportAsync(original);
        var exported = await ExportAsync("round-trip");

        Assert.Equal(Json(original), Json(exported!));
    }

    [Fact]
    public async Task A_reply_saved_while_an_import_adds_to_its_thread_is_still_counted_after_it()
    {
        var document = RichDocument("count-during-import");
        await ImportAsync(document);
        var later = new PostInfo
        {
            Id = "c5", ParentId = "c1", AuthorId = "evan-hubinger", PostedAt = Posted.AddHours(6), Body = "Imported later.",
            Revisions = [new RevisionInfo { Number = 1, Body = "Imported later." }],
        };
        long threadId, parentId, authorId;
        await using (var db = database.CreateContext())
        {
            threadId = await db.Threads.Where(t => t.Slug == "count-during-import").Select(t => t.Id).SingleAsync();
            parentId = await db.Posts.Where(p => p.ThreadId == threadId && p.ParentId == null).Select(p => p.Id).SingleAsync();
            authorId = await db.Authors.Where(a => a.Slug == "evan-hubinger").Select(a => a.Id).SingleAsync();
        }
        // The reply is saved, on its own connection, while the import is writing its posts.
        var replied = false;
        var duringImport = new InlineProgress(() =>
        {
            if (replied)
                return;
            replied = true;
            Task.Run(async () =>
            {
                await using var db = database.CreateContext();
                var result = await new PostWriter(db, TimeProvider.System).ReplyAsync(
                    new NewReply(threadId, parentId, authorId, "reply-during-import", "Saved while the import ran.", []));
                Assert.Equal(PostingOutcome.Saved, result.Outcome);
            }).WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        });

        await using (var db = database.CreateContext())
            await new ThreadImporter(db, TimeProvider.System).ImportAsync(document with { Posts = [.. document.Posts, later] }, "later.json", null, duringImport);

        Assert.True(replied);
        await using (var db = database.CreateContext())
        {
            var count = await db.Threads.Where(t => t.Id == threadId).Select(t => t.PostCount).SingleAsync();
            Assert.Equal(await db.Posts.CountAsync(p => p.ThreadId == threadId && !p.IsDeleted && p.MergedIntoId == null), count);
            Assert.Equal(5, count);
        }
    }

    private sealed class InlineProgress(Action report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report();
    }

    [Fact]
    public async Task Importing_the_same_document_twice_changes_nothing()
    {
        var document = RichDocument("twice");
        var first = await ImportAsync(document);
        var before = await CountRowsAsync();

        var second = await ImportAsync(document);

        Assert.Equal(4, first.PostsAdded);
        Assert.Equal(0, second.PostsAdded);
        Assert.Equal(4, second.PostsAlreadyPresent);
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task A_document_with_a_quote_that_does_not_match_its_source_imports_nothing()
    {
        var good = RichDocument("refused");
        var badQuote = good.Posts[2].Quotes[0] with { Exact = "words that were never written" + new string('x', 3), End = good.Posts[2].Quotes[0].Start + 32 };
        var document = good with { Posts = [.. good.Posts[..2], good.Posts[2] with { Quotes = [badQuote] }, good.Posts[3]] };
        var before = await CountRowsAsync();

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(document));

        Assert.Equal("$.posts[2].quotes[0]", Assert.Single(error.Errors).Where);
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task A_tweet_that_already_belongs_to_another_post_is_refused_by_name()
    {
        await ImportAsync(RichDocument("claimed-first"));
        var original = RichDocument("claimed-second");
        var stolen = original.Posts[0].Provenance[1] with { ExternalId = "claimed-first-tweet" };
        var document = original with { Posts = [original.Posts[0] with { Provenance = [original.Posts[0].Provenance[0], stolen] }, .. original.Posts[1..]] };
        var before = await CountRowsAsync();

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(document));

        var only = Assert.Single(error.Errors);
        Assert.Equal("$.posts[0].provenance[1].externalId", only.Where);
        Assert.Contains("claimed-first-tweet", only.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task Imported_posts_keep_their_tree_revisions_and_rendered_text()
    {
        await ImportAsync(RichDocument("stored"));

        await using var db = database.CreateContext();
        var posts = await db.Posts.Include(p => p.Revisions).Include(p => p.CurrentRevision)
            .Where(p => p.Thread!.Slug == "stored").ToDictionaryAsync(p => p.ImportKey!);
        Assert.Equal(posts["c1"].Id, posts["c2"].ParentId);
        Assert.Equal(2, posts["c3"].Depth);
        Assert.Equal($"{posts["c1"].Id}.{posts["c2"].Id}.{posts["c3"].Id}", posts["c3"].Path.ToString());
        Assert.Equal(2, posts["c2"].Revisions.Count);
        Assert.Equal(2, posts["c2"].CurrentRevision!.Number);
        Assert.Contains("<blockquote>", posts["c3"].CurrentRevision!.Html, StringComparison.Ordinal);
        Assert.Equal("I haven't.", posts["c3"].CurrentRevision!.OwnText.Trim());
        Assert.True(posts["c4"].IsDeleted);
        var thread = await db.Threads.SingleAsync(t => t.Slug == "stored");
        Assert.Equal(3, thread.PostCount);
    }

    [Fact]
    public async Task An_author_named_differently_but_with_a_known_account_is_the_same_author()
    {
        await ImportAsync(RichDocument("accounts-first"));
        var tweet = new PostInfo { Id = "t1", AuthorId = "x-quintinpope5", PostedAt = Posted, Body = "A tweet." };
        var document = new ThreadDocument
        {
            Format = ThreadDocument.FormatName,
            Thread = new ThreadInfo { Slug = "accounts-second", Title = "From X" },
            Authors = [new AuthorInfo { Id = "x-quintinpope5", DisplayName = "Quintin", Accounts = [new AccountInfo { Platform = Platform.Twitter, Handle = "QuintinPope5" }] }],
            Posts = [tweet],
        };

        await ImportAsync(document);

        await using var db = database.CreateContext();
        var post = await db.Posts.Include(p => p.Author).SingleAsync(p => p.Thread!.Slug == "accounts-second");
        Assert.Equal("quintin-pope", post.Author!.Slug);
        Assert.False(await db.Authors.AnyAsync(a => a.Slug == "x-quintinpope5"));
    }

    [Fact]
    public async Task The_raw_record_of_a_provenance_is_stored_but_not_exported()
    {
        var original = RichDocument("raw-record");
        var provenance = original.Posts[0].Provenance[0] with { RawRecord = "{\"_id\":\"c1\"}" };
        await ImportAsync(original with { Posts = [original.Posts[0] with { Provenance = [provenance, original.Posts[0].Provenance[1]] }, .. original.Posts[1..]] });

        await using var db = database.CreateContext();
        Assert.Equal("{\"_id\":\"c1\"}", await db.Provenance.Where(p => p.ExternalId == "raw-record-c1").Select(p => p.RawRecord).SingleAsync());
        Assert.DoesNotContain("rawRecord", Json((await ExportAsync("raw-record"))!), StringComparison.Ordinal);
    }

    private Task<string> CountRowsAsync() => database.CountRowsAsync();
}
