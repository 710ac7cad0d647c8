using Debate.Core.Data;
using Debate.Core.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Debate.Web.Features.Threads;

/// <summary>One post alone, marked as on the thread page: what hovering a quote shows.</summary>
[OutputCache(PolicyName = ThreadPageCache.PolicyName)]
public sealed class PreviewModel(DebateDbContext db) : PageModel
{
    public PostArticleModel Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, long id, CancellationToken cancellationToken)
    {
        var found = await PostAddress.FindAsync(db, slug, id, cancellationToken);
        if (found is not { Exists: true, Thread: { } thread })
            return NotFound();
        var reading = await ReadingPage.LoadAsync(db, thread, TreeOrder.Oldest, [id], cancellationToken);
        if (!reading.Posts.TryGetValue(id, out var shown))
            return NotFound();
        Article = new PostArticleModel(reading, shown);
        return Page();
    }
}
