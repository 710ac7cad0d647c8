using Debate.Core.Data;
using Debate.Core.Model;
using Debate.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Features.Tags;

/// <summary>A claim tag: the statement it stands for and the spans of posts tagged with it, with each post's stance.</summary>
public sealed class TagModel(DebateDbContext db) : PageModel
{
    public sealed record TaggedSpan(long ClaimId, long PostId, string ThreadSlug, string ThreadTitle, string AuthorName, string AuthorSlug, DateTimeOffset PostedAt, Stance Stance, string Exact);

    public string Name { get; private set; } = "";
    public string Statement { get; private set; } = "";
    public IReadOnlyList<string> Synonyms { get; private set; } = [];
    public IReadOnlyList<TaggedSpan> Spans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken cancellationToken)
    {
        var tag = await db.Tags.AsNoTracking().Where(t => t.Name == name)
            .Select(t => new { t.Id, t.Name, t.Statement, t.Synonyms, MergedInto = db.Tags.Where(m => m.Id == t.MergedIntoId).Select(m => m.Name).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (tag is null)
            return NotFound();
        if (tag.MergedInto is not null)
            return RedirectPermanent(Links.Tag(tag.MergedInto));
        Name = tag.Name;
        Statement = tag.Statement;
        Synonyms = tag.Synonyms;
        Spans = await db.ClaimTags.AsNoTracking()
            .Where(c => c.TagId == tag.Id && c.State == ClaimState.Confirmed)
            .Join(db.Posts, c => c.PostId, p => p.Id, (c, p) => new { Claim = c, Post = p })
            .Where(x => !x.Post.IsDeleted && !x.Post.IsHidden && x.Post.MergedIntoId == null && x.Post.Thread!.Status == ThreadStatus.Published)
            .OrderByDescending(x => x.Post.PostedAt).ThenBy(x => x.Claim.Id)
            .Take(500)
            .Select(x => new TaggedSpan(x.Claim.Id, x.Post.Id, x.Post.Thread!.Slug, x.Post.Thread.Title, x.Post.Author!.DisplayName, x.Post.Author.Slug,
                x.Post.PostedAt, x.Claim.Stance, x.Claim.Anchor.Exact))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
