using Debate.Core.Data;
using Debate.Core.Reading;
using Debate.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Debate.Web.Features.Threads;

/// <summary>One post with the posts it answers (for context) and its own replies; also where "more replies" lead without the script.</summary>
[OutputCache(PolicyName = ThreadPageCache.PolicyName)]
public sealed class PermalinkModel(DebateDbContext db) : PageModel
{
    public ReadingPage Reading { get; private set; } = null!;
    public IReadOnlyList<ShownPost> Ancestors { get; private set; } = [];
    public ShownPost Focus { get; private set; } = null!;
    public PostWindow Replies { get; private set; } = null!;
    public PostListModel ReplyList { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, long id, string? order, int from, string? hl, CancellationToken cancellationToken)
    {
        var treeOrder = Links.ParseOrder(order);
        var found = await PostAddress.FindAsync(db, slug, id, cancellationToken);
        if (found.MovedElsewhere)
        {
            // The words a search result marks go along, and the fragment names the post as it is now (a merged
            // repost's own id names nothing on its original's page).
            var target = Links.Post(found.Location!.ThreadSlug, found.Location.Id, treeOrder, from);
            if (!string.IsNullOrWhiteSpace(hl))
                target += (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "hl=" + Uri.EscapeDataString(hl);
            return RedirectPermanent(target + "#" + Links.PostId(found.Location.Id));
        }
        if (found is not { Thread: { } thread, Location: { } post })
            return NotFound();

        // The path holds the ids from the root down: the ancestors come without a query of their own.
        var ancestors = post.Path.ToString().Split('.').Select(long.Parse).Where(a => a != id).ToList();
        (Reading, Replies) = await ReadingPage.LoadRepliesAsync(db, thread, post, treeOrder, from, [.. ancestors, id], cancellationToken);
        Reading = Reading with { Viewer = await Posting.Viewer.OfAsync(User, db, cancellationToken) };
        if (!Reading.Posts.TryGetValue(id, out var focus))
            return NotFound();
        Focus = focus;
        Ancestors = ancestors.Where(Reading.Posts.ContainsKey).Select(a => Reading.Posts[a]).ToList();
        ReplyList = new PostListModel(Reading, Replies.Nodes, MoreLink.ForReplies(Reading, id, Replies));
        return Page();
    }
}
