using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Debate.Web.Infrastructure;

/// <summary>
/// A request whose declared length is over the page's limit gets 413 and the "Too large" page at once, before
/// the form is read: otherwise Kestrel stops reading part way and the antiforgery check or the form binder
/// reports a broken form (400). The limit is the one in force for the page: Kestrel's, or the page's own
/// [RequestSizeLimit] (applied at order 900; the antiforgery check reads the form at 1000).
/// </summary>
internal sealed class RefuseOversizeRequests : IAuthorizationFilter, IOrderedFilter
{
    public int Order => 950;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        // The error page, run again for the same request to show the 413, must not refuse it a second time.
        if (context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            return;
        var request = context.HttpContext.Request;
        var limit = context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (request.ContentLength is long length && limit is long max && length > max)
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
    }
}
