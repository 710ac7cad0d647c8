using Debate.Core.Anchoring;
using Debate.Core.Interchange;
using Debate.Core.Markdown;
using Debate.Core.Model;

namespace Debate.Web.Tests.Reading;

/// <summary>
/// A small debate with everything the reading pages mark: quotes of each other (one span quoted twice), an
/// edited post quoted in its first wording (once where the words survive, once where they were edited away),
/// a claim tag overlapping a quoted span, an outline with a podcast link, "Section 4.4" mentions (and one of
/// another report that must stay unlinked), a reply chain deeper than the first screenful shows.
/// </summary>
internal static class ReadingThread
{
    public static readonly DateTimeOffset Posted = new(2023, 11, 16, 10, 0, 0, TimeSpan.Zero);

    public const string CountingWords = "The counting argument seems incredibly dubious to me";
    public const string ClaimWords = "counting argument seems incredibly dubious to me, because you can just as easily argue";
    public const string EditedAwayWords = "taken this discussion to Twitter";
    public const string SurvivingWords = "I think this is a mischaracterization of the argument.";
    public const string PodcastUrl = "https://example.org/scheming-ais.mp3";

    private const string Filler =
        "Under the parameters-as-complexity view, each extra computation the network performs is a constraint on its weights, " +
        "and constraints shrink the volume of configurations that implement a solution. A model that plans in order to do well " +
        "in training must carry the circuits for that planning, and nothing is saved by supposing it does so for a motive.";

    public static readonly string RootBody = string.Join("\n\n",
        "Reposting my response on Twitter.",
        CountingWords + ", because you can just as easily argue that image generators draw llamas in their early layers.",
        Filler, Filler, Filler,
        "As the report discusses in Section 4.4, on speed arguments, the amount of world-modelling matters. " +
        "My own take on goal-directedness is in section 2.2.1 of my report on power-seeking AI here.");

    public static readonly string EvanFirst = string.Join("\n\n",
        "I really don't like that you've taken this discussion to Twitter.",
        "> " + CountingWords,
        SurvivingWords + " " + Filler);

    public static readonly string EvanEdited = string.Join("\n\n",
        "I really don't like all this discussion happening on Twitter.",
        "> " + CountingWords,
        SurvivingWords + " " + Filler);

    public static ThreadDocument Document(string slug, string title = "Scheming AIs, read closely")
    {
        var posts = new List<PostInfo>
        {
            new()
            {
                Id = "a1", AuthorId = "quintin-pope", PostedAt = Posted, Body = RootBody,
                Provenance =
                [
                    new ProvenanceInfo { Platform = Platform.LessWrong, Url = $"https://www.lesswrong.com/posts/{slug}/a1", ExternalId = $"{slug}-lw-a1" },
                    new ProvenanceInfo { Platform = Platform.Twitter, Url = $"https://x.com/QuintinPope5/status/{slug}", ExternalId = $"{slug}-tw-a1", Relation = ProvenanceRelation.Repost },
                ],
                Claims = [Claim("counting-argument", Stance.Opposes, RootBody, ClaimWords)],
            },
            new()
            {
                Id = "a2", ParentId = "a1", AuthorId = "evan-hubinger", PostedAt = Posted.AddHours(1), Body = EvanEdited,
                Revisions = [new RevisionInfo { Number = 1, Body = EvanFirst }, new RevisionInfo { Number = 2, Body = EvanEdited, EditedAt = Posted.AddHours(5) }],
                Provenance = [new ProvenanceInfo { Platform = Platform.AlignmentForum, Url = $"https://www.alignmentforum.org/posts/{slug}/a2", ExternalId = $"{slug}-af-a2" }],
                Quotes = [Quote("a1", 1, RootBody, CountingWords)],
            },
            new()
            {
                Id = "a3", ParentId = "a2", AuthorId = "turntrout", PostedAt = Posted.AddHours(2),
                Body = $"> {EditedAwayWords}\n\nI haven't; it was a repost.\n\n{Filler}",
                Quotes = [Quote("a2", 1, EvanFirst, EditedAwayWords, AnchorStatus.Orphaned)],
            },
            new()
            {
                Id = "a4", ParentId = "a1", AuthorId = "joe-carlsmith", PostedAt = Posted.AddHours(3),
                Body = $"> {CountingWords}\n\nI side with Evan here:\n\n> {SurvivingWords}\n\nSee section 4.4 of the report.\n\n{Filler}",
                Quotes = [Quote("a1", 1, RootBody, CountingWords), Quote("a2", 1, EvanFirst, SurvivingWords)],
            },
        };
        // A reply chain under TurnTrout's post, deeper than the thread page shows at first.
        var parent = "a3";
        for (var depth = 3; depth <= 7; depth++)
        {
            var id = $"d{depth}";
            posts.Add(new PostInfo { Id = id, ParentId = parent, AuthorId = depth % 2 == 0 ? "turntrout" : "evan-hubinger", PostedAt = Posted.AddHours(2).AddMinutes(depth), Body = $"Reply at depth {depth}. {Filler}" });
            parent = id;
        }
        posts.Add(new PostInfo
        {
            Id = "b1", AuthorId = "evan-hubinger", PostedAt = Posted.AddHours(10), Body = "A second thought, posted on its own.",
            Provenance = [new ProvenanceInfo { Platform = Platform.Twitter, ExternalId = $"{slug}-tw-b1" }],
        });
        return new ThreadDocument
        {
            Format = ThreadDocument.FormatName,
            Thread = new ThreadInfo
            {
                Slug = slug,
                Title = title,
                Sources = [new SourceInfo { Platform = Platform.Arxiv, Url = "https://arxiv.org/abs/2311.08379", Title = "Scheming AIs" }],
                Outline =
                [
                    new OutlineInfo { Number = "2.2.1", Title = "Goal-directedness", Links = [new LinkInfo { Platform = Platform.Podcast, Url = PodcastUrl, At = "01:02:03" }] },
                    new OutlineInfo { Number = "4.4", Title = "Speed arguments", Links = [new LinkInfo { Platform = Platform.Podcast, Url = PodcastUrl, At = "05:16:10" }] },
                ],
            },
            Authors =
            [
                new AuthorInfo { Id = "quintin-pope", DisplayName = "Quintin Pope", Accounts = [new AccountInfo { Platform = Platform.Twitter, Handle = "QuintinPope5", Url = "https://x.com/QuintinPope5" }] },
                new AuthorInfo { Id = "evan-hubinger", DisplayName = "Evan Hubinger" },
                new AuthorInfo { Id = "turntrout", DisplayName = "TurnTrout" },
                new AuthorInfo { Id = "joe-carlsmith", DisplayName = "Joe Carlsmith" },
            ],
            Tags = [new TagInfo { Name = "counting-argument", Statement = "There are many more schemers than non-schemers among the models that do well in training." }],
            Posts = posts,
        };
    }

    /// <summary>Another thread where Quintin Pope posted, from another platform: his author page gathers both.</summary>
    public static ThreadDocument OtherThread(string slug) => new()
    {
        Format = ThreadDocument.FormatName,
        Thread = new ThreadInfo { Slug = slug, Title = "Counting arguments, again" },
        Authors = [new AuthorInfo { Id = "quintin-pope", DisplayName = "Quintin Pope" }],
        Posts =
        [
            new PostInfo
            {
                Id = "t1", AuthorId = "quintin-pope", PostedAt = Posted.AddDays(30), Body = "Counting arguments prove too much: a tweet.",
                Provenance = [new ProvenanceInfo { Platform = Platform.Twitter, Url = $"https://x.com/QuintinPope5/status/{slug}-t1", ExternalId = $"{slug}-t1" }],
            },
        ],
    };

    public static string PlainText(string markdown) => MarkdownRenderer.Render(markdown, "x").PlainText;

    /// <summary>Where <paramref name="words"/> stand in the plain text of <paramref name="markdown"/>: the offsets anchors and span ids use.</summary>
    public static (int Start, int End) SpanOf(string markdown, string words)
    {
        var start = PlainText(markdown).IndexOf(words, StringComparison.Ordinal);
        return (start, start + words.Length);
    }

    internal static QuoteInfo Quote(string sourceId, int revision, string sourceBody, string exact, AnchorStatus status = AnchorStatus.Anchored)
    {
        var anchor = TextAnchoring.CreateUnique(PlainText(sourceBody), exact) ?? throw new InvalidOperationException($"'{exact}' is not once in {sourceId}");
        return new QuoteInfo { SourcePostId = sourceId, SourceRevision = revision, Exact = anchor.Exact, Prefix = anchor.Prefix, Suffix = anchor.Suffix, Start = anchor.Start, End = anchor.End, Status = status };
    }

    internal static ClaimInfo Claim(string tag, Stance stance, string body, string exact)
    {
        var anchor = TextAnchoring.CreateUnique(PlainText(body), exact) ?? throw new InvalidOperationException($"'{exact}' is not once in the post");
        return new ClaimInfo { Tag = tag, Stance = stance, Exact = anchor.Exact, Prefix = anchor.Prefix, Suffix = anchor.Suffix, Start = anchor.Start, End = anchor.End };
    }
}
