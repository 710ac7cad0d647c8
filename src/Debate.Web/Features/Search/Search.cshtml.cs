using Debate.Core.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Debate.Web.Features.Search;

/// <summary>The search page: the form, and the results of the query in the address (GET, so results can be linked to).</summary>
public sealed class SearchModel(PostSearch search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public SearchResultsView? Results { get; private set; }

    // From the query string only: Razor Pages' own route value "page" (this page's path) would win over ?page=2.
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Query))
            Results = SearchResultsView.Of(await search.SearchAsync(Query, pageNumber ?? 1, cancellationToken));
        return Page();
    }
}
