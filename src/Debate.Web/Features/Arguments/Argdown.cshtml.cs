using Debate.Core.Claims;
using Debate.Core.Data;
using Debate.Core.Reading;
using Debate.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Debate.Web.Features.Arguments;

/// <summary>The thread's claims as Argdown text, for argument-mapping tools (see docs/formats/argdown-export.md).</summary>
public sealed class ArgdownModel(DebateDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var thread = await ReadingQueries.ThreadAsync(db, slug, cancellationToken);
        if (thread is null)
            return NotFound();
        var graph = await ArgumentGraph.LoadAsync(db, thread.Id, cancellationToken);
        var origin = $"{Request.Scheme}://{Request.Host}";
        var text = ArgdownWriter.Write(thread.Title, origin + Links.Thread(thread.Slug), graph, id => origin + Links.Post(thread.Slug, id));
        Response.Headers.ContentDisposition = $"inline; filename=\"{thread.Slug}.argdown\"";
        return Content(text, "text/plain; charset=utf-8");
    }
}
