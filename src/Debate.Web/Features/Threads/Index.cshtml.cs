using Debate.Core.Data;
using Debate.Core.Reading;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Debate.Web.Features.Threads;

public sealed class IndexModel(DebateDbContext db) : PageModel
{
    public IReadOnlyList<ThreadSummary> Threads { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Threads = await ThreadQueries.ListAsync(db, cancellationToken);
}
