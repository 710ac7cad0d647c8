namespace Debate.Web.Infrastructure;

/// <summary>
/// A request its client gave up on (a closed tab, a dropped connection, a reader clicking on) cancels the queries it
/// waits for, and they throw. That is not a fault of ours: it ends as 499 with an information line in the request
/// log, not as a 500 with a stack trace that would hide the real errors.
/// </summary>
internal static class AbandonedRequests
{
    public static IApplicationBuilder UseAbandonedRequests(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (context.RequestAborted.IsCancellationRequested && IsCancellation(exception))
        {
            if (!context.Response.HasStarted)
                context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
        }
    });

    /// <summary>EF Core and Npgsql may wrap the cancellation; a connection reset shows as an IOException.</summary>
    private static bool IsCancellation(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is OperationCanceledException or IOException)
                return true;
        }
        return false;
    }
}
