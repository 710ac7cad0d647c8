using Debate.Core.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Debate.Web.Features.Search;

/// <summary>The search page: the form, and the results of the query in the address (GET, so results can be linked to).</summary>
public sealed class SearchModel(PostSearch search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SearchResultsView? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Query))
            Results = SearchResultsView.Of(await search.SearchAsync(Query, PageNumber, cancellationToken));
        return Page();
    }
}
