using System.Security.Claims;
using Debate.Core.Accounts;
using Debate.Core.Data;
using Debate.Core.Moderation;
using Debate.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Features.Moderation;

/// <summary>One thread for a moderator: lock it (no new posts) or unlock it; each logged and undoable.</summary>
public sealed class ModerateThreadModel(DebateDbContext db, TimeProvider clock) : PageModel
{
    public sealed record ThreadSummary(string Slug, string Title, bool IsLocked);

    public ThreadSummary? Thread { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostLockAsync(string slug, CancellationToken cancellationToken) => SetLockedAsync(slug, true, cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(string slug, CancellationToken cancellationToken) => SetLockedAsync(slug, false, cancellationToken);

    private async Task<IActionResult> SetLockedAsync(string slug, bool locked, CancellationToken cancellationToken)
    {
        var result = await ThreadModeration.SetLockedAsync(db, slug, locked, new Moderator(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.Identity!.Name!), clock.GetUtcNow(), cancellationToken);
        if (result.Error is null)
            return Redirect(Links.Thread(slug));
        ModelState.AddModelError("", result.Error);
        return await LoadAsync(slug, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        Thread = await db.Threads.AsNoTracking().Where(t => t.Slug == slug).Select(t => new ThreadSummary(t.Slug, t.Title, t.IsLocked)).SingleOrDefaultAsync(cancellationToken);
        return Thread is not null;
    }
}
