using Debate.Core.Data;
using Debate.Core.Reading;
using Debate.Web.Features.Threads;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Debate.Web.Features.Map;

/// <summary>The thread as a picture: who answered whom, and who quoted whom.</summary>
[OutputCache(PolicyName = ThreadPageCache.PolicyName)]
public sealed class MapModel(DebateDbContext db) : PageModel
{
    public ThreadHeader Thread { get; private set; } = null!;
    public HtmlString Svg { get; private set; } = HtmlString.Empty;
    public int PostCount { get; private set; }
    public int QuoteCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var thread = await ReadingQueries.ThreadAsync(db, slug, cancellationToken);
        if (thread is null)
            return NotFound();
        var posts = await ReadingQueries.MapPostsAsync(db, thread.Id, cancellationToken);
        var quotes = await ReadingQueries.QuoteEdgesAsync(db, thread.Id, cancellationToken);
        Thread = thread;
        PostCount = posts.Count;
        QuoteCount = quotes.Count;
        Svg = new HtmlString(ThreadMapSvg.Draw(thread.Slug, thread.Title, posts, quotes));
        return Page();
    }
}
