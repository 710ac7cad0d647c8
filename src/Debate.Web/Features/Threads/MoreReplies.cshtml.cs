using Debate.Core.Data;
using Debate.Core.Reading;
using Debate.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Debate.Web.Features.Threads;

/// <summary>The HTML of a post's replies from <c>from</c> on (the next page of them), which the script puts in place of "more replies".</summary>
[OutputCache(PolicyName = ThreadPageCache.PolicyName)]
public sealed class MoreRepliesModel(DebateDbContext db) : PageModel
{
    public PostListModel List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, long id, string? order, int from, CancellationToken cancellationToken)
    {
        var found = await PostAddress.FindAsync(db, slug, id, cancellationToken);
        if (found is not { Exists: true, Thread: { } thread, Location: { } post })
            return NotFound();
        var (reading, window) = await ReadingPage.LoadRepliesAsync(db, thread, post, Links.ParseOrder(order), from, [], cancellationToken);
        reading = reading with { Viewer = await Posting.Viewer.OfAsync(User, db, cancellationToken) };
        List = new PostListModel(reading, window.Nodes, MoreLink.ForReplies(reading, id, window));
        return Page();
    }
}
