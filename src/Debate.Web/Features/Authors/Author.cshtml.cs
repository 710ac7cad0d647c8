using Debate.Core.Data;
using Debate.Core.Model;
using Debate.Core.Reading;
using Debate.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Features.Authors;

/// <summary>An author and their posts across threads and platforms, newest first, a page at a time.</summary>
public sealed class AuthorModel(DebateDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record AccountShown(Platform Platform, string Handle, string? Url);

    public sealed record PostShown(long Id, string ThreadSlug, string ThreadTitle, DateTimeOffset PostedAt, bool IsDeleted, string Excerpt, IReadOnlyList<ProvenanceView> Provenance);

    public string DisplayName { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public IReadOnlyList<AccountShown> Accounts { get; private set; } = [];
    public IReadOnlyList<PostShown> Posts { get; private set; } = [];
    public IReadOnlyList<Platform> Platforms { get; private set; } = [];
    public int PageNumber { get; private set; }
    public bool HasOlder { get; private set; }

    // ?page= from the query string only: Razor Pages' own route value "page" (this page's path) would win over it.
    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var author = await db.Authors.AsNoTracking()
            .Where(a => a.Slug == slug)
            .Select(a => new { a.Id, a.Slug, a.DisplayName, Accounts = a.Accounts.OrderBy(x => x.Platform).Select(x => new AccountShown(x.Platform, x.Handle, x.Url)).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (author is null)
            return NotFound();
        // Far past the last page is simply empty; the offset must still fit in an int.
        PageNumber = Math.Clamp(page ?? 1, 1, int.MaxValue / PageSize);
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.AuthorId == author.Id && p.MergedIntoId == null && !p.IsHidden && p.Thread!.Status == ThreadStatus.Published)
            .OrderByDescending(p => p.PostedAt).ThenByDescending(p => p.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(p => new
            {
                p.Id, p.Thread!.Slug, p.Thread.Title, p.PostedAt, p.IsDeleted,
                // Only the start of the author's own words is shown; there is no need to fetch all of them.
                Own = p.CurrentRevision!.OwnText.Substring(0, 400),
                Provenance = p.Provenance.OrderBy(x => x.Id).Select(x => new ProvenanceView(x.Platform, x.Url, x.Relation, x.SpanStart != null)).ToList(),
            })
            .ToListAsync(cancellationToken);
        DisplayName = author.DisplayName;
        Slug = author.Slug;
        Accounts = author.Accounts;
        HasOlder = posts.Count > PageSize;
        Posts = posts.Take(PageSize)
            .Select(p => new PostShown(p.Id, p.Slug, p.Title, p.PostedAt, p.IsDeleted, p.IsDeleted ? "" : TextExcerpt.Of(p.Own, 240), p.IsDeleted ? [] : p.Provenance))
            .ToList();
        Platforms = Posts.SelectMany(p => p.Provenance).Select(p => p.Platform).Concat(Accounts.Select(a => a.Platform)).Distinct().Order().ToList();
        return Page();
    }
}
