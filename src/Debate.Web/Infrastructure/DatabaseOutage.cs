using Npgsql;

namespace Debate.Web.Infrastructure;

/// <summary>
/// A request that failed because PostgreSQL is down, restarting or failing over answers 503 ("try again in a few
/// seconds"), not 500: nothing is wrong with the request, and clients and proxies may retry it.
/// </summary>
internal static class DatabaseOutage
{
    public static int StatusCodeFor(Exception exception) =>
        IsOutage(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    /// <summary>EF Core wraps what Npgsql throws (DbUpdateException, InvalidOperationException): look down the chain.</summary>
    public static bool IsOutage(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            // Refused or broken connections, timeouts, and the server's own "shutting down" / "starting up" (57P01, 57P03) are transient.
            if (e is NpgsqlException { IsTransient: true })
                return true;
        }
        return false;
    }
}
