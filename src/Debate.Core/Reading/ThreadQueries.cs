using Debate.Core.Data;
using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;

namespace Debate.Core.Reading;

public sealed record ThreadSummary(string Slug, string Title, int PostCount, DateTimeOffset LastActivityAt, IReadOnlyList<Platform> Platforms);

/// <param name="IsPart">Whether it covers a part of the post only (one reposted tweet of several), not the whole.</param>
public sealed record ProvenanceView(Platform Platform, string? Url, ProvenanceRelation Relation, bool IsPart);

/// <summary>What a thread page shows of a post: everything comes from stored columns, nothing is rendered per request.</summary>
public sealed record PostView(
    long Id, long? ParentId, int Depth, string AuthorName, string AuthorSlug, DateTimeOffset PostedAt,
    string Html, bool IsDeleted, bool IsHidden, int RevisionNumber, IReadOnlyList<ProvenanceView> Provenance)
{
    /// <summary>Who may edit it (with moderators), and which revision a quote taken from the page anchors to.</summary>
    public long AuthorId { get; init; }
    public long RevisionId { get; init; }
    public IReadOnlyList<MovedPost> MovedAway { get; init; } = [];
}

public sealed record ThreadView(long Id, string Slug, string Title, ThreadStatus Status, IReadOnlyList<ThreadSource> Sources, IReadOnlyList<PostView> Posts);

/// <summary>The read queries that pages share: one query per page, no tracking.</summary>
public static class ThreadQueries
{
    public static Task<List<ThreadSummary>> ListAsync(DebateDbContext db, CancellationToken cancellationToken = default) =>
        db.Threads.AsNoTracking()
            .Where(t => t.Status == ThreadStatus.Published)
            .OrderByDescending(t => t.LastActivityAt)
            .Select(t => new ThreadSummary(t.Slug, t.Title, t.PostCount, t.LastActivityAt,
                t.Posts.SelectMany(p => p.Provenance).Select(p => p.Platform).Distinct().ToList()))
            .ToListAsync(cancellationToken);

    public static async Task<ThreadView?> GetAsync(DebateDbContext db, string slug, CancellationToken cancellationToken = default)
    {
        var thread = await db.Threads.AsNoTracking()
            .Where(t => t.Slug == slug && t.Status == ThreadStatus.Published)
            .Select(t => new { t.Id, t.Slug, t.Title, t.Status, t.Sources })
            .SingleOrDefaultAsync(cancellationToken);
        if (thread is null)
            return null;
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.ThreadId == thread.Id && p.MergedIntoId == null)
            .Select(p => new PostView(
                p.Id, p.ParentId, p.Depth, p.Author!.DisplayName, p.Author.Slug, p.PostedAt,
                p.CurrentRevision!.Html, p.IsDeleted, p.IsHidden, p.CurrentRevision.Number,
                p.Provenance.OrderBy(x => x.Id).Select(x => new ProvenanceView(x.Platform, x.Url, x.Relation, x.SpanStart != null)).ToList())
            { AuthorId = p.AuthorId, RevisionId = p.CurrentRevisionId ?? 0 })
            .ToListAsync(cancellationToken);
        return new ThreadView(thread.Id, thread.Slug, thread.Title, thread.Status, thread.Sources, posts);
    }
}
