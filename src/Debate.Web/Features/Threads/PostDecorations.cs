using Debate.Core.Model;
using Debate.Core.Reading;
using Debate.Web.Features.Shared;
using Microsoft.AspNetCore.Html;

namespace Debate.Web.Features.Threads;

/// <summary>A link from one place of a page to another; <see cref="Target"/> is the id it points at, for the script to find on the page.</summary>
public sealed record PlaceLink(string Label, string Href, string Target);

/// <summary>A span of a post's text that others quote, and the posts that quote it.</summary>
public sealed record QuotedSpan(string ListId, string Exact, IReadOnlyList<PlaceLink> QuotedIn);

/// <summary>A quote whose words could not be found in the post's own blockquotes: named under the post instead.</summary>
public sealed record QuoteNote(string Id, string Exact, PlaceLink Source);

/// <summary>A post ready to show: its stored body with quotes, claims and section mentions marked, and what goes under it.</summary>
public sealed record ShownPost(PostView Post, HtmlString Body, IReadOnlyList<QuotedSpan> QuotedBy, IReadOnlyList<QuoteNote> QuotesNotInBody);

/// <summary>
/// Marks a page's posts from their annotations: each quote names its source and links to the very words,
/// each quoted span leads back to the posts quoting it, claims show their tag and stance, and "section 4.4"
/// links to the report outline and the podcast. Links stay on the page when their target is on it.
/// </summary>
internal sealed class PostDecorations
{
    private readonly ThreadHeader _thread;
    private readonly IReadOnlySet<long> _onPage;
    private readonly ILookup<long, QuoteLink> _quotesBy;
    private readonly ILookup<long, QuoteLink> _quotesOf;
    private readonly ILookup<long, ClaimMark> _claims;
    private readonly Dictionary<string, OutlineEntry> _sections;

    public PostDecorations(ThreadHeader thread, IReadOnlySet<long> onPage, PostAnnotations annotations)
    {
        _thread = thread;
        _onPage = onPage;
        _quotesBy = annotations.Quotes.OrderBy(q => q.Id).ToLookup(q => q.QuotingPostId);
        _quotesOf = annotations.Quotes.Where(q => q.CurrentStart is not null && q.CurrentEnd is not null).OrderBy(q => q.Id).ToLookup(q => q.SourcePostId);
        _claims = annotations.Claims.OrderBy(c => c.Id).ToLookup(c => c.PostId);
        _sections = thread.Outline.DistinctBy(s => s.Number).ToDictionary(s => s.Number, StringComparer.Ordinal);
    }

    public ShownPost Show(PostView post)
    {
        // A hidden post is still marked: moderators see it greyed; the page leaves its words out for everyone else.
        if (post.IsDeleted)
            return new ShownPost(post, HtmlString.Empty, [], []);
        var quotedBy = _quotesOf[post.Id]
            .GroupBy(q => (Start: q.CurrentStart!.Value, End: q.CurrentEnd!.Value))
            .OrderBy(g => g.Key.Start)
            .Select(g => (g.Key.Start, g.Key.End, Quotes: g.ToList()))
            .ToList();
        var quotes = _quotesBy[post.Id].ToList();
        var claims = _claims[post.Id].ToList();
        var mayMentionSections = _sections.Count > 0
            && (post.Html.Contains("ection", StringComparison.OrdinalIgnoreCase) || post.Html.Contains('§', StringComparison.Ordinal));
        var spans = quotedBy.Select(g => new QuotedSpan(Links.QuotedByListId(post.Id, g.Start, g.End), g.Quotes[0].Exact, g.Quotes.Select(QuotingPlace).ToList())).ToList();
        // Most posts carry nothing to mark: serve their stored HTML without parsing it.
        if (quotedBy.Count == 0 && quotes.Count == 0 && claims.Count == 0 && !mayMentionSections)
            return new ShownPost(post, new HtmlString(post.Html), spans, []);

        var body = PostDecorator.Open(post.Html);
        var decorations = new List<SpanDecoration>();
        var notInBody = new List<QuoteNote>();
        var taken = new List<TextRange>();
        foreach (var quote in quotes)
        {
            if (body.FindInBlockquotes(quote.Exact, taken) is { } place)
            {
                taken.Add(place);
                decorations.AddRange(QuoteSource(quote, place));
            }
            else
            {
                notInBody.Add(new QuoteNote(Links.QuoteId(post.Id, quote.Id), quote.Exact, SourcePlace(quote)));
            }
        }
        decorations.AddRange(quotedBy.Select(g => QuotedWords(post.Id, g.Start, g.End, g.Quotes)));
        decorations.AddRange(claims.Select(Claim));
        if (mayMentionSections)
            decorations.AddRange(SectionMentions.Find(body.Text, _sections.Keys.ToHashSet(StringComparer.Ordinal)).Select(m => Mention(post.Id, m)));
        return new ShownPost(post, new HtmlString(body.Decorate(decorations)), spans, notInBody);
    }

    /// <summary>At the start of the quoted words in a reply: who wrote them, linking to where they stand (and to the revision, when edited since).</summary>
    private IEnumerable<SpanDecoration> QuoteSource(QuoteLink quote, TextRange place)
    {
        var source = SourcePlace(quote);
        var located = quote.CurrentStart is not null;
        var label = located
            ? quote.SourceRevisionIsCurrent ? $"Quoting {quote.SourceAuthor}"
            : quote.Status == AnchorStatus.Moved ? $"Quoting {quote.SourceAuthor}, revision {quote.SourceRevisionNumber} (moved since)"
            : $"Quoting {quote.SourceAuthor}, revision {quote.SourceRevisionNumber}"
            : $"Quoting {quote.SourceAuthor}, revision {quote.SourceRevisionNumber} (edited away since)";
        var description = located
            ? $"{label}: go to the quoted words"
            : $"{label}: see that revision, where the quoted words stand";
        yield return new SpanDecoration(place.Start, place.End)
        {
            Before = new HtmlTag("a") { Id = Links.QuoteId(quote.QuotingPostId, quote.Id) }
                .With("class", "quote-source")
                .With("href", source.Href)
                .With("data-target", source.Target)
                .With("data-preview", Links.Preview(quote.SourceThreadSlug, quote.SourcePostId))
                .With("data-label", label)
                .With("data-status", located ? quote.Status.ToString().ToLowerInvariant() : "orphaned")
                .With("aria-label", description),
        };
        if (located && !quote.SourceRevisionIsCurrent)
        {
            var revision = RevisionPlace(quote);
            yield return new SpanDecoration(place.Start, place.End)
            {
                Before = new HtmlTag("a")
                    .With("class", "quote-revision")
                    .With("href", revision.Href)
                    .With("data-label", $"edited since: see revision {quote.SourceRevisionNumber}")
                    .With("aria-label", $"The quoted post was edited since; see revision {quote.SourceRevisionNumber} as it was quoted"),
            };
        }
    }

    /// <summary>Quoted words in their source: marked, with a "quoted by N" link back to the quoting post (or to the list of them).</summary>
    private SpanDecoration QuotedWords(long postId, int start, int end, List<QuoteLink> quotes)
    {
        var spanId = Links.QuotedSpanId(postId, start, end);
        var quoting = quotes.DistinctBy(q => q.QuotingPostId).ToList();
        var back = quoting.Count == 1
            ? QuotingPlace(quoting[0])
            : new PlaceLink("", "#" + Links.QuotedByListId(postId, start, end), Links.QuotedByListId(postId, start, end));
        var names = string.Join(", ", quoting.Select(q => q.QuotingAuthor).Distinct(StringComparer.Ordinal));
        return new SpanDecoration(start, end)
        {
            ExpectedText = quotes[0].Exact,
            Wrap = new HtmlTag("mark") { Id = spanId }.With("class", "quoted-span").With("data-span", spanId),
            After = new HtmlTag("a")
                .With("class", "quoted-by")
                .With("href", back.Href)
                .With("data-target", back.Target)
                .With("data-label", $"quoted by {quoting.Count}")
                .With("aria-label", $"Quoted by {quoting.Count} {(quoting.Count == 1 ? "post" : "posts")}: {names}"),
        };
    }

    private static SpanDecoration Claim(ClaimMark claim)
    {
        var stance = claim.Stance.ToString().ToLowerInvariant();
        return new SpanDecoration(claim.Start, claim.End)
        {
            ExpectedText = claim.Exact,
            Wrap = new HtmlTag("mark") { Id = Links.ClaimId(claim.PostId, claim.Id) }
                .With("class", $"claim stance-{stance}")
                .With("data-tag", claim.TagName)
                .With("title", $"{claim.TagName}: {claim.TagStatement}"),
            After = new HtmlTag("a")
                .With("class", $"claim-tag stance-{stance}")
                .With("href", Links.Tag(claim.TagName))
                .With("data-label", $"{claim.TagName} · {stance}")
                .With("aria-label", $"Claim {claim.TagName}: this post {StanceWords(claim.Stance)} it"),
        };
    }

    private SpanDecoration Mention(long postId, SectionMention mention)
    {
        var section = _sections[mention.Number];
        var audio = section.Links.Where(l => l.Platform == Platform.Podcast && l.At is not null)
            .Select(l => (Link: l, Href: Links.AudioAt(l.Url, l.At)))
            .FirstOrDefault(l => l.Href is not null);
        return new SpanDecoration(mention.Start, mention.End)
        {
            Wrap = new HtmlTag("a") { Id = Links.MentionId(postId, mention.Start) }
                .With("class", "section-ref")
                .With("href", Links.Outline(_thread.Slug) + "#" + Links.SectionId(mention.Number))
                .With("title", $"Section {section.Number}: {section.Title}"),
            After = audio.Href is null ? null : new HtmlTag("a")
                .With("class", "section-audio")
                .With("href", audio.Href)
                .With("rel", "noopener nofollow")
                .With("data-label", $"▶ {audio.Link.At}")
                .With("aria-label", $"Listen to section {section.Number} in the podcast, from {audio.Link.At}"),
        };
    }

    /// <summary>Where a quote's words stand now, or in the revision it quoted when they stand nowhere now.</summary>
    private PlaceLink SourcePlace(QuoteLink quote) =>
        quote.CurrentStart is int start && quote.CurrentEnd is int end
            ? To(quote.SourceAuthor, quote.SourceThreadSlug, quote.SourcePostId, Links.QuotedSpanId(quote.SourcePostId, start, end))
            : RevisionPlace(quote);

    private static PlaceLink RevisionPlace(QuoteLink quote)
    {
        var id = Links.RevisionSpanId(quote.SourcePostId, quote.SourceRevisionNumber, quote.AnchorStart, quote.AnchorEnd);
        return new PlaceLink(quote.SourceAuthor, Links.History(quote.SourceThreadSlug, quote.SourcePostId) + "#" + id, id);
    }

    private PlaceLink QuotingPlace(QuoteLink quote) =>
        To(quote.QuotingAuthor, quote.QuotingThreadSlug, quote.QuotingPostId, Links.QuoteId(quote.QuotingPostId, quote.Id));

    private PlaceLink To(string label, string slug, long postId, string elementId) =>
        slug == _thread.Slug && _onPage.Contains(postId)
            ? new PlaceLink(label, "#" + elementId, elementId)
            : new PlaceLink(label, Links.Post(slug, postId) + "#" + elementId, elementId);

    private static string StanceWords(Stance stance) => stance switch
    {
        Stance.Supports => "supports",
        Stance.Opposes => "opposes",
        Stance.Questions => "questions",
        _ => "is neutral on",
    };
}
