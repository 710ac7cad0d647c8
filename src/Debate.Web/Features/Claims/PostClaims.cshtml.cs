using System.Security.Claims;
using Debate.Core.Accounts;
using Debate.Core.Claims;
using Debate.Core.Data;
using Debate.Core.Model;
using Debate.Core.Reading;
using Debate.Web.Features.Shared;
using Debate.Web.Features.Threads;
using Debate.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Features.Claims;

/// <summary>
/// A post's claim tags: tag words of it with a claim and a stance (the page the selection button leads to, and the
/// form that works without a script), and, for the post's author and moderators, confirm or remove proposed ones.
/// </summary>
[Authorize]
public sealed class PostClaimsModel(DebateDbContext db, TimeProvider clock, IValidator<PostClaimsModel.InputModel> validator) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public ReadingPage Reading { get; private set; } = null!;
    public ShownPost Post { get; private set; } = null!;
    public IReadOnlyList<ClaimEntry> Claims { get; private set; } = [];
    public IReadOnlyList<TagChoice> Tags { get; private set; } = [];
    public IReadOnlyList<SpanPlace> Places { get; private set; } = [];
    public bool MayDecide { get; private set; }

    public sealed record ClaimEntry(long Id, string TagName, Stance Stance, string Exact, ClaimState State, AnchorStatus Status);

    public sealed record TagChoice(string Name, string Statement);

    public sealed class InputModel
    {
        public string Exact { get; set; } = "";
        public int? Start { get; set; }
        public string TagName { get; set; } = "";
        public string? Statement { get; set; }
        public string? Synonyms { get; set; }
        public string Stance { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(i => i.Exact).NotEmpty().WithMessage("Select or type the words to tag.")
                .MaximumLength(ClaimTagging.MaxExactLength).WithMessage($"Tag at most {ClaimTagging.MaxExactLength} characters; a claim is a sentence or two.");
            RuleFor(i => i.TagName).NotEmpty().WithMessage("Choose a tag or name a new one.");
            RuleFor(i => i.Synonyms).MaximumLength(700).WithMessage(TagNames.SynonymsRule);
            RuleFor(i => i.Stance).Must(s => Enum.TryParse<Stance>(s, ignoreCase: true, out var stance) && Enum.IsDefined(stance))
                .WithMessage("Choose the post's stance: supports, opposes, neutral or questions.");
        }
    }

    public async Task<IActionResult> OnGetAsync(string slug, long id, string? exact, int? start, CancellationToken cancellationToken)
    {
        Input.Exact = exact ?? "";
        Input.Start = start;
        return await PageAsync(slug, id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string slug, long id, CancellationToken cancellationToken)
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken))
            return await PageAsync(slug, id, cancellationToken);
        var request = new ClaimRequest(id, Input.Exact, Input.Start, Input.TagName, Input.Statement, Input.Synonyms, Enum.Parse<Stance>(Input.Stance, ignoreCase: true));
        var result = await ClaimTagging.ProposeAsync(db, request, Actor(), clock.GetUtcNow(), cancellationToken);
        if (result.Succeeded)
        {
            StatusMessage = result.Action!.Summary;
            return Redirect(Links.PostClaims(slug, id) + "#" + Links.ClaimId(id, result.Claim!.Id));
        }
        ModelState.AddAccountErrors(result.Errors);
        Places = result.Places;
        return await PageAsync(slug, id, cancellationToken);
    }

    public async Task<IActionResult> OnPostConfirmAsync(string slug, long id, long claimId, CancellationToken cancellationToken) =>
        await DecideAsync(slug, id, await ClaimTagging.ConfirmAsync(db, claimId, Actor(), clock.GetUtcNow(), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(string slug, long id, long claimId, CancellationToken cancellationToken) =>
        await DecideAsync(slug, id, await ClaimTagging.RemoveAsync(db, claimId, Actor(), clock.GetUtcNow(), cancellationToken), cancellationToken);

    private async Task<IActionResult> DecideAsync(string slug, long id, ClaimResult result, CancellationToken cancellationToken)
    {
        if (result.Forbidden)
            return Forbid();
        if (result.Succeeded)
        {
            StatusMessage = result.Action!.Summary;
            return Redirect(Links.PostClaims(slug, id));
        }
        ModelState.AddAccountErrors(result.Errors);
        return await PageAsync(slug, id, cancellationToken);
    }

    private ClaimActor Actor() =>
        new(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.Identity!.Name!, AccountRoles.Moderators.Any(User.IsInRole));

    private async Task<IActionResult> PageAsync(string slug, long id, CancellationToken cancellationToken)
    {
        var found = await PostAddress.FindAsync(db, slug, id, cancellationToken);
        if (found.MovedElsewhere)
            return RedirectPermanent(Links.PostClaims(found.Location!.ThreadSlug, found.Location.Id));
        if (found is not { Thread: { } thread, Location: { } location })
            return NotFound();
        Reading = await ReadingPage.LoadAsync(db, thread, TreeOrder.Oldest, [location.Id], cancellationToken);
        if (!Reading.Posts.TryGetValue(id, out var post) || post.Post.IsDeleted || post.Post.IsHidden)
            return NotFound();
        Post = post;
        Claims = await db.ClaimTags.AsNoTracking().Where(c => c.PostId == id)
            .OrderBy(c => c.State == ClaimState.Removed).ThenBy(c => c.CurrentStart).ThenBy(c => c.Id)
            .Select(c => new ClaimEntry(c.Id, c.Tag!.Name, c.Stance, c.Anchor.Exact, c.State, c.Status))
            .ToListAsync(cancellationToken);
        Tags = await db.Tags.AsNoTracking().Where(t => t.MergedIntoId == null).OrderBy(t => t.Name).Take(1000)
            .Select(t => new TagChoice(t.Name, t.Statement)).ToListAsync(cancellationToken);
        var authorId = await db.Posts.Where(p => p.Id == id).Select(p => p.AuthorId).SingleAsync(cancellationToken);
        MayDecide = await ClaimTagging.MayDecideAsync(db, Actor(), authorId, cancellationToken);
        return Page();
    }
}
