using Debate.Core.Data;
using Debate.Core.Markdown;
using Debate.Core.Posting;
using Debate.Core.Reading;
using Debate.Web.Features.Threads;
using Debate.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Debate.Web.Features.Posting;

/// <summary>
/// Replying: a plain form that works without the script (the thread pages open the same form in place), and where
/// a reply refused for its faults comes back with every field as it was typed.
/// </summary>
[Authorize]
public sealed class ReplyModel(DebateDbContext db, PostWriter writer, IValidator<ReplyInput> validator) : PageModel
{
    [BindProperty]
    public ReplyInput Input { get; set; } = new();

    public ThreadHeader Thread { get; private set; } = null!;
    public ReadingPage? Reading { get; private set; }
    public ShownPost? Parent { get; private set; }
    public HtmlString? PreviewHtml { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, long? to, CancellationToken cancellationToken)
    {
        Input.ParentId = to;
        Input.SubmissionKey = Guid.NewGuid();
        return await ShowAsync(slug, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var thread = await ReadingQueries.ThreadAsync(db, slug, cancellationToken);
        if (thread is null)
            return NotFound();
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken))
            return await ShowAsync(slug, cancellationToken);
        var viewer = await Viewer.OfAsync(User, db, cancellationToken);
        if (viewer.AuthorId is not long authorId)
        {
            ModelState.AddModelError("", "Your account writes as no author yet; ask a moderator to link it.");
            return await ShowAsync(slug, cancellationToken);
        }
        var result = await writer.ReplyAsync(new NewReply(thread.Id, Input.ParentId, authorId, viewer.UserId!, Input.Body, Input.Selections(), Input.SubmissionKey), cancellationToken);
        if (result.Outcome == PostingOutcome.NotFound)
            return NotFound();
        if (result.Outcome != PostingOutcome.Saved)
        {
            ModelState.AddPostingErrors(result.Errors);
            return await ShowAsync(slug, cancellationToken);
        }
        return Redirect(Shared.Links.Post(thread.Slug, result.PostId) + "#" + Shared.Links.PostId(result.PostId));
    }

    /// <summary>Without the script, "Preview" posts the form here and gets it back with the rendered text under it.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string slug, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        PreviewHtml = new HtmlString(MarkdownRenderer.TryRender(Input.Body ?? "", "preview-")?.Html ?? "");
        return await ShowAsync(slug, cancellationToken);
    }

    /// <summary>Without the script, a quote's "Remove" posts the form here and gets it back without that quote.</summary>
    public async Task<IActionResult> OnPostRemoveQuoteAsync(string slug, int index, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (index >= 0 && index < Input.Quotes.Count)
            Input.Quotes.RemoveAt(index);
        return await ShowAsync(slug, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(string slug, CancellationToken cancellationToken)
    {
        var thread = await ReadingQueries.ThreadAsync(db, slug, cancellationToken);
        if (thread is null)
            return NotFound();
        Thread = thread;
        if (Input.ParentId is long parentId)
        {
            // Only a post of this thread is shown here: any other id (a draft thread's post above all) is not found when
            // the form is opened; a form sent back (the parent merged or moved away meanwhile) keeps the typed text and
            // says why, without the parent.
            if (await ReadingQueries.LocateAsync(db, parentId, cancellationToken) is not { MergedIntoId: null } located || located.ThreadId != thread.Id)
                return HttpMethods.IsGet(Request.Method) ? NotFound() : Page();
            var reading = await ReadingPage.LoadAsync(db, thread, TreeOrder.Oldest, [parentId], cancellationToken);
            Reading = reading with { Viewer = await Viewer.OfAsync(User, db, cancellationToken) };
            Parent = Reading.Posts.GetValueOrDefault(parentId);
            if (Parent is null || Parent.Post.Id != parentId)
                return NotFound();
        }
        return Page();
    }
}
