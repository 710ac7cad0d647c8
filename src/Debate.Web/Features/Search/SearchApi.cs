using Debate.Core.Search;

namespace Debate.Web.Features.Search;

internal static class SearchApi
{
    public static void MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        // The search page's results as JSON; a query that cannot be searched is a problem (400, or 413 when too long).
        endpoints.MapGet("/api/search", async (string? q, int? page, PostSearch search, CancellationToken cancellationToken) =>
        {
            var results = await search.SearchAsync(q, page ?? 1, cancellationToken);
            if (results.Errors.Count > 0)
                return Results.Problem(
                    statusCode: results.Query.IsTooLong ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                    title: "The query cannot be searched",
                    detail: string.Join(" ", results.Errors),
                    extensions: new Dictionary<string, object?> { ["errors"] = results.Errors });
            return Results.Json(SearchResultsView.Of(results));
        });
    }
}
