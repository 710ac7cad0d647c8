using Debate.Core.Claims;
using Debate.Core.Data;
using Debate.Core.Model;
using Debate.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Features.Tags;

/// <summary>
/// A claim tag: the statement it stands for, the spans of posts tagged with it (with their context and stance)
/// across threads, how many take each stance, the threads it appears in, and the tags argued beside it.
/// A synonym, a former name or a merged tag's name redirects here.
/// </summary>
public sealed class TagModel(DebateDbContext db) : PageModel
{
    private const int MostSpans = 500;

    public sealed record TaggedSpan(long ClaimId, long PostId, string ThreadSlug, string ThreadTitle, string AuthorName, string AuthorSlug, DateTimeOffset PostedAt, Stance Stance, string Prefix, string Exact, string Suffix);

    public sealed record ThreadCount(string Slug, string Title, int Spans);

    public sealed record RelatedTag(string Name, string Statement, int OnSamePosts, int OnQuoteLinkedPosts);

    public string Name { get; private set; } = "";
    public string Statement { get; private set; } = "";
    public IReadOnlyList<string> Synonyms { get; private set; } = [];
    public IReadOnlyList<TaggedSpan> Spans { get; private set; } = [];
    public IReadOnlyDictionary<Stance, int> StanceCounts { get; private set; } = new Dictionary<Stance, int>();
    public int Total { get; private set; }
    public IReadOnlyList<ThreadCount> Threads { get; private set; } = [];
    public IReadOnlyList<RelatedTag> Related { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken cancellationToken)
    {
        // Routing leaves an escaped slash as "%2F" in the value (a tag name may hold "/"); every other escape is already undone.
        name = name.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var found = await TagDirectory.FindAsync(db, name, cancellationToken);
        if (found is null)
            return NotFound();
        if (!found.ByOwnName)
            return RedirectPermanent(Links.Tag(found.Tag.Name));
        var tag = found.Tag;
        Name = tag.Name;
        Statement = tag.Statement;
        Synonyms = tag.Synonyms;

        var shown = Shown(db).Where(x => x.Claim.TagId == tag.Id);
        Spans = await shown
            .OrderByDescending(x => x.Post.PostedAt).ThenBy(x => x.Claim.Id)
            .Take(MostSpans)
            .Select(x => new TaggedSpan(x.Claim.Id, x.Post.Id, x.Post.Thread!.Slug, x.Post.Thread.Title, x.Post.Author!.DisplayName, x.Post.Author.Slug,
                x.Post.PostedAt, x.Claim.Stance, x.Claim.Anchor.Prefix, x.Claim.Anchor.Exact, x.Claim.Anchor.Suffix))
            .ToListAsync(cancellationToken);
        StanceCounts = await shown.GroupBy(x => x.Claim.Stance).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Total = StanceCounts.Values.Sum();
        Threads = (await shown.GroupBy(x => new { x.Post.Thread!.Slug, x.Post.Thread.Title })
                .Select(g => new ThreadCount(g.Key.Slug, g.Key.Title, g.Count()))
                .ToListAsync(cancellationToken))
            .OrderByDescending(t => t.Spans).ThenBy(t => t.Title, StringComparer.Ordinal)
            .ToList();
        Related = await RelatedAsync(tag.Id, cancellationToken);
        return Page();
    }

    /// <summary>Tags on the same posts, and on posts that quote them or that they quote: what the claim is argued with.</summary>
    private async Task<IReadOnlyList<RelatedTag>> RelatedAsync(long tagId, CancellationToken cancellationToken)
    {
        var posts = Shown(db).Where(x => x.Claim.TagId == tagId).Select(x => x.Post.Id).Distinct();
        var linked = db.Quotes.Where(q => posts.Contains(q.PostId)).Select(q => q.SourcePostId)
            .Union(db.Quotes.Where(q => posts.Contains(q.SourcePostId)).Select(q => q.PostId));
        var same = await Shown(db).Where(x => x.Claim.TagId != tagId && posts.Contains(x.Post.Id))
            .GroupBy(x => x.Claim.TagId).Select(g => new { TagId = g.Key, Count = g.Select(x => x.Post.Id).Distinct().Count() })
            .ToDictionaryAsync(g => g.TagId, g => g.Count, cancellationToken);
        var quoteLinked = await Shown(db).Where(x => x.Claim.TagId != tagId && linked.Contains(x.Post.Id) && !posts.Contains(x.Post.Id))
            .GroupBy(x => x.Claim.TagId).Select(g => new { TagId = g.Key, Count = g.Select(x => x.Post.Id).Distinct().Count() })
            .ToDictionaryAsync(g => g.TagId, g => g.Count, cancellationToken);
        var ids = same.Keys.Union(quoteLinked.Keys).ToList();
        var tags = await db.Tags.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        return ids.Select(id => new RelatedTag(tags[id].Name, tags[id].Statement, same.GetValueOrDefault(id), quoteLinked.GetValueOrDefault(id)))
            .OrderByDescending(r => r.OnSamePosts + r.OnQuoteLinkedPosts).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }

    // Built with an initializer, not a constructor: EF translates the members of the one, not of the other.
    private sealed class ShownClaim
    {
        public required ClaimTag Claim { get; init; }
        public required Post Post { get; init; }
    }

    /// <summary>Confirmed claim tags on posts a reader can see.</summary>
    private static IQueryable<ShownClaim> Shown(DebateDbContext db) =>
        db.ClaimTags.AsNoTracking()
            .Where(c => c.State == ClaimState.Confirmed)
            .Join(db.Posts, c => c.PostId, p => p.Id, (c, p) => new ShownClaim { Claim = c, Post = p })
            .Where(x => !x.Post.IsDeleted && !x.Post.IsHidden && x.Post.MergedIntoId == null && x.Post.Thread!.Status == ThreadStatus.Published);
}
