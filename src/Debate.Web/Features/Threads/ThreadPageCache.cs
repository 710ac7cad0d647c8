using System.Globalization;
using Debate.Core.Data;
using Debate.Core.Model;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Features.Threads;

/// <summary>
/// A thread's pages as anonymous readers get them come from the output cache, stored under the thread's page version
/// (threads.page_version, which the database raises on every change a page of the thread shows, whoever writes it).
/// A cached request costs one indexed read of that number; a change is seen at once, on every app instance, with no
/// eviction to forget. Signed-in readers' pages (reply and edit links, hidden posts for moderators) are never cached.
/// </summary>
internal static class ThreadPageCache
{
    public const string PolicyName = "thread-pages";

    /// <summary>Entries superseded by a newer version are never asked for again; this lets them go.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddThreadPageCache(this IServiceCollection services, IConfiguration configuration) =>
        services.AddOutputCache(options =>
        {
            // What the cache may hold in all; the working set stays bounded however many threads are read.
            options.SizeLimit = configuration.GetValue("OutputCache:SizeLimitMegabytes", 64L) * 1024 * 1024;
            // The default policy is included: GET and HEAD only, anonymous only, 200 only, no response setting a cookie.
            // Keyed by the only query values the pages read: any other (?hl= is for the script, ?x=1 for anyone wanting
            // to build the page again and again) is served the same entry.
            options.AddPolicy(PolicyName, policy => policy.VaryByValue(PageVersionAsync).SetVaryByQuery("order", "from").Expire(Lifetime));
        });

    private static async ValueTask<KeyValuePair<string, string>> PageVersionAsync(HttpContext context, CancellationToken cancellationToken)
    {
        // Signed-in readers are never served from the cache: no need to look the version up for them.
        if (context.User.Identity?.IsAuthenticated == true || context.GetRouteValue("slug") is not string slug)
            return new("page-version", "");
        // A thread that is not there (or not published) answers 404, which is never stored; "" keys nothing that is.
        var version = await VersionAsync(context.RequestServices.GetRequiredService<DebateDbContext>(), slug, cancellationToken);
        return new("page-version", version?.ToString(CultureInfo.InvariantCulture) ?? "");
    }

    /// <summary>The published thread's page version; null when there is no such published thread.</summary>
    public static Task<long?> VersionAsync(DebateDbContext db, string slug, CancellationToken cancellationToken) =>
        // Not a compiled query: the primary's and the replica's contexts do not share a model instance.
        db.Threads
            .Where(t => t.Slug == slug && t.Status == ThreadStatus.Published)
            .Select(t => (long?)t.PageVersion)
            .FirstOrDefaultAsync(cancellationToken);
}
