using System.Security.Claims;
using Debate.Core.Accounts;
using Debate.Core.Data;
using Debate.Core.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Features.Moderation;

/// <summary>Every moderation action, newest first: who, when, what, and an undo where the log can put it back.</summary>
public sealed class LogModel(DebateDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;

    [TempData]
    public string? StatusMessage { get; set; }

    public string? Error { get; private set; }

    public IReadOnlyList<Entry> Entries { get; private set; } = [];

    public sealed record Entry(long Id, string Kind, string Summary, string ActorName, DateTimeOffset At, DateTimeOffset? UndoneAt, long? UndoesActionId)
    {
        public bool CanUndo => ModerationLog.CanUndo(Kind, UndoneAt);
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostUndoAsync(long id, CancellationToken cancellationToken)
    {
        var result = await ModerationLog.UndoAsync(db, id, new Moderator(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.Identity!.Name!), clock.GetUtcNow(), cancellationToken);
        if (result.Error is null)
        {
            StatusMessage = result.Action!.Summary;
            return RedirectToPage();
        }
        Error = result.Error;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Entries = await db.ModerationActions.AsNoTracking()
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(PageSize)
            .Select(a => new Entry(a.Id, a.Kind, a.Summary, a.ActorName, a.At, a.UndoneAt, a.UndoesActionId))
            .ToListAsync(cancellationToken);
}
