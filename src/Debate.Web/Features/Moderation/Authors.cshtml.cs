using System.Security.Claims;
using Debate.Core.Accounts;
using Debate.Core.Data;
using Debate.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Features.Moderation;

/// <summary>
/// Moderators link a member to an author imported from another platform (the member claims their LessWrong or
/// Twitter identity), and undo such links. Every /moderation page needs the moderator policy (see AccountServices).
/// </summary>
public sealed class AuthorsModel(DebateDbContext db, TimeProvider clock, IValidator<AuthorsModel.InputModel> validator) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<LinkEntry> RecentLinks { get; private set; } = [];

    public sealed class InputModel
    {
        public string UserName { get; set; } = "";
        public string AuthorSlug { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(i => i.UserName).NotEmpty().WithMessage("Enter the member's username.");
            RuleFor(i => i.AuthorSlug).NotEmpty().WithMessage("Enter the author's id, as in their address (quintin-pope).");
        }
    }

    public sealed record LinkEntry(long Id, string Kind, string Summary, string ActorName, DateTimeOffset At, DateTimeOffset? UndoneAt)
    {
        public bool CanUndo => Kind == AuthorLinks.LinkKind && UndoneAt is null;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostLinkAsync(CancellationToken cancellationToken)
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken))
            return await PageAsync(cancellationToken);
        return await RespondAsync(
            () => AuthorLinks.LinkAsync(db, Input.UserName.Trim(), Input.AuthorSlug.Trim(), Actor(), clock.GetUtcNow(), cancellationToken),
            cancellationToken);
    }

    public Task<IActionResult> OnPostUndoAsync(long id, CancellationToken cancellationToken) =>
        RespondAsync(() => AuthorLinks.UndoAsync(db, id, Actor(), clock.GetUtcNow(), cancellationToken), cancellationToken);

    /// <summary>Done: back to the page with what was done. Refused: the page again, saying why.</summary>
    private async Task<IActionResult> RespondAsync(Func<Task<AuthorLinkResult>> change, CancellationToken cancellationToken)
    {
        var result = await SaveAsync(change);
        if (result.Errors.Count == 0)
        {
            StatusMessage = result.Action!.Summary;
            return RedirectToPage();
        }
        ModelState.AddAccountErrors(result.Errors);
        return await PageAsync(cancellationToken);
    }

    private async Task<IActionResult> PageAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Two moderators changing the same member at once: the second is told, not silently overwritten.</summary>
    private static async Task<AuthorLinkResult> SaveAsync(Func<Task<AuthorLinkResult>> change)
    {
        try
        {
            return await change();
        }
        catch (DbUpdateException)
        {
            return AuthorLinkResult.Failed("", "Someone changed this member or author at the same moment. Reload the page and try again.");
        }
    }

    private Moderator Actor() => new(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.Identity!.Name!);

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        RecentLinks = await db.ModerationActions.AsNoTracking()
            .Where(a => a.Kind == AuthorLinks.LinkKind || a.Kind == AuthorLinks.UndoKind)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(50)
            .Select(a => new LinkEntry(a.Id, a.Kind, a.Summary, a.ActorName, a.At, a.UndoneAt))
            .ToListAsync(cancellationToken);
}
