using Debate.Core.Claims;
using Debate.Core.Data;
using Debate.Core.Reading;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Debate.Web.Features.Arguments;

/// <summary>The thread's argument: its claim tags as a map, and the same in words.</summary>
public sealed class ArgumentsModel(DebateDbContext db) : PageModel
{
    public ThreadHeader Thread { get; private set; } = null!;
    public ArgumentGraph Graph { get; private set; } = null!;
    public HtmlString Svg { get; private set; } = HtmlString.Empty;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var thread = await ReadingQueries.ThreadAsync(db, slug, cancellationToken);
        if (thread is null)
            return NotFound();
        Thread = thread;
        Graph = await ArgumentGraph.LoadAsync(db, thread.Id, cancellationToken);
        Svg = new HtmlString(ArgumentSvg.Draw(thread.Slug, thread.Title, Graph));
        return Page();
    }
}
