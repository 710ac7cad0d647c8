using Debate.Core.Data;
using Debate.Core.Reading;

namespace Debate.Web.Features.Threads;

/// <summary>
/// What a post's address leads to: the post in its published thread; or, when the post was merged into
/// another or moved to another thread, the post whose address to redirect to; or nothing (404).
/// </summary>
internal sealed record PostAddress(ThreadHeader? Thread, PostLocation? Location, bool MovedElsewhere)
{
    private static readonly PostAddress Nowhere = new(null, null, false);

    public bool Exists => Thread is not null && Location is not null;

    public static async Task<PostAddress> FindAsync(DebateDbContext db, string slug, long id, CancellationToken cancellationToken)
    {
        var post = await ReadingQueries.LocateAsync(db, id, cancellationToken);
        if (post is null || !post.ThreadIsPublished)
            return Nowhere;
        if (post.MergedIntoId is long mergedInto)
        {
            var target = await ReadingQueries.LocateAsync(db, mergedInto, cancellationToken);
            return target is { ThreadIsPublished: true, MergedIntoId: null } ? new PostAddress(null, target, true) : Nowhere;
        }
        if (post.ThreadSlug != slug)
            return new PostAddress(null, post, true);
        var thread = await ReadingQueries.ThreadAsync(db, slug, cancellationToken);
        return thread is null ? Nowhere : new PostAddress(thread, post, false);
    }
}
