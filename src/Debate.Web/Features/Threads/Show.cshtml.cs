using Debate.Core.Data;
using Debate.Core.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Debate.Web.Features.Threads;

public sealed class ShowModel(DebateDbContext db) : PageModel
{
    public ThreadView Thread { get; private set; } = null!;
    public IReadOnlyList<PostNode> Roots { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var thread = await ThreadQueries.GetAsync(db, slug, cancellationToken);
        if (thread is null)
            return NotFound();
        Thread = thread;
        Roots = PostTree.Build(thread.Posts);
        return Page();
    }
}
