using Debate.Core.Data;
using Debate.Core.Reading;
using Debate.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Debate.Web.Features.Threads;

/// <summary>The HTML of the thread's next page of top-level posts with their replies, which the script appends.</summary>
[OutputCache(PolicyName = ThreadPageCache.PolicyName)]
public sealed class MorePostsModel(DebateDbContext db) : PageModel
{
    public PostListModel List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, string? order, int from, CancellationToken cancellationToken)
    {
        var thread = await ReadingQueries.ThreadAsync(db, slug, cancellationToken);
        if (thread is null)
            return NotFound();
        var (reading, window) = await ReadingPage.LoadRootsAsync(db, thread, Links.ParseOrder(order), from, cancellationToken);
        reading = reading with { Viewer = await Posting.Viewer.OfAsync(User, db, cancellationToken) };
        List = new PostListModel(reading, window.Nodes, MoreLink.ForPosts(reading, window));
        return Page();
    }
}
