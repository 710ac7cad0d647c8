using Debate.Core.Data;
using Debate.Core.Markdown;
using Debate.Core.Model;
using Debate.Core.Posting;
using Debate.Web.Features.Shared;
using Debate.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Features.Posting;

/// <summary>
/// Editing and deleting a post: its author or a moderator only. An edit adds a revision; a save over a change
/// someone else made meanwhile is refused with the text kept. A delete is soft.
/// </summary>
[Authorize]
public sealed class EditModel(DebateDbContext db, PostWriter writer, IValidator<EditInput> validator) : PageModel
{
    [BindProperty]
    public EditInput Input { get; set; } = new();

    public string Slug { get; private set; } = "";
    public string ThreadTitle { get; private set; } = "";
    public long PostId { get; private set; }
    public string AuthorName { get; private set; } = "";
    public bool IsOwnPost { get; private set; }
    public HtmlString? PreviewHtml { get; private set; }

    private sealed record EditedPost(long Id, string Slug, string ThreadTitle, long AuthorId, string AuthorName, string Body, uint Version);

    public async Task<IActionResult> OnGetAsync(string slug, long id, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(slug, id, cancellationToken) is { } refusal)
            return refusal;
        var post = (await FindAsync(slug, id, includeDeleted: false, cancellationToken))!;
        Input = new EditInput { Body = post.Body, Version = post.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, long id, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(slug, id, cancellationToken) is { } refusal)
            return refusal;
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken))
            return Page();
        var result = await writer.EditAsync(new PostEdit(id, Input.Version, Input.Body, Viewer!.UserId!), cancellationToken);
        switch (result.Outcome)
        {
            case PostingOutcome.NotFound:
                return NotFound();
            case PostingOutcome.Saved:
                return Redirect(Links.Post(Slug, id) + "#" + Links.PostId(id));
            default:
                ModelState.AddPostingErrors(result.Errors);
                if (result.Outcome == PostingOutcome.Conflict)
                    Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
    }

    public async Task<IActionResult> OnPostPreviewAsync(string slug, long id, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(slug, id, cancellationToken) is { } refusal)
            return refusal;
        ModelState.Clear();
        PreviewHtml = new HtmlString(MarkdownRenderer.TryRender(Input.Body ?? "", "preview-")?.Html ?? "");
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, long id, CancellationToken cancellationToken)
    {
        // A post already deleted (the button pressed twice, or in two tabs) is deleted again as a no-op, not a 404.
        if (await AllowedAsync(slug, id, includeDeleted: true, cancellationToken) is { } refusal)
            return refusal;
        var result = await writer.DeleteAsync(id, cancellationToken);
        return result.Outcome == PostingOutcome.NotFound ? NotFound() : Redirect(Links.Post(Slug, id));
    }

    private Viewer? Viewer { get; set; }

    /// <summary>Null when the viewer may change the post; else the answer to give (not found, or 403).</summary>
    private Task<IActionResult?> AllowedAsync(string slug, long id, CancellationToken cancellationToken) =>
        AllowedAsync(slug, id, includeDeleted: false, cancellationToken);

    private async Task<IActionResult?> AllowedAsync(string slug, long id, bool includeDeleted, CancellationToken cancellationToken)
    {
        var post = await FindAsync(slug, id, includeDeleted, cancellationToken);
        if (post is null)
            return NotFound();
        Viewer = await Viewer.OfAsync(User, db, cancellationToken);
        if (!Viewer.MayChange(post.AuthorId))
            return Forbid();
        (Slug, ThreadTitle, PostId, AuthorName) = (post.Slug, post.ThreadTitle, post.Id, post.AuthorName);
        IsOwnPost = Viewer.AuthorId == post.AuthorId;
        return null;
    }

    private Task<EditedPost?> FindAsync(string slug, long id, bool includeDeleted, CancellationToken cancellationToken) =>
        db.Posts.AsNoTracking()
            // A draft thread is the reconstruction under review: its posts change only through the review.
            .Where(p => p.Id == id && p.Thread!.Slug == slug && p.Thread.Status == ThreadStatus.Published
                && (includeDeleted || !p.IsDeleted) && p.MergedIntoId == null && p.CurrentRevisionId != null)
            .Select(p => new EditedPost(p.Id, p.Thread!.Slug, p.Thread.Title, p.AuthorId, p.Author!.DisplayName, p.CurrentRevision!.Body, p.Version))
            .SingleOrDefaultAsync(cancellationToken);
}
