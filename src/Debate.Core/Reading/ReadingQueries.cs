using System.Linq.Expressions;
using Debate.Core.Data;
using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;

namespace Debate.Core.Reading;

public sealed record OutlineEntry(string Number, string Title, IReadOnlyList<SectionLink> Links);

/// <summary>What every page of a thread shows at the top, and the outline its posts' section mentions link to.</summary>
public sealed record ThreadHeader(
    long Id, string Slug, string Title, IReadOnlyList<ThreadSource> Sources, IReadOnlyList<OutlineEntry> Outline, int PostCount, DateTimeOffset LastActivityAt)
{
    /// <summary>Locked by a moderator: no reply links, no reply form.</summary>
    public bool IsLocked { get; init; }
    /// <summary>Top-level posts a moderator moved away from this thread's top: their old place links to the new.</summary>
    public IReadOnlyList<MovedPost> MovedAway { get; init; } = [];
}

/// <summary>A post moved away from a place, as its old place links to it: where it stands now.</summary>
public sealed record MovedPost(long PostId, string AuthorName, string ThreadSlug, string ThreadTitle);

/// <summary>Where a post lives: the permalink page starts from this.</summary>
public sealed record PostLocation(long Id, long ThreadId, string ThreadSlug, bool ThreadIsPublished, LTree Path, long? MergedIntoId);

/// <summary>
/// A quote seen from both ends: the quoting post (whose blockquote names its source) and the source post
/// (whose quoted words lead back). Anchor* count in the quoted revision's text, Current* in the source's current text.
/// </summary>
public sealed record QuoteLink(
    long Id,
    long QuotingPostId, string QuotingAuthor, string QuotingThreadSlug,
    long SourcePostId, string SourceAuthor, string SourceThreadSlug,
    long SourceRevisionId, int SourceRevisionNumber, bool SourceRevisionIsCurrent,
    AnchorStatus Status, string Exact, int AnchorStart, int AnchorEnd, int? CurrentStart, int? CurrentEnd);

/// <summary>A confirmed claim tag on a span of a post's current text.</summary>
public sealed record ClaimMark(long Id, long PostId, string TagName, string TagStatement, Stance Stance, string Exact, int Start, int End);

/// <summary>A post's current plain text, for pages that search it (the outline's section mentions).</summary>
public sealed record PostText(long Id, string AuthorName, string AuthorSlug, DateTimeOffset PostedAt, string Text);

/// <summary>A post on the thread map.</summary>
public sealed record MapPost(long Id, long? ParentId, DateTimeOffset PostedAt, string AuthorName);

/// <summary>A quote between two posts of the same thread: the map's second kind of edge.</summary>
public sealed record QuoteEdge(long QuotingPostId, long SourcePostId);

/// <summary>The quotes that touch a set of posts (from either end) and the claims tagged in them.</summary>
public sealed record PostAnnotations(IReadOnlyList<QuoteLink> Quotes, IReadOnlyList<ClaimMark> Claims)
{
    public static readonly PostAnnotations None = new([], []);
}

/// <summary>
/// The reading pages' queries. A page of posts costs a constant number of them whatever the thread's size:
/// the tree's shape (ids, parents, times: no text), the posts the page shows, and their quotes and claims.
/// </summary>
public static class ReadingQueries
{
    public static Task<ThreadHeader?> ThreadAsync(DebateDbContext db, string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Threads.AsNoTracking()
            .Where(t => t.Slug == slug && t.Status == ThreadStatus.Published)
            .Select(t => new ThreadHeader(t.Id, t.Slug, t.Title, t.Sources,
                t.Outline.OrderBy(s => s.Position).Select(s => new OutlineEntry(s.Number, s.Title, s.Links)).ToList(),
                t.PostCount, t.LastActivityAt)
            {
                IsLocked = t.IsLocked,
                MovedAway = db.PostMoves.Where(m => m.FromThreadId == t.Id && m.FromParentId == null)
                    .Join(db.Posts, m => m.PostId, p => p.Id, (m, p) => p)
                    // A post moved into a draft thread has no page yet to lead to.
                    .Where(p => (p.ThreadId != t.Id || p.ParentId != null) && p.Thread!.Status == ThreadStatus.Published)
                    .OrderBy(p => p.PostedAt).ThenBy(p => p.Id)
                    .Select(p => new MovedPost(p.Id, p.Author!.DisplayName, p.Thread!.Slug, p.Thread.Title))
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The shape of a whole thread.</summary>
    public static Task<List<PostStub>> StubsAsync(DebateDbContext db, long threadId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Posts.AsNoTracking()
            .Where(p => p.ThreadId == threadId && p.MergedIntoId == null)
            .Select(p => new PostStub(p.Id, p.ParentId, p.PostedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The shape of one post's subtree, the post included (on the path index).</summary>
    public static Task<List<PostStub>> SubtreeStubsAsync(DebateDbContext db, PostLocation post, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(post);
        return db.Posts.AsNoTracking()
            .Where(p => p.ThreadId == post.ThreadId && p.MergedIntoId == null && p.Path.IsDescendantOf(post.Path))
            .Select(p => new PostStub(p.Id, p.ParentId, p.PostedAt))
            .ToListAsync(cancellationToken);
    }

    public static Task<PostLocation?> LocateAsync(DebateDbContext db, long postId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Posts.AsNoTracking()
            .Where(p => p.Id == postId)
            .Select(p => new PostLocation(p.Id, p.ThreadId, p.Thread!.Slug, p.Thread.Status == ThreadStatus.Published, p.Path, p.MergedIntoId))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The posts a page shows, by id, with their stored HTML: nothing is rendered per request.</summary>
    public static async Task<Dictionary<long, PostView>> PostsAsync(DebateDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (ids.Count == 0)
            return [];
        var list = ids.ToList();
        return await db.Posts.AsNoTracking()
            .Where(p => list.Contains(p.Id))
            .Select(p => new PostView(
                p.Id, p.ParentId, p.Depth, p.Author!.DisplayName, p.Author.Slug, p.PostedAt,
                p.CurrentRevision!.Html, p.IsDeleted, p.IsHidden, p.CurrentRevision.Number,
                p.Provenance.OrderBy(x => x.Id).Select(x => new ProvenanceView(x.Platform, x.Url, x.Relation, x.SpanStart != null)).ToList())
            {
                AuthorId = p.AuthorId,
                RevisionId = p.CurrentRevisionId ?? 0,
                // Replies a moderator moved away from under this post and that stand elsewhere now.
                MovedAway = db.PostMoves.Where(m => m.FromParentId == p.Id)
                    .Join(db.Posts, m => m.PostId, moved => moved.Id, (m, moved) => moved)
                    .Where(moved => moved.ParentId != p.Id && moved.Thread!.Status == ThreadStatus.Published)
                    .OrderBy(moved => moved.PostedAt).ThenBy(moved => moved.Id)
                    .Select(moved => new MovedPost(moved.Id, moved.Author!.DisplayName, moved.Thread!.Slug, moved.Thread.Title))
                    .ToList(),
            })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    /// <summary>The posts whose text may mention a section ("section", "§"); the caller keeps those that really do.</summary>
    public static Task<List<PostText>> PostsNamingSectionsAsync(DebateDbContext db, long threadId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Posts.AsNoTracking()
            .Where(p => p.ThreadId == threadId && p.MergedIntoId == null && !p.IsDeleted && !p.IsHidden)
            .Where(p => EF.Functions.ILike(p.CurrentRevision!.PlainText, "%section%") || EF.Functions.Like(p.CurrentRevision.PlainText, "%§%"))
            .OrderBy(p => p.PostedAt).ThenBy(p => p.Id)
            .Select(p => new PostText(p.Id, p.Author!.DisplayName, p.Author.Slug, p.PostedAt, p.CurrentRevision!.PlainText))
            .ToListAsync(cancellationToken);
    }

    public static Task<List<MapPost>> MapPostsAsync(DebateDbContext db, long threadId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Posts.AsNoTracking()
            .Where(p => p.ThreadId == threadId && p.MergedIntoId == null)
            .Select(p => new MapPost(p.Id, p.ParentId, p.PostedAt, p.Author!.DisplayName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Quotes from a thread's shown posts of posts of the same thread.</summary>
    public static Task<List<QuoteEdge>> QuoteEdgesAsync(DebateDbContext db, long threadId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (from q in db.Quotes.AsNoTracking()
                join quoting in db.Posts on q.PostId equals quoting.Id
                where quoting.ThreadId == threadId && !quoting.IsDeleted && !quoting.IsHidden && quoting.MergedIntoId == null
                      && q.SourcePost!.ThreadId == threadId && q.SourcePost.MergedIntoId == null
                select new QuoteEdge(q.PostId, q.SourcePostId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>In one query: the quotes made by or taken from these posts, and the claims tagged in them.</summary>
    public static async Task<PostAnnotations> AnnotationsAsync(DebateDbContext db, IReadOnlyCollection<long> postIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (postIds.Count == 0)
            return PostAnnotations.None;
        var ids = postIds.ToList();
        var quotes = QuoteRows(db, q => ids.Contains(q.PostId) || ids.Contains(q.SourcePostId));
        var claims = db.ClaimTags.AsNoTracking()
            .Where(c => ids.Contains(c.PostId) && c.State == ClaimState.Confirmed && c.CurrentStart != null && c.CurrentEnd != null)
            .Select(c => new AnnotationRow
            {
                IsClaim = true, Id = c.Id, PostId = c.PostId, SourcePostId = c.PostId,
                QuotingAuthor = "", QuotingThreadSlug = "", SourceAuthor = "", SourceThreadSlug = "",
                SourceRevisionId = c.RevisionId, SourceRevisionNumber = 0, SourceRevisionIsCurrent = true,
                Status = c.Status, Exact = c.Anchor.Exact, AnchorStart = c.Anchor.Start, AnchorEnd = c.Anchor.End,
                CurrentStart = c.CurrentStart, CurrentEnd = c.CurrentEnd,
                TagName = c.Tag!.Name, TagStatement = c.Tag.Statement, Stance = c.Stance,
            });
        // Claims first: EF reads each UNION column with the first query's mapping, and only claims have a real
        // stance column (stored as text); with quotes first, their NULL stance would be read as an integer.
        var rows = await claims.Concat(quotes).ToListAsync(cancellationToken);
        return new PostAnnotations(
            rows.Where(r => !r.IsClaim).Select(ToQuoteLink).ToList(),
            rows.Where(r => r.IsClaim).Select(r => new ClaimMark(r.Id, r.PostId, r.TagName!, r.TagStatement!, r.Stance!.Value, r.Exact, r.CurrentStart!.Value, r.CurrentEnd!.Value)).ToList());
    }

    /// <summary>Every quote taken from one post, whichever revision it quotes (for the post's history).</summary>
    public static async Task<List<QuoteLink>> QuotesOfAsync(DebateDbContext db, long sourcePostId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await QuoteRows(db, q => q.SourcePostId == sourcePostId).ToListAsync(cancellationToken);
        return rows.Select(ToQuoteLink).ToList();
    }

    // Quotes from posts that are not shown (deleted, hidden, merged away, in a draft thread) lead nowhere, so they are
    // left out, as are quotes of a draft thread's posts.
    private static IQueryable<AnnotationRow> QuoteRows(DebateDbContext db, Expression<Func<Quote, bool>> which) =>
        from q in db.Quotes.AsNoTracking().Where(which)
        join quoting in db.Posts on q.PostId equals quoting.Id
        where !quoting.IsDeleted && !quoting.IsHidden && quoting.MergedIntoId == null
            && quoting.Thread!.Status == ThreadStatus.Published && q.SourcePost!.Thread!.Status == ThreadStatus.Published
        select new AnnotationRow
        {
            IsClaim = false, Id = q.Id, PostId = q.PostId, SourcePostId = q.SourcePostId,
            QuotingAuthor = quoting.Author!.DisplayName, QuotingThreadSlug = quoting.Thread!.Slug,
            SourceAuthor = q.SourcePost!.Author!.DisplayName, SourceThreadSlug = q.SourcePost.Thread!.Slug,
            SourceRevisionId = q.SourceRevisionId, SourceRevisionNumber = q.SourceRevision!.Number,
            SourceRevisionIsCurrent = q.SourceRevisionId == q.SourcePost.CurrentRevisionId,
            Status = q.Status, Exact = q.Anchor.Exact, AnchorStart = q.Anchor.Start, AnchorEnd = q.Anchor.End,
            CurrentStart = q.CurrentStart, CurrentEnd = q.CurrentEnd,
            TagName = null, TagStatement = null, Stance = null,
        };

    private static QuoteLink ToQuoteLink(AnnotationRow r) => new(
        r.Id, r.PostId, r.QuotingAuthor, r.QuotingThreadSlug, r.SourcePostId, r.SourceAuthor, r.SourceThreadSlug,
        r.SourceRevisionId, r.SourceRevisionNumber, r.SourceRevisionIsCurrent, r.Status, r.Exact, r.AnchorStart, r.AnchorEnd,
        r.CurrentStart, r.CurrentEnd);

    // One row shape for quotes and claims, so both come back from one UNION ALL.
    private sealed class AnnotationRow
    {
        public bool IsClaim { get; init; }
        public long Id { get; init; }
        public long PostId { get; init; }
        public long SourcePostId { get; init; }
        public required string QuotingAuthor { get; init; }
        public required string QuotingThreadSlug { get; init; }
        public required string SourceAuthor { get; init; }
        public required string SourceThreadSlug { get; init; }
        public long SourceRevisionId { get; init; }
        public int SourceRevisionNumber { get; init; }
        public bool SourceRevisionIsCurrent { get; init; }
        public AnchorStatus Status { get; init; }
        public required string Exact { get; init; }
        public int AnchorStart { get; init; }
        public int AnchorEnd { get; init; }
        public int? CurrentStart { get; init; }
        public int? CurrentEnd { get; init; }
        public string? TagName { get; init; }
        public string? TagStatement { get; init; }
        public Stance? Stance { get; init; }
    }
}
