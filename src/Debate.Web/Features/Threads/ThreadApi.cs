using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Debate.Core.Accounts;
using Debate.Core.Data;
using Debate.Core.Interchange;
using Debate.Web.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace Debate.Web.Features.Threads;

internal static class ThreadApi
{
    public static void MapThreadApi(this IEndpointRouteBuilder endpoints)
    {
        // The thread as debate-thread/1, the same document `export` writes, built once per page version.
        endpoints.MapGet("/api/threads/{slug}", async (string slug, ClaimsPrincipal user, HttpRequest request, DebateDbContext db,
            ThreadDocumentCache documents, CancellationToken cancellationToken) =>
        {
            var version = await ThreadPageCache.VersionAsync(db, slug, cancellationToken);
            if (version is not long current)
                return NotFound(slug);
            // Hidden posts' words go to moderators only; everyone else gets their place in the tree.
            var withHiddenText = AccountRoles.Moderators.Any(user.IsInRole);
            var etag = new EntityTagHeaderValue($"\"{current.ToString(CultureInfo.InvariantCulture)}{(withHiddenText ? "-moderator" : "")}\"");
            if (request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false)))
                return Results.StatusCode(StatusCodes.Status304NotModified);
            // The build outlives this request's cancellation: others may be waiting for the same document.
            var document = await documents.GetOrBuildAsync(new(slug, current, withHiddenText), async () =>
                await ThreadExporter.ExportAsync(db, slug, withHiddenText, CancellationToken.None) is { } exported
                    ? JsonSerializer.SerializeToUtf8Bytes(exported, InterchangeJson.Options)
                    : null);
            return document is null ? NotFound(slug) : new CachedDocument(document, etag, withHiddenText);
        }).WithMetadata(new ReadsFromReplicaMetadata());
    }

    private static IResult NotFound(string slug) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Thread not found", detail: $"There is no published thread '{slug}'.");

    /// <summary>
    /// Writes a cached document a slice at a time, each write awaited: Kestrel then holds a slice per reader while the
    /// socket drains, instead of a copy of the whole document.
    /// </summary>
    /// <param name="withHiddenText">A moderator's copy, holding hidden text: no shared cache (a CDN, a proxy) may keep it.</param>
    private sealed class CachedDocument(byte[] document, EntityTagHeaderValue etag, bool withHiddenText) : IResult
    {
        private const int Slice = 64 * 1024;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = document.Length;
            response.GetTypedHeaders().ETag = etag;
            if (withHiddenText)
                response.Headers.CacheControl = "private, no-cache";
            for (var offset = 0; offset < document.Length; offset += Slice)
                await response.Body.WriteAsync(document.AsMemory(offset, Math.Min(Slice, document.Length - offset)), httpContext.RequestAborted);
        }
    }
}
