using System.Security.Claims;
using System.Text;
using Debate.Core.Accounts;
using Debate.Core.Data;
using Debate.Core.Interchange;
using Debate.Core.Model;
using Debate.Core.Moderation;
using Debate.Core.Rebuilding;
using Debate.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Debate.Web.Features.Moderation.Review;

/// <summary>
/// The review of a thread rebuilt from a scraped page: the page's numbered lines beside the proposed comments,
/// and a form for each review step. Each step rebuilds the draft; the last can be undone; the steps export
/// as a debate-corrections/1 file; publishing makes the thread public.
/// </summary>
public sealed class ReviewModel(DebateDbContext db, TimeProvider clock, IValidator<ReviewModel.StepInput> validator) : PageModel
{
    private DraftReview Review => new(db, clock);

    [BindProperty]
    public StepInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string? Error { get; private set; }

    public ReviewDraft Draft { get; private set; } = null!;

    /// <summary>The comments in page order, numbered from 1 as the page shows them.</summary>
    public IReadOnlyList<ReviewComment> Comments { get; private set; } = [];

    public static readonly IReadOnlyList<string> Ops = ["split", "join", "move", "parent", "quote", "unquote", "embed", "unembed", "author", "claim"];

    public sealed class StepInput
    {
        public string? Op { get; set; }
        public int? Line { get; set; }
        public int? IntoLine { get; set; }
        public int? ParentLine { get; set; }
        public int? SourceLine { get; set; }
        public Platform? Platform { get; set; }
        public string? Author { get; set; }
        public string? AuthorName { get; set; }
        public string? Tag { get; set; }
        public string? TagStatement { get; set; }
        public Stance? Stance { get; set; }
        public string? Exact { get; set; }
        public string? Why { get; set; }
    }

    public sealed class Validator : AbstractValidator<StepInput>
    {
        public Validator()
        {
            RuleFor(i => i.Op).Must(op => op is not null && Ops.Contains(op)).WithMessage($"Choose a step: {string.Join(", ", Ops)}.");
            RuleFor(i => i.Line).NotNull().WithMessage("Give the number of a line of the page.");
            RuleFor(i => i.IntoLine).NotNull().When(i => i.Op is "join" or "move").WithMessage("Give a line of the comment that receives.");
            RuleFor(i => i.SourceLine).NotNull().When(i => i.Op == "quote").WithMessage("Give the line whose text is quoted.");
            RuleFor(i => i.Author).NotEmpty().When(i => i.Op == "author").WithMessage("Give the author's id, such as quintin-pope.");
            RuleFor(i => i.Author).Must(a => a is null || ThreadDocumentReader.SlugPattern().IsMatch(a))
                .WithMessage("An author id is 1 to 100 lower-case letters, digits and hyphens.");
            RuleFor(i => i.AuthorName).MaximumLength(200).WithMessage("A name has at most 200 characters.");
            RuleFor(i => i.Tag).NotEmpty().When(i => i.Op == "claim").WithMessage("Give the claim's tag.");
            RuleFor(i => i.Stance).NotNull().When(i => i.Op == "claim").WithMessage("Choose whether the comment makes, supports or attacks the claim.");
            RuleFor(i => i.Exact).NotEmpty().When(i => i.Op == "claim").WithMessage("Give the tagged words as they stand in the comment.");
            RuleFor(i => i.Why).MaximumLength(2000).WithMessage("A note has at most 2000 characters.");
        }
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStepAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken))
            return await ShowAsync(slug, null, cancellationToken);
        var step = new CorrectionStep
        {
            Op = Input.Op!,
            Line = Input.Line!.Value,
            IntoLine = Input.Op is "join" or "move" ? Input.IntoLine : null,
            ParentLine = Input.Op == "parent" ? Input.ParentLine : null,
            SourceLine = Input.Op == "quote" ? Input.SourceLine : null,
            Platform = Input.Op == "embed" ? Input.Platform : null,
            Author = Input.Op == "author" ? Input.Author : null,
            Tag = Input.Op == "claim" ? Input.Tag : null,
            Stance = Input.Op == "claim" ? Input.Stance : null,
            Exact = Input.Op == "claim" ? Input.Exact : null,
            Why = string.IsNullOrWhiteSpace(Input.Why) ? null : Input.Why.Trim(),
        };
        return await RespondAsync(slug, Review.AddStepAsync(slug, step, new StepDetails(Input.AuthorName, Input.TagStatement), Actor(), clock.GetUtcNow(), cancellationToken), cancellationToken);
    }

    /// <summary>One click: the comment holding <paramref name="line"/> is by whoever wrote the comment holding <paramref name="asLine"/>.</summary>
    public async Task<IActionResult> OnPostSameAuthorAsync(string slug, int line, int asLine, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        var author = Draft.Page.Comments.FirstOrDefault(c => c.Lines.Contains(asLine))?.AuthorId;
        if (author is null)
            return await ShowAsync(slug, $"The comment holding line {asLine} has no author yet.", cancellationToken);
        var step = new CorrectionStep { Op = "author", Line = line, Author = author };
        return await RespondAsync(slug, Review.AddStepAsync(slug, step, new StepDetails(null, null), Actor(), clock.GetUtcNow(), cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostUndoAsync(string slug, CancellationToken cancellationToken) =>
        RespondAsync(slug, Review.UndoLastStepAsync(slug, Actor(), clock.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(string slug, CancellationToken cancellationToken) =>
        RespondAsync(slug, Review.PublishAsync(slug, Actor(), clock.GetUtcNow(), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        return File(Encoding.UTF8.GetBytes(DraftReview.Export(Draft)), "application/json", $"{slug}.corrections.json");
    }

    private async Task<IActionResult> RespondAsync(string slug, Task<ModerationResult> change, CancellationToken cancellationToken)
    {
        var result = await change;
        if (result.Error is null)
        {
            StatusMessage = result.Action!.Summary;
            return RedirectToPage(new { slug });
        }
        return await ShowAsync(slug, result.Error, cancellationToken);
    }

    /// <summary>The page again after a refused step: the error, and the forms as they were filled in.</summary>
    private async Task<IActionResult> ShowAsync(string slug, string? error, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await Review.LoadAsync(slug, cancellationToken) is not { } draft)
            return false;
        Draft = draft;
        Comments = draft.Page.Comments.OrderBy(c => c.Lines.Min).ToList();
        return true;
    }

    /// <summary>The comment's number on this page (from 1, in page order).</summary>
    public int NumberOf(ReviewComment comment) => Comments.ToList().IndexOf(comment) + 1;

    /// <summary>What the refused form held, for the form of that step alone.</summary>
    public string? Kept(string op, Func<StepInput, object?> field) =>
        Input.Op == op ? Convert.ToString(field(Input), System.Globalization.CultureInfo.InvariantCulture) : null;

    public string AuthorName(string? id) =>
        id is null ? "unknown" : Draft.Corrections.Authors.FirstOrDefault(a => a.Id == id)?.DisplayName ?? id;

    private Moderator Actor() => new(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.Identity!.Name!);
}
