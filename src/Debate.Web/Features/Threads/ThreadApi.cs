using System.Security.Claims;
using Debate.Core.Accounts;
using Debate.Core.Data;
using Debate.Core.Interchange;
using Debate.Core.Model;
using Debate.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Features.Threads;

internal static class ThreadApi
{
    public static void MapThreadApi(this IEndpointRouteBuilder endpoints)
    {
        // The thread as debate-thread/1, the same document `export` writes.
        endpoints.MapGet("/api/threads/{slug}", async (string slug, ClaimsPrincipal user, DebateDbContext db, CancellationToken cancellationToken) =>
        {
            var published = await db.Threads.AnyAsync(t => t.Slug == slug && t.Status == ThreadStatus.Published, cancellationToken);
            // Hidden posts' words go to moderators only; everyone else gets their place in the tree.
            var withHiddenText = AccountRoles.Moderators.Any(user.IsInRole);
            var document = published ? await ThreadExporter.ExportAsync(db, slug, withHiddenText, cancellationToken) : null;
            return document is null
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Thread not found", detail: $"There is no published thread '{slug}'.")
                : Results.Json(document, InterchangeJson.Options);
        }).WithMetadata(new ReadsFromReplicaMetadata()).CacheOutput(ThreadPageCache.PolicyName);
    }
}
