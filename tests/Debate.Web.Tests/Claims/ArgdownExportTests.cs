using System.Net;
using System.Text.RegularExpressions;
using Debate.Core.Data;
using Debate.Core.Interchange;
using Debate.Core.Model;
using Debate.Web.Tests.Infrastructure;
using Debate.Web.Tests.Reading;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Claims;

/// <summary>
/// A thread whose claims cover every case docs/formats/argdown-export.md names: confirmed claims on visible posts, and
/// others (proposed, removed, on a deleted, a hidden or a merged post) that must not be exported; an author name with
/// brackets; a statement and tagged words with line breaks. And a draft thread, which readers cannot see.
/// </summary>
public class ArgdownAppFixture : AppFixture
{
    public const string Slug = "argdown-export";
    public const string DraftSlug = "argdown-draft";
    public static readonly DateTimeOffset Posted = new(2023, 11, 16, 10, 0, 0, TimeSpan.Zero);

    public const string AnnName = "Ann [LW] <ann>";
    public const string Statement = "Far more goals fit training\nthan the ones we want.";
    public const string RootBody = "Counting arguments prove too much.\n\nThey count [functions] <not> outcomes.";
    /// <summary>Across the paragraph break of <see cref="RootBody"/>, brackets and all.</summary>
    public const string RootWords = "much.\nThey count [functions] <not> outcomes";

    public IReadOnlyDictionary<string, long> Ids { get; private set; } = new Dictionary<string, long>();

    private static PostInfo Post(string id, string author, int hour, string body, ClaimInfo claim, string? parent = "p1") =>
        new() { Id = id, ParentId = parent, AuthorId = author, PostedAt = Posted.AddHours(hour), Body = body, Claims = [claim] };

    protected override async Task PrepareAsync(DebateDbContext db)
    {
        const string bob = "That proves too little, if anything.";
        const string cat = "Proposed by a member, not yet confirmed.";
        const string dan = "Words of a post deleted since.";
        const string eve = "Words of a post a moderator hid.";
        const string fay = "A claim its author removed.";
        const string gus = "A repost, merged into Bob's.";
        var document = new ThreadDocument
        {
            Format = ThreadDocument.FormatName,
            Thread = new ThreadInfo { Slug = Slug, Title = "Argdown, exported" },
            Authors =
            [
                new AuthorInfo { Id = "ann", DisplayName = AnnName },
                new AuthorInfo { Id = "bob", DisplayName = "Bob" },
                new AuthorInfo { Id = "cat", DisplayName = "Cat" },
                new AuthorInfo { Id = "dan", DisplayName = "Dan" },
                new AuthorInfo { Id = "eve", DisplayName = "Eve" },
                new AuthorInfo { Id = "fay", DisplayName = "Fay" },
                new AuthorInfo { Id = "gus", DisplayName = "Gus" },
            ],
            Tags =
            [
                new TagInfo { Name = "counting", Statement = Statement },
                new TagInfo { Name = "hidden-only", Statement = "Only a hidden post argues this." },
            ],
            Posts =
            [
                Post("p1", "ann", 0, RootBody, ReadingThread.Claim("counting", Stance.Supports, RootBody, RootWords), parent: null),
                Post("p2", "bob", 1, bob, ReadingThread.Claim("counting", Stance.Opposes, bob, "proves too little")),
                Post("p3", "cat", 2, cat, ReadingThread.Claim("counting", Stance.Supports, cat, "Proposed by a member") with { State = ClaimState.Proposed }),
                Post("p4", "dan", 3, dan, ReadingThread.Claim("counting", Stance.Opposes, dan, "Words of a post deleted")) with { Deleted = true },
                Post("p5", "eve", 4, eve, ReadingThread.Claim("hidden-only", Stance.Supports, eve, "Words of a post a moderator hid")) with { Hidden = true },
                Post("p6", "fay", 5, fay, ReadingThread.Claim("counting", Stance.Neutral, fay, "A claim its author removed") with { State = ClaimState.Removed }),
                Post("p7", "gus", 6, gus, ReadingThread.Claim("counting", Stance.Opposes, gus, "A repost")),
            ],
        };
        await new ThreadImporter(db, TimeProvider.System).ImportAsync(document, "argdown.json");
        Ids = await db.Posts.Where(p => p.Thread!.Slug == Slug).ToDictionaryAsync(p => p.ImportKey!, p => p.Id);
        // Gus's repost folded into Bob's post by a moderator's merge.
        var merged = await db.Posts.SingleAsync(p => p.Id == Ids["p7"]);
        merged.MergedIntoId = Ids["p2"];
        await db.SaveChangesAsync();

        await new ThreadImporter(db, TimeProvider.System).ImportAsync(new ThreadDocument
        {
            Format = ThreadDocument.FormatName,
            Thread = new ThreadInfo { Slug = DraftSlug, Title = "A draft", Status = ThreadStatus.Draft },
            Authors = [new AuthorInfo { Id = "ann", DisplayName = AnnName }],
            Posts = [Post("d1", "ann", 0, "A draft's claim.", ReadingThread.Claim("counting", Stance.Supports, "A draft's claim.", "claim"), parent: null)],
        }, "draft.json");
    }
}

/// <summary>docs/formats/argdown-export.md: what GET /t/{slug}/arguments.argdown exports, and how titles and text are made safe.</summary>
public class ArgdownExportTests(ArgdownAppFixture fixture) : IClassFixture<ArgdownAppFixture>
{
    private const string Path = $"/t/{ArgdownAppFixture.Slug}/arguments.argdown";

    private long Id(string key) => fixture.Ids[key];

    /// <summary>Ann's argument title: her name's brackets and angle brackets turned into parentheses.</summary>
    private string AnnTitle => $"Ann (LW) (ann), post {Id("p1")}, on counting";

    private string BobTitle => $"Bob, post {Id("p2")}, on counting";

    private async Task<string> ExportAsync()
    {
        using var response = await fixture.App.CreateClient().GetAsync(Path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Only_confirmed_claims_on_posts_a_reader_can_see_are_exported()
    {
        // All seven claims are stored, each anchored in its post: what leaves five out is the export's rule alone.
        await using (var db = fixture.CreateContext())
            Assert.Equal(7, await db.ClaimTags.CountAsync(c => c.CurrentStart != null && db.Posts.Any(p => p.Id == c.PostId && p.Thread!.Slug == ArgdownAppFixture.Slug)));

        var text = await ExportAsync();

        // Every argument (a line "<title>: words ..."): Ann's and Bob's, nobody else's.
        var arguments = Regex.Matches(text, @"^<([^>\n]+)>: ", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([AnnTitle, BobTitle], arguments);
        Assert.Equal(["counting"], Regex.Matches(text, @"^# (.+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Where(h => h != "Answers"));
        // Proposed (Cat), deleted (Dan), hidden (Eve, the only one on hidden-only), removed (Fay), merged (Gus): not a word of them.
        foreach (var absent in new[] { "Cat", "Dan", "Eve", "Fay", "Gus", "hidden-only", "deleted since", "moderator hid", "A repost" })
            Assert.DoesNotContain(absent, text, StringComparison.Ordinal);
        Assert.Contains($"\n# Answers\n\n// <{BobTitle}> replies to <{AnnTitle}>, opposes\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Brackets_in_titles_become_parentheses_and_the_tagged_words_and_author_keep_theirs()
    {
        var text = await ExportAsync();

        Assert.Contains($"\n  + <{AnnTitle}>\n  - <{BobTitle}>\n", text, StringComparison.Ordinal);
        Assert.Contains(
            $"\n<{AnnTitle}>: “much. They count [functions] <not> outcomes” #supports "
            + $"{{url: \"http://localhost/t/{ArgdownAppFixture.Slug}/p/{Id("p1")}\", author: \"{ArgdownAppFixture.AnnName}\", posted: 2023-11-16T10:00Z}}\n",
            text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_breaks_in_the_statement_and_the_tagged_words_are_folded_to_spaces()
    {
        var text = await ExportAsync();

        Assert.Contains("\n# counting\n\n[counting]: Far more goals fit training than the ones we want.\n", text, StringComparison.Ordinal);
        Assert.Contains("“much. They count [functions] <not> outcomes”", text, StringComparison.Ordinal);
        // Every line of the export is one of the shapes the format lists: no statement or words spill onto a line of their own.
        var lines = text.Split('\n');
        var shapes = new Regex(@"^(|===|title: "".*""|subTitle: .*|url: "".*""|// .*|# .+|\[[^\[\]\n]+\]: .*|  [+-] <[^<>]+>|<[^<>]+>: .* #(supports|opposes|neutral|questions) \{.*\})$");
        Assert.All(lines, line => Assert.Matches(shapes, line));
    }

    [Fact]
    public async Task A_draft_thread_which_readers_cannot_see_exports_nothing()
    {
        using var response = await fixture.App.CreateClient().GetAsync($"/t/{ArgdownAppFixture.DraftSlug}/arguments.argdown");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
