using Debate.Core.Interchange;
using Debate.Core.Model;
using Debate.Web.Tests.Reading;

namespace Debate.Web.Tests.Search;

/// <summary>
/// Threads made to be searched: a passage quoted by five replies, a post with the same words of its own, a post
/// quoting the report (no quote record) beside one saying it in its own words, hostile text in code, an edited
/// post, words run together in a query, posts on several platforms and dates, a claim tag; and, to stay unfound,
/// a hidden post, a deleted post and a draft thread; three posts saying the same, to rank alike; and a thread of more
/// matches than a query's results hold.
/// </summary>
internal static class SearchThread
{
    public const string Slug = "gradient-debate";
    public const string OtherSlug = "corrigibility-notes";
    public const string DraftSlug = "draft-notes";
    public static readonly DateTimeOffset Posted = new(2023, 11, 16, 10, 0, 0, TimeSpan.Zero);

    public const string Passage = "Gradient hacking needs a model that steers its own training";
    public static readonly string OriginBody = Passage + ", which no current system can do.";
    public const string HostileBody = "The mesa optimizer test string is `<script>alert('mesa')</script> & <b>bold</b>` here.";

    public static ThreadDocument Document()
    {
        var posts = new List<PostInfo>
        {
            new()
            {
                Id = "origin", AuthorId = "ada", PostedAt = Posted, Body = OriginBody,
                Provenance = [new ProvenanceInfo { Platform = Platform.LessWrong, Url = "https://www.lesswrong.com/posts/x/origin", ExternalId = "lw-origin" }],
                Claims = [ReadingThread.Claim("gradient-hacking", Stance.Supports, OriginBody, Passage)],
            },
        };
        for (var i = 1; i <= 5; i++)
        {
            posts.Add(new PostInfo
            {
                Id = $"reply{i}", ParentId = "origin", AuthorId = i % 2 == 0 ? "bob" : "cy", PostedAt = Posted.AddHours(i),
                Body = $"> {Passage}\n\nReply number {i}: I doubt this premise.",
                Provenance = [new ProvenanceInfo { Platform = Platform.AlignmentForum, Url = $"https://www.alignmentforum.org/posts/x/reply{i}", ExternalId = $"af-reply{i}" }],
                Quotes = [ReadingThread.Quote("origin", 1, OriginBody, Passage)],
            });
        }
        posts.AddRange(
        [
            new PostInfo
            {
                Id = "own", AuthorId = "bob", PostedAt = new DateTimeOffset(2023, 12, 1, 9, 0, 0, TimeSpan.Zero),
                Body = "In my view gradient hacking is implausible for current systems.",
                Provenance = [new ProvenanceInfo { Platform = Platform.Twitter, Url = "https://x.com/bob/status/1", ExternalId = "tw-own" }],
            },
            new PostInfo
            {
                Id = "report-quote", AuthorId = "cy", PostedAt = new DateTimeOffset(2024, 2, 1, 9, 0, 0, TimeSpan.Zero),
                Body = "> Schemers would conceal their goals until deployment.\n\nThe report overstates this, I think.",
            },
            new PostInfo
            {
                Id = "report-own", AuthorId = "dee", PostedAt = new DateTimeOffset(2024, 2, 2, 9, 0, 0, TimeSpan.Zero),
                Body = "Schemers conceal goals only when they expect deployment to differ from training.",
            },
            new PostInfo { Id = "hostile", AuthorId = "dee", PostedAt = new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero), Body = HostileBody },
            new PostInfo
            {
                Id = "edited", AuthorId = "ada", PostedAt = new DateTimeOffset(2024, 3, 2, 9, 0, 0, TimeSpan.Zero),
                Body = "We want to achieve corrigibility before capability.",
                Revisions =
                [
                    new RevisionInfo { Number = 1, Body = "Obsolete phrasing about quokkas." },
                    new RevisionInfo { Number = 2, Body = "We want to achieve corrigibility before capability.", EditedAt = new DateTimeOffset(2024, 3, 3, 9, 0, 0, TimeSpan.Zero) },
                ],
            },
            new PostInfo { Id = "hidden", AuthorId = "dee", PostedAt = Posted.AddDays(5), Body = "Zyzzyva hidden words." },
            new PostInfo { Id = "deleted", AuthorId = "dee", PostedAt = Posted.AddDays(6), Body = "Zyzzyva deleted words.", Deleted = true },
        ]);
        return new ThreadDocument
        {
            Format = ThreadDocument.FormatName,
            Thread = new ThreadInfo
            {
                Slug = Slug,
                Title = "Gradient hacking under scrutiny",
                Outline =
                [
                    new OutlineInfo { Number = "4.4", Title = "Speed arguments" },
                    new OutlineInfo { Number = "2.3", Title = "Saints, sycophants and schemers" },
                ],
            },
            Authors = [Author("ada", "Ada Lovelace"), Author("bob", "Bob Builder"), Author("cy", "Cy Young"), Author("dee", "Dee Dee")],
            Tags = [new TagInfo { Name = "gradient-hacking", Statement = "A model can steer its own training." }],
            Posts = posts,
        };
    }

    public static ThreadDocument Other() => new()
    {
        Format = ThreadDocument.FormatName,
        Thread = new ThreadInfo { Slug = OtherSlug, Title = "Corrigibility notes" },
        Authors = [Author("bob", "Bob Builder")],
        Posts =
        [
            new PostInfo { Id = "n1", AuthorId = "bob", PostedAt = Posted.AddDays(40), Body = "Gradient hacking again, in another thread." },
            .. Enumerable.Range(1, 3).Select(i => new PostInfo { Id = $"alike{i}", AuthorId = "bob", PostedAt = Posted.AddDays(40 + i), Body = AlikeBody }),
        ],
    };

    /// <summary>Three posts say this alike, so they rank alike.</summary>
    public const string AlikeBody = "The orrery ballots were counted twice.";

    public static ThreadDocument Draft() => new()
    {
        Format = ThreadDocument.FormatName,
        Thread = new ThreadInfo { Slug = DraftSlug, Title = "Zyzzyva draft", Status = ThreadStatus.Draft },
        Authors = [Author("dee", "Dee Dee")],
        Posts = [new PostInfo { Id = "d1", AuthorId = "dee", PostedAt = Posted, Body = "Zyzzyva in a draft thread." }],
    };

    /// <summary>
    /// More posts with two words than one query's results hold: three, written first, where the words stand together;
    /// two deleted ones saying the same; and the rest with the words far apart.
    /// </summary>
    public static ThreadDocument Crowded()
    {
        const string Near = "The lantern quarry flooded in spring, long before anyone walked the old stone road of the valley.";
        const string Far = "A lantern hung by the old stone road of the valley, long before anyone had walked down to the quarry.";
        var written = Enumerable.Range(1, 3).Select(i => (Id: $"near{i}", Body: Near, Deleted: false))
            .Concat(Enumerable.Range(1, 2).Select(i => (Id: $"gone{i}", Body: Near, Deleted: true)))
            .Concat(Enumerable.Range(1, 230).Select(i => (Id: $"far{i}", Body: Far, Deleted: false)));
        return new ThreadDocument
        {
            Format = ThreadDocument.FormatName,
            Thread = new ThreadInfo { Slug = "lantern-notes", Title = "Valley walks" },
            Authors = [Author("eve", "Eve Walker")],
            Posts = written.Select((p, i) => new PostInfo
            {
                Id = p.Id, AuthorId = "eve", PostedAt = Posted.AddDays(60).AddMinutes(i), Body = p.Body, Deleted = p.Deleted,
            }).ToList(),
        };
    }

    private static AuthorInfo Author(string id, string name) => new() { Id = id, DisplayName = name };
}
