using Debate.Core.Data;
using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;

namespace Debate.Core.Interchange;

/// <summary>Writes a stored thread as a debate-thread/1 document: what `export` saves and the JSON API returns.</summary>
public static class ThreadExporter
{
    /// <param name="withHiddenText">
    /// False for readers who are not moderators: hidden and deleted posts keep their place in the tree but lose their
    /// words, and only confirmed claims are listed, as on the thread's pages.
    /// </param>
    public static async Task<ThreadDocument?> ExportAsync(DebateDbContext db, string slug, bool withHiddenText = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The split queries below (posts, then their revisions, quotes, ...) must see one snapshot: under read committed a
        // reply committed between two of them put revisions beside the wrong posts, and a post lost its current text.
        await using var snapshot = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken)
            : null;
        var thread = await db.Threads.AsNoTracking().Include(t => t.Outline).AsSplitQuery().SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (thread is null)
            return null;

        // With identity resolution, an author (and a tag) is one object however many posts name it.
        var posts = await db.Posts.AsNoTrackingWithIdentityResolution()
            .Where(p => p.ThreadId == thread.Id && p.MergedIntoId == null)
            .Include(p => p.Author).ThenInclude(a => a!.Accounts)
            .Include(p => p.Provenance)
            .Include(p => p.Quotes)
            .Include(p => p.Claims).ThenInclude(c => c.Tag)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        // Only what the document holds of each revision: its row also carries the HTML, three plain texts and the
        // search vector, which made a 5,000-post export hold hundreds of megabytes.
        var revisions = (await db.PostRevisions.AsNoTracking()
                .Where(r => db.Posts.Any(p => p.Id == r.PostId && p.ThreadId == thread.Id && p.MergedIntoId == null))
                .Select(r => new ExportedRevision(r.Id, r.PostId, r.Number, r.Body, r.EditedAt))
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.PostId);

        var importKeys = await db.Posts.Where(p => p.ThreadId == thread.Id && p.ImportKey != null)
            .Select(p => p.ImportKey!).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        var documentIds = posts.ToDictionary(p => p.Id, p => DocumentId(p.ImportKey, p.Id, importKeys));
        var revisionNumbers = revisions.SelectMany(r => r).ToDictionary(r => r.Id, r => r.Number);
        var revisionsById = revisions.SelectMany(r => r).ToDictionary(r => r.Id);
        bool Withheld(Post p) => (p.IsHidden || p.IsDeleted) && !withHiddenText;
        // Readers get confirmed claims only (a proposal waits for the author or a moderator); a full export keeps proposals.
        IEnumerable<ClaimTag> ShownClaims(Post p) => Withheld(p) ? [] : p.Claims
            .Where(c => withHiddenText ? c.State != ClaimState.Removed : c.State == ClaimState.Confirmed).OrderBy(c => c.Id);
        var withheld = posts.Where(Withheld).Select(p => p.Id).ToHashSet();

        // A quote names a revision of a post in this document and where its words stand in it. Quotes reaching into
        // another thread (a post moved away) or into words withheld from this reader are left out: their words stay
        // in the quoting post's body as its > block.
        QuoteInfo? Exported(Quote quote)
        {
            if (!documentIds.TryGetValue(quote.SourcePostId, out var sourceId) || withheld.Contains(quote.SourcePostId))
                return null;
            QuoteInfo At(ExportedRevision revision, int start, int end) => new()
            {
                SourcePostId = sourceId,
                SourceRevision = revision.Number,
                Exact = quote.Anchor.Exact,
                Prefix = quote.Anchor.Prefix,
                Suffix = quote.Anchor.Suffix,
                Start = start,
                End = end,
                Status = quote.Status,
            };
            if (revisionsById.TryGetValue(quote.SourceRevisionId, out var taken) && taken.PostId == quote.SourcePostId)
                return At(taken, quote.Anchor.Start, quote.Anchor.End);
            // Taken from a repost merged into this post since: named where the words stand in this post now.
            return quote.CurrentRevisionId is long current && revisionsById.TryGetValue(current, out var now) && now.PostId == quote.SourcePostId
                && quote.CurrentStart is int s && quote.CurrentEnd is int e
                ? At(now, s, e)
                : null;
        }

        var ordered = TreeOrder(posts);
        return new ThreadDocument
        {
            Format = ThreadDocument.FormatName,
            Thread = new ThreadInfo
            {
                Slug = thread.Slug,
                Title = thread.Title,
                Status = thread.Status,
                Reconstructed = thread.IsReconstructed,
                Sources = thread.Sources.Select(s => new SourceInfo { Platform = s.Platform, Url = s.Url, Title = s.Title }).ToList(),
                Outline = thread.Outline.OrderBy(s => s.Position).Select(s => new OutlineInfo
                {
                    Number = s.Number,
                    Title = s.Title,
                    Links = s.Links.Select(l => new LinkInfo { Platform = l.Platform, Url = l.Url, At = l.At }).ToList(),
                }).ToList(),
            },
            Authors = ordered.Select(p => p.Author!).DistinctBy(a => a.Id).Select(a => new AuthorInfo
            {
                Id = a.Slug,
                DisplayName = a.DisplayName,
                Accounts = a.Accounts.OrderBy(x => x.Id).Select(x => new AccountInfo { Platform = x.Platform, Handle = x.Handle, Url = x.Url }).ToList(),
            }).ToList(),
            Tags = ordered.SelectMany(ShownClaims).Select(c => c.Tag!).DistinctBy(t => t.Id)
                .Select(t => new TagInfo { Name = t.Name, Statement = t.Statement, Synonyms = t.Synonyms }).ToList(),
            Posts = ordered.Select(p => new PostInfo
            {
                Id = documentIds[p.Id],
                ParentId = p.ParentId is long parent ? documentIds[parent] : null,
                AuthorId = p.Author!.Slug,
                PostedAt = p.PostedAt,
                Body = Withheld(p) ? "" : revisions[p.Id].Single(r => r.Id == p.CurrentRevisionId).Body,
                Deleted = p.IsDeleted,
                Hidden = p.IsHidden,
                Revisions = Withheld(p) ? [] : revisions[p.Id].OrderBy(r => r.Number).Select(r => new RevisionInfo { Number = r.Number, Body = r.Body, EditedAt = r.EditedAt }).ToList(),
                Provenance = Withheld(p) ? [] : p.Provenance.OrderBy(x => x.Id).Select(x => new ProvenanceInfo
                {
                    Platform = x.Platform,
                    Url = x.Url,
                    ExternalId = x.ExternalId,
                    AuthorHandle = x.AuthorHandle,
                    CapturedAt = x.CapturedAt,
                    Relation = x.Relation,
                    SpanStart = x.SpanStart,
                    SpanEnd = x.SpanEnd,
                }).ToList(),
                Quotes = Withheld(p) ? [] : p.Quotes.OrderBy(q => q.Id).Select(Exported).OfType<QuoteInfo>().ToList(),
                Claims = ShownClaims(p).Select(c => new ClaimInfo
                {
                    Tag = c.Tag!.Name,
                    Stance = c.Stance,
                    Exact = c.Anchor.Exact,
                    Prefix = c.Anchor.Prefix,
                    Suffix = c.Anchor.Suffix,
                    Start = c.Anchor.Start,
                    End = c.Anchor.End,
                    Revision = revisionNumbers[c.RevisionId],
                    State = c.State,
                }).ToList(),
            }).ToList(),
        };
    }

    /// <summary>
    /// A post's id in the thread's documents: the id it was imported under, or "p" and its own key for a post written
    /// here ("p42-here" when an imported post of the thread already goes by "p42"). The importer knows posts by it.
    /// </summary>
    public static string DocumentId(string? importKey, long id, IReadOnlySet<string> threadImportKeys)
    {
        if (importKey is not null)
            return importKey;
        var plain = $"p{id}";
        return threadImportKeys.Contains(plain) ? plain + "-here" : plain;
    }

    private sealed record ExportedRevision(long Id, long PostId, int Number, string Body, DateTimeOffset? EditedAt);

    /// <summary>Depth first, siblings oldest first: parents always before their replies.</summary>
    public static List<Post> TreeOrder(IReadOnlyCollection<Post> posts)
    {
        var ids = posts.Select(p => p.Id).ToHashSet();
        var children = posts.OrderBy(p => p.PostedAt).ThenBy(p => p.Id)
            .ToLookup(p => p.ParentId is long parent && ids.Contains(parent) ? parent : 0L);
        var ordered = new List<Post>(posts.Count);
        var stack = new Stack<Post>(children[0L].Reverse());
        while (stack.Count > 0)
        {
            var post = stack.Pop();
            ordered.Add(post);
            foreach (var child in children[post.Id].Reverse())
                stack.Push(child);
        }
        return ordered;
    }
}
