using System.Security.Claims;
using Debate.Core.Accounts;
using Debate.Core.Claims;
using Debate.Core.Data;
using Debate.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Features.Moderation;

/// <summary>Moderators rename claim tags, merge one into another and restate what a tag claims, each logged and undoable exactly.</summary>
public sealed class TagsModel(
    DebateDbContext db, TimeProvider clock,
    IValidator<TagsModel.RenameInput> renameValidator, IValidator<TagsModel.MergeInput> mergeValidator, IValidator<TagsModel.RestateInput> restateValidator) : PageModel
{
    [BindProperty]
    public RenameInput Rename { get; set; } = new();

    [BindProperty]
    public MergeInput Merge { get; set; } = new();

    [BindProperty]
    public RestateInput Restate { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<TagRow> Tags { get; private set; } = [];
    public IReadOnlyList<LogEntry> Log { get; private set; } = [];

    public sealed record TagRow(string Name, string Statement, IReadOnlyList<string> Synonyms, int Claims);

    public sealed record LogEntry(long Id, string Kind, string Summary, string ActorName, DateTimeOffset At, DateTimeOffset? UndoneAt)
    {
        public bool CanUndo => Kind is TagModeration.RenameKind or TagModeration.MergeKind or TagModeration.RestateKind && UndoneAt is null;
    }

    public sealed class RenameInput
    {
        public string Name { get; set; } = "";
        public string NewName { get; set; } = "";
    }

    public sealed class MergeInput
    {
        public string From { get; set; } = "";
        public string Into { get; set; } = "";
    }

    public sealed class RestateInput
    {
        public string Name { get; set; } = "";
        public string Statement { get; set; } = "";
    }

    public sealed class RenameValidator : AbstractValidator<RenameInput>
    {
        public RenameValidator()
        {
            RuleFor(i => i.Name).NotEmpty().WithMessage("Enter the tag to rename.");
            RuleFor(i => i.NewName).NotEmpty().WithMessage("Enter the new name.");
        }
    }

    public sealed class MergeValidator : AbstractValidator<MergeInput>
    {
        public MergeValidator()
        {
            RuleFor(i => i.From).NotEmpty().WithMessage("Enter the tag to merge away.");
            RuleFor(i => i.Into).NotEmpty().WithMessage("Enter the tag to merge it into.");
        }
    }

    public sealed class RestateValidator : AbstractValidator<RestateInput>
    {
        public RestateValidator()
        {
            RuleFor(i => i.Name).NotEmpty().WithMessage("Enter the tag to restate.");
            RuleFor(i => i.Statement).NotEmpty().WithMessage("Write the claim the tag stands for, in one line.")
                .MaximumLength(ClaimTagging.MaxStatementLength).WithMessage($"The statement is one line of at most {ClaimTagging.MaxStatementLength} characters.");
        }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken cancellationToken)
    {
        var result = await renameValidator.ValidateAsync(Rename, cancellationToken);
        if (!result.IsValid)
            return await RefuseAsync(result.Errors.Select(e => new AccountError(e.PropertyName, e.ErrorMessage)), "Rename", cancellationToken);
        return await RespondAsync(() => TagModeration.RenameAsync(db, Rename.Name, Rename.NewName, Actor(), clock.GetUtcNow(), cancellationToken), "Rename", cancellationToken);
    }

    public async Task<IActionResult> OnPostMergeAsync(CancellationToken cancellationToken)
    {
        var result = await mergeValidator.ValidateAsync(Merge, cancellationToken);
        if (!result.IsValid)
            return await RefuseAsync(result.Errors.Select(e => new AccountError(e.PropertyName, e.ErrorMessage)), "Merge", cancellationToken);
        return await RespondAsync(() => TagModeration.MergeAsync(db, Merge.From, Merge.Into, Actor(), clock.GetUtcNow(), cancellationToken), "Merge", cancellationToken);
    }

    public async Task<IActionResult> OnPostRestateAsync(CancellationToken cancellationToken)
    {
        var result = await restateValidator.ValidateAsync(Restate, cancellationToken);
        if (!result.IsValid)
            return await RefuseAsync(result.Errors.Select(e => new AccountError(e.PropertyName, e.ErrorMessage)), "Restate", cancellationToken);
        return await RespondAsync(() => TagModeration.RestateAsync(db, Restate.Name, Restate.Statement, Actor(), clock.GetUtcNow(), cancellationToken), "Restate", cancellationToken);
    }

    public Task<IActionResult> OnPostUndoAsync(long id, CancellationToken cancellationToken) =>
        RespondAsync(() => TagModeration.UndoAsync(db, id, Actor(), clock.GetUtcNow(), cancellationToken), "", cancellationToken);

    private async Task<IActionResult> RespondAsync(Func<Task<TagResult>> change, string form, CancellationToken cancellationToken)
    {
        TagResult result;
        try
        {
            result = await change();
        }
        catch (DbUpdateException)
        {
            // Two moderators naming two tags alike at once: the unique index refuses the second.
            result = TagResult.Failed("", "Someone changed these tags at the same moment. Reload the page and try again.");
        }
        if (result.Error is null)
        {
            StatusMessage = result.Action!.Summary;
            return RedirectToPage();
        }
        return await RefuseAsync([result.Error], form, cancellationToken);
    }

    /// <summary>The page again with the messages beside the fields of the form that was sent (the other form's fields are not checked).</summary>
    private async Task<IActionResult> RefuseAsync(IEnumerable<AccountError> errors, string form, CancellationToken cancellationToken)
    {
        foreach (var error in errors)
            ModelState.AddModelError(error.Field.Length == 0 ? "" : $"{form}.{error.Field}", error.Message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private Moderator Actor() => new(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.Identity!.Name!);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Tags = await db.Tags.AsNoTracking().Where(t => t.MergedIntoId == null).OrderBy(t => t.Name)
            .Select(t => new TagRow(t.Name, t.Statement, t.Synonyms, db.ClaimTags.Count(c => c.TagId == t.Id && c.State != Debate.Core.Model.ClaimState.Removed)))
            .ToListAsync(cancellationToken);
        Log = await db.ModerationActions.AsNoTracking()
            .Where(a => a.Kind == TagModeration.RenameKind || a.Kind == TagModeration.MergeKind || a.Kind == TagModeration.RestateKind || a.Kind == TagModeration.UndoKind)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(50)
            .Select(a => new LogEntry(a.Id, a.Kind, a.Summary, a.ActorName, a.At, a.UndoneAt))
            .ToListAsync(cancellationToken);
    }
}
