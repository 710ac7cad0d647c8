using Debate.Core.Data;
using Debate.Core.Reading;
using Debate.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Debate.Web.Features.Threads;

/// <summary>
/// A thread as a nested tree. A big thread opens with its first screenful (chosen from the tree's shape,
/// without loading the rest); the rest comes page by page from the "more" links.
/// </summary>
[OutputCache(PolicyName = ThreadPageCache.PolicyName)]
public sealed class ShowModel(DebateDbContext db) : PageModel
{
    public ReadingPage Reading { get; private set; } = null!;
    public PostListModel Roots { get; private set; } = null!;
    public PostWindow Window { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, string? order, int from, CancellationToken cancellationToken)
    {
        var thread = await ReadingQueries.ThreadAsync(db, slug, cancellationToken);
        if (thread is null)
            return NotFound();
        (Reading, Window) = await ReadingPage.LoadRootsAsync(db, thread, Links.ParseOrder(order), from, cancellationToken);
        Reading = Reading with { Viewer = await Posting.Viewer.OfAsync(User, db, cancellationToken) };
        Roots = new PostListModel(Reading, Window.Nodes, MoreLink.ForPosts(Reading, Window));
        return Page();
    }
}
