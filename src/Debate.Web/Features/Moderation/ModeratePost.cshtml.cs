using System.Globalization;
using System.Security.Claims;
using Debate.Core.Accounts;
using Debate.Core.Data;
using Debate.Core.Moderation;
using Debate.Web.Features.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Features.Moderation;

/// <summary>One post for a moderator: hide it, show it again, or move it with its replies; each logged and undoable.</summary>
public sealed class ModeratePostModel(DebateDbContext db, TimeProvider clock, IValidator<ModeratePostModel.MoveInput> moveValidator) : PageModel
{
    [BindProperty]
    public MoveInput Move { get; set; } = new();

    public PostSummary? Post { get; private set; }

    public sealed record PostSummary(long Id, string ThreadSlug, string ThreadTitle, string AuthorName, string Excerpt, bool IsHidden, bool IsDeleted, long? ParentId);

    public sealed class MoveInput
    {
        /// <summary>The slug of the thread to move into; empty means the thread of the post named below, or this one.</summary>
        public string? Thread { get; set; }
        /// <summary>The number of the post to move under; empty makes it a top-level post.</summary>
        public string? UnderPost { get; set; }
    }

    public sealed class MoveValidator : AbstractValidator<MoveInput>
    {
        public MoveValidator()
        {
            RuleFor(i => i.UnderPost)
                .Must(p => string.IsNullOrWhiteSpace(p) || long.TryParse(p.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out _))
                .WithMessage("Under post: enter a post number (such as 1234), or leave it empty to make the post a top-level post.");
            RuleFor(i => i.Thread).MaximumLength(200).WithMessage("Thread: a thread's slug is at most 200 characters.");
        }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostHideAsync(long id, CancellationToken cancellationToken) =>
        RespondAsync(id, () => ThreadModeration.SetHiddenAsync(db, id, hidden: true, Actor(), clock.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostUnhideAsync(long id, CancellationToken cancellationToken) =>
        RespondAsync(id, () => ThreadModeration.SetHiddenAsync(db, id, hidden: false, Actor(), clock.GetUtcNow(), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(long id, CancellationToken cancellationToken)
    {
        var validation = await moveValidator.ValidateAsync(Move, cancellationToken);
        if (!validation.IsValid)
        {
            foreach (var error in validation.Errors)
                ModelState.AddModelError($"{nameof(Move)}.{error.PropertyName}", error.ErrorMessage);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        long? under = string.IsNullOrWhiteSpace(Move.UnderPost) ? null : long.Parse(Move.UnderPost.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture);
        var thread = string.IsNullOrWhiteSpace(Move.Thread) ? null : Move.Thread.Trim();
        return await RespondAsync(id, () => SubtreeMover.MoveAsync(db, id, thread, under, Actor(), clock.GetUtcNow(), cancellationToken), cancellationToken);
    }

    /// <summary>Done: back to the post where it now stands. Refused: this page again with the reason, nothing changed.</summary>
    private async Task<IActionResult> RespondAsync(long id, Func<Task<ModerationResult>> change, CancellationToken cancellationToken)
    {
        var result = await change();
        if (result.Error is null)
        {
            var slug = await db.Posts.AsNoTracking().Where(p => p.Id == id).Select(p => p.Thread!.Slug).SingleAsync(cancellationToken);
            return Redirect(Links.Post(slug, id) + "#" + Links.PostId(id));
        }
        ModelState.AddModelError("", result.Error);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private Moderator Actor() => new(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.Identity!.Name!);

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Post = await db.Posts.AsNoTracking().Where(p => p.Id == id && p.MergedIntoId == null)
            .Select(p => new PostSummary(p.Id, p.Thread!.Slug, p.Thread.Title, p.Author!.DisplayName,
                p.CurrentRevision == null ? "" : p.CurrentRevision.PlainText.Substring(0, Math.Min(p.CurrentRevision.PlainText.Length, 300)),
                p.IsHidden, p.IsDeleted, p.ParentId))
            .SingleOrDefaultAsync(cancellationToken);
        return Post is not null;
    }
}
