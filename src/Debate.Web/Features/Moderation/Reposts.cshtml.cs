using System.Security.Claims;
using Debate.Core.Accounts;
using Debate.Core.Data;
using Debate.Core.Model;
using Debate.Core.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Features.Moderation;

/// <summary>
/// The queue of possible reposts: each post that holds others' text from another platform, the matching spans
/// side by side with their scores, and a merge of the chosen ones in one step (or a dismissal).
/// </summary>
public sealed class RepostsModel(DebateDbContext db, TimeProvider clock) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The action just done, offered for undo (text: TempData keeps no longs).</summary>
    [TempData]
    public string? LastActionId { get; set; }

    public string? Error { get; private set; }

    public IReadOnlyList<ContainerGroup> Groups { get; private set; } = [];

    public sealed record Source(Platform Platform, string? Url, string? ExternalId, int? SpanStart, int? SpanEnd);

    public sealed record PostShown(long Id, string ThreadSlug, string ThreadTitle, string AuthorName, DateTimeOffset PostedAt, string Text, IReadOnlyList<Source> Provenance);

    public sealed record CandidateShown(long Id, PostShown Contained, double Similarity, double Containment, string? MatchedText);

    public sealed record ContainerGroup(PostShown Container, IReadOnlyList<CandidateShown> Candidates);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Folds the chosen posts into <paramref name="keep"/>: the container keeps the reposted texts as spans.</summary>
    public Task<IActionResult> OnPostMergeAsync(long keep, long[] fold, CancellationToken cancellationToken) =>
        RespondAsync(() => PostMerger.MergeAsync(db, keep, fold, Actor(), clock.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(long[] candidate, CancellationToken cancellationToken) =>
        RespondAsync(() => RepostFinder.DismissAsync(db, candidate, Actor(), clock.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostUndoAsync(long id, CancellationToken cancellationToken) =>
        RespondAsync(() => ModerationLog.UndoAsync(db, id, Actor(), clock.GetUtcNow(), cancellationToken), cancellationToken);

    private async Task<IActionResult> RespondAsync(Func<Task<ModerationResult>> change, CancellationToken cancellationToken)
    {
        var result = await change();
        if (result.Error is null)
        {
            StatusMessage = result.Action!.Summary;
            LastActionId = result.Action.Kind == ModerationLog.UndoKind ? null : result.Action.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return RedirectToPage();
        }
        Error = result.Error;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private Moderator Actor() => new(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.Identity!.Name!);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var open = await db.RepostCandidates.AsNoTracking()
            .Where(c => c.State == RepostState.Open
                        && db.Posts.Any(p => p.Id == c.ContainerPostId && p.MergedIntoId == null)
                        && db.Posts.Any(p => p.Id == c.ContainedPostId && p.MergedIntoId == null))
            .OrderBy(c => c.ContainerPostId).ThenBy(c => c.SpanStart).ThenBy(c => c.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        var postIds = open.SelectMany(c => new[] { c.ContainerPostId, c.ContainedPostId }).Distinct().ToList();
        var posts = await db.Posts.AsNoTracking()
            .Where(p => postIds.Contains(p.Id))
            .Select(p => new PostShown(
                p.Id, p.Thread!.Slug, p.Thread.Title, p.Author!.DisplayName, p.PostedAt, p.CurrentRevision!.PlainText,
                p.Provenance.OrderBy(r => r.SpanStart).ThenBy(r => r.Id)
                    .Select(r => new Source(r.Platform, r.Url, r.ExternalId, r.SpanStart, r.SpanEnd)).ToList()))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        Groups = open.GroupBy(c => c.ContainerPostId)
            .Select(g => new ContainerGroup(posts[g.Key], g.Select(c => new CandidateShown(
                c.Id, posts[c.ContainedPostId], c.Similarity, c.Containment,
                c.SpanStart is int s && c.SpanEnd is int e && e <= posts[g.Key].Text.Length ? posts[g.Key].Text[s..e] : null)).ToList()))
            .ToList();
    }
}
