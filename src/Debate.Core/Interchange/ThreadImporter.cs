using System.Globalization;
using Debate.Core.Anchoring;
using Debate.Core.Data;
using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;

namespace Debate.Core.Interchange;

public sealed record ImportResult(long ThreadId, string Slug, int PostsAdded, int PostsAlreadyPresent)
{
    /// <summary>The posts this import added, for what looks at new posts afterwards (the repost finder).</summary>
    public IReadOnlyList<long> AddedPostIds { get; init; } = [];
}

/// <summary>How far an import has come: posts rendered and written of those the file adds.</summary>
public sealed record ImportProgress(int PostsWritten, int PostsToWrite);

/// <summary>
/// Writes a checked debate-thread/1 document into the database in one transaction. Posts are matched by
/// their document ids, so importing the same document twice changes nothing; a fault writes nothing.
/// The thread, its authors and tags go through EF Core; posts and everything hanging from them go by
/// binary COPY (<see cref="PostCopy"/>), for every format and every size of file.
/// </summary>
public sealed class ThreadImporter(DebateDbContext db, TimeProvider clock)
{
    public Task<ImportResult> ImportAsync(ThreadDocument document, string fileName, CancellationToken cancellationToken = default) =>
        ImportAsync(document, fileName, source: null, progress: null, cancellationToken);

    public Task<ImportResult> ImportAsync(ThreadDocument document, string fileName, ImportedDocument? source, CancellationToken cancellationToken = default) =>
        ImportAsync(document, fileName, source, progress: null, cancellationToken);

    /// <param name="source">The file as imported, kept beside the thread (a scraped page and the machine's proposal for it).</param>
    /// <param name="progress">Told as posts are written, for a large file.</param>
    public async Task<ImportResult> ImportAsync(ThreadDocument document, string fileName, ImportedDocument? source, IProgress<ImportProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await WriteAsync(document, fileName, progress, cancellationToken);
            if (source is not null && !await db.ImportedDocuments.AnyAsync(d => d.ThreadId == result.ThreadId && d.Sha256 == source.Sha256, cancellationToken))
            {
                source.ThreadId = result.ThreadId;
                db.ImportedDocuments.Add(source);
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return result;
        });
    }

    /// <summary>Writes the document inside the caller's transaction, for a change that does more than import (a draft rebuilt by its review).</summary>
    public Task<ImportResult> WriteInCurrentTransactionAsync(ThreadDocument document, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("WriteInCurrentTransactionAsync needs a transaction begun by the caller.");
        return WriteAsync(document, fileName, progress: null, cancellationToken);
    }

    private async Task<ImportResult> WriteAsync(ThreadDocument document, string fileName, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var thread = await db.Threads.Include(t => t.Outline).SingleOrDefaultAsync(t => t.Slug == document.Thread.Slug, cancellationToken)
            ?? AddThread(document.Thread, now);
        var authors = await AuthorsAsync(document.Authors, now, cancellationToken);
        var tags = await TagsAsync(document, now, cancellationToken);
        if (thread.Id == 0)
            await db.SaveChangesAsync(cancellationToken);

        // The thread's posts by the ids its exports give them, so that a thread's own export imports back as nothing new,
        // replies written here included.
        var stored = await db.Posts.AsNoTracking()
            .Where(p => p.ThreadId == thread.Id)
            .Select(p => new { p.ImportKey, p.Id, Path = (string)p.Path, p.Depth })
            .ToListAsync(cancellationToken);
        var importKeys = stored.Where(p => p.ImportKey is not null).Select(p => p.ImportKey!).ToHashSet(StringComparer.Ordinal);
        var places = stored.ToDictionary(
            p => ThreadExporter.DocumentId(p.ImportKey, p.Id, importKeys), p => new PostPlace(p.Id, p.Path, p.Depth), StringComparer.Ordinal);
        var presentKeys = places.Keys.ToHashSet(StringComparer.Ordinal);
        await CheckProvenanceIsNewAsync(document, presentKeys, fileName, cancellationToken);

        var added = ParentsFirst(document.Posts).Where(p => !presentKeys.Contains(p.Post.Id)).ToList();
        if (added.Count == 0)
            return new ImportResult(thread.Id, thread.Slug, 0, document.Posts.Count);

        // Every post's revisions, by document id: those stored before that new posts quote, and those added now.
        var revisions = await StoredRevisionsAsync(added, places, cancellationToken);
        var copy = await PostCopy.BeginAsync(db, cancellationToken);
        var postIds = await copy.ReserveIdsAsync(PostCopy.PostIds, added.Count, cancellationToken);
        var revisionIds = await copy.ReserveIdsAsync(PostCopy.RevisionIds, added.Sum(a => RevisionsOf(a.Post).Count), cancellationToken);

        var rows = new List<PostRow>(added.Count);
        var nextRevision = 0;
        for (var i = 0; i < added.Count; i++)
        {
            var info = added[i].Post;
            var parent = info.ParentId is null ? null : places[info.ParentId];
            var id = postIds[i];
            var place = new PostPlace(id, parent is null ? id.ToString(CultureInfo.InvariantCulture) : $"{parent.Path}.{id}", parent is null ? 0 : parent.Depth + 1);
            places[info.Id] = place;
            var ids = revisionIds.GetRange(nextRevision, RevisionsOf(info).Count);
            nextRevision += ids.Count;
            rows.Add(new PostRow(info, place, parent?.Id, authors[info.AuthorId].Id, ids));
        }

        await copy.WritePostsAsync(thread.Id, rows, now, cancellationToken);
        await copy.WriteRevisionsAsync(rows, RevisionsOf, revisions, fileName, progress, cancellationToken);
        await copy.WriteProvenanceAsync(rows, cancellationToken);

        var errors = new List<ImportError>();
        var quotes = new List<Quote>();
        var claims = new List<ClaimTag>();
        for (var i = 0; i < added.Count; i++)
        {
            var (info, index) = added[i];
            var where = $"$.posts[{index}]";
            for (var q = 0; q < info.Quotes.Count; q++)
            {
                var quote = info.Quotes[q];
                if (ToQuote(quote, rows[i].Place.Id, revisions[quote.SourcePostId], places[quote.SourcePostId].Id, $"{where}.quotes[{q}]", now, errors) is { } row)
                    quotes.Add(row);
            }
            for (var c = 0; c < info.Claims.Count; c++)
            {
                if (ToClaim(info.Claims[c], rows[i].Place.Id, revisions[info.Id], tags[info.Claims[c].Tag], $"{where}.claims[{c}]", now, errors) is { } row)
                    claims.Add(row);
            }
        }
        if (errors.Count > 0)
            throw new ImportException(fileName, errors);
        await copy.WriteQuotesAsync(quotes, cancellationToken);
        await copy.WriteClaimsAsync(claims, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        // Counted in the database, as replies are: a reply saved while the import ran keeps its place in the count,
        // where the count read at the start and written back at the end lost it.
        var counted = added.Count(a => !a.Post.Deleted);
        var latest = added.Max(a => a.Post.Revisions.Select(r => r.EditedAt ?? a.Post.PostedAt).Append(a.Post.PostedAt).Max());
        await db.Threads.Where(t => t.Id == thread.Id).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.PostCount, t => t.PostCount + counted)
            .SetProperty(t => t.LastActivityAt, t => t.LastActivityAt > latest ? t.LastActivityAt : latest), cancellationToken);
        return new ImportResult(thread.Id, thread.Slug, added.Count, document.Posts.Count - added.Count) { AddedPostIds = rows.Select(r => r.Place.Id).ToList() };
    }

    private static List<RevisionInfo> RevisionsOf(PostInfo info) =>
        info.Revisions.Count > 0 ? info.Revisions : [new RevisionInfo { Number = 1, Body = info.Body }];

    /// <summary>The plain text of each revision of the stored posts that new posts quote, which their anchors are checked on.</summary>
    private async Task<Dictionary<string, List<(long Id, string PlainText)>>> StoredRevisionsAsync(
        List<(PostInfo Post, int Index)> added, Dictionary<string, PostPlace> stored, CancellationToken cancellationToken)
    {
        var quoted = added.SelectMany(a => a.Post.Quotes).Select(q => q.SourcePostId).Where(stored.ContainsKey).Distinct(StringComparer.Ordinal)
            .ToDictionary(key => stored[key].Id, key => key);
        var result = new Dictionary<string, List<(long Id, string PlainText)>>(StringComparer.Ordinal);
        if (quoted.Count == 0)
            return result;
        var ids = quoted.Keys.ToList();
        var rows = await db.PostRevisions.AsNoTracking().Where(r => ids.Contains(r.PostId))
            .OrderBy(r => r.PostId).ThenBy(r => r.Number)
            .Select(r => new { r.PostId, r.Id, r.PlainText })
            .ToListAsync(cancellationToken);
        foreach (var group in rows.GroupBy(r => r.PostId))
            result[quoted[group.Key]] = group.Select(r => (r.Id, r.PlainText)).ToList();
        return result;
    }

    /// <summary>An item published once (a tweet, a comment) belongs to one post: a second claim on it is refused by name.</summary>
    private async Task CheckProvenanceIsNewAsync(ThreadDocument document, HashSet<string> presentKeys, string fileName, CancellationToken cancellationToken)
    {
        var claimed = document.Posts.Select((p, i) => (Post: p, Index: i))
            .Where(x => !presentKeys.Contains(x.Post.Id))
            .SelectMany(x => x.Post.Provenance.Select((r, j) => (x.Index, j, r.Platform, r.ExternalId)))
            .Where(x => x.ExternalId is not null)
            .ToList();
        if (claimed.Count == 0)
            return;
        var ids = claimed.Select(c => c.ExternalId!).Distinct().ToList();
        var taken = (await db.Provenance.AsNoTracking()
                .Where(p => p.ExternalId != null && ids.Contains(p.ExternalId))
                .Select(p => new { p.Platform, p.ExternalId, p.PostId })
                .ToListAsync(cancellationToken))
            .ToDictionary(p => (p.Platform, p.ExternalId!), p => p.PostId);
        var errors = claimed
            .Where(c => taken.ContainsKey((c.Platform, c.ExternalId!)))
            .Select(c => new ImportError($"$.posts[{c.Index}].provenance[{c.j}].externalId",
                $"{c.Platform.ToString().ToLowerInvariant()} item \"{c.ExternalId}\" already belongs to post {taken[(c.Platform, c.ExternalId!)]}"))
            .ToList();
        if (errors.Count > 0)
            throw new ImportException(fileName, errors);
    }

    private DebateThread AddThread(ThreadInfo info, DateTimeOffset now)
    {
        var thread = new DebateThread
        {
            Slug = info.Slug,
            Title = info.Title,
            Status = info.Status,
            IsReconstructed = info.Reconstructed,
            CreatedAt = now,
            LastActivityAt = DateTimeOffset.UnixEpoch, // raised to the newest post below
            Sources = info.Sources.Select(s => new ThreadSource { Platform = s.Platform, Url = s.Url, Title = s.Title }).ToList(),
            Outline = info.Outline.Select((s, i) => new OutlineSection
            {
                Number = s.Number,
                Title = s.Title,
                Position = i,
                Links = s.Links.Select(l => new SectionLink { Platform = l.Platform, Url = l.Url, At = l.At }).ToList(),
            }).ToList(),
        };
        db.Threads.Add(thread);
        return thread;
    }

    private async Task<Dictionary<string, Author>> AuthorsAsync(List<AuthorInfo> infos, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var slugs = infos.Select(a => a.Id).ToList();
        var authors = await db.Authors.Include(a => a.Accounts).Where(a => slugs.Contains(a.Slug)).ToDictionaryAsync(a => a.Slug, StringComparer.Ordinal, cancellationToken);
        await AddOwnersOfKnownAccountsAsync(infos, authors, cancellationToken);
        foreach (var info in infos.Where(i => !authors.ContainsKey(i.Id)))
        {
            var author = new Author { Slug = info.Id, DisplayName = info.DisplayName, CreatedAt = now };
            db.Authors.Add(author);
            authors[info.Id] = author;
        }
        foreach (var info in infos)
        {
            var author = authors[info.Id];
            foreach (var account in info.Accounts.Where(a => !author.Accounts.Any(x => x.Platform == a.Platform && x.Handle == a.Handle)))
                author.Accounts.Add(new AuthorAccount { Platform = account.Platform, Handle = account.Handle, Url = account.Url });
        }
        await db.SaveChangesAsync(cancellationToken);
        return authors;
    }

    /// <summary>
    /// An account belongs to one author: a platform import that names its author differently (an X
    /// handle, where the thread already has "quintin-pope") means the author who already has the account.
    /// </summary>
    private async Task AddOwnersOfKnownAccountsAsync(List<AuthorInfo> infos, Dictionary<string, Author> authors, CancellationToken cancellationToken)
    {
        var unknown = infos.Where(i => !authors.ContainsKey(i.Id) && i.Accounts.Count > 0).ToList();
        var handles = unknown.SelectMany(i => i.Accounts).Select(a => a.Handle).Distinct().ToList();
        if (handles.Count == 0)
            return;
        var owners = await db.Authors.Include(a => a.Accounts).Where(a => a.Accounts.Any(x => handles.Contains(x.Handle))).ToListAsync(cancellationToken);
        foreach (var info in unknown)
        {
            var owner = owners.FirstOrDefault(o => o.Accounts.Any(x => info.Accounts.Any(a => a.Platform == x.Platform && a.Handle == x.Handle)));
            if (owner is not null)
                authors[info.Id] = owner;
        }
    }

    /// <summary>
    /// The tags the document's claims name, found by name or added: from <c>$.tags</c> with their statements, or, for a
    /// tag a claim names without defining it (the contract needs only the name), with no statement yet.
    /// </summary>
    private async Task<Dictionary<string, Tag>> TagsAsync(ThreadDocument document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var infos = document.Tags.Concat(document.Posts.SelectMany(p => p.Claims).Select(c => new TagInfo { Name = c.Tag, Statement = "" }))
            .DistinctBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var names = infos.Select(t => t.Name).ToList();
        var tags = await db.Tags.Where(t => names.Contains(t.Name)).ToDictionaryAsync(t => t.Name, StringComparer.Ordinal, cancellationToken);
        foreach (var info in infos.Where(i => !tags.ContainsKey(i.Name)))
        {
            var tag = new Tag { Name = info.Name, Statement = info.Statement, Synonyms = info.Synonyms, CreatedAt = now };
            db.Tags.Add(tag);
            tags[info.Name] = tag;
        }
        await db.SaveChangesAsync(cancellationToken);
        return tags;
    }

    private static Quote? ToQuote(QuoteInfo info, long postId, List<(long Id, string PlainText)> sourceRevisions, long sourcePostId, string where, DateTimeOffset now, List<ImportError> errors)
    {
        var (revisionId, text) = sourceRevisions[info.SourceRevision - 1];
        if (!SpanMatches(text, info.Start, info.End, info.Exact))
        {
            errors.Add(new ImportError(where, $"\"{Shorten(info.Exact)}\" does not stand at {info.Start}..{info.End} of revision {info.SourceRevision} of post \"{info.SourcePostId}\""));
            return null;
        }
        var anchor = new TextAnchor { Exact = info.Exact, Prefix = info.Prefix, Suffix = info.Suffix, Start = info.Start, End = info.End };
        var current = Locate(sourceRevisions, info.SourceRevision, info.Status, anchor);
        return new Quote
        {
            PostId = postId,
            SourcePostId = sourcePostId,
            SourceRevisionId = revisionId,
            Anchor = anchor,
            // Where the words stand now decides the status: a quote declared anchored whose words an edit took away is orphaned.
            Status = current.Status,
            CurrentRevisionId = current.Status == AnchorStatus.Orphaned ? null : sourceRevisions[^1].Id,
            CurrentStart = current.Status == AnchorStatus.Orphaned ? null : current.Start,
            CurrentEnd = current.Status == AnchorStatus.Orphaned ? null : current.End,
            CreatedAt = now,
        };
    }

    private static ClaimTag? ToClaim(ClaimInfo info, long postId, List<(long Id, string PlainText)> postRevisions, Tag tag, string where, DateTimeOffset now, List<ImportError> errors)
    {
        var number = info.Revision ?? postRevisions.Count;
        if (number < 1 || number > postRevisions.Count)
        {
            errors.Add(new ImportError($"{where}.revision", $"the post has no revision {number}"));
            return null;
        }
        var (revisionId, text) = postRevisions[number - 1];
        if (!SpanMatches(text, info.Start, info.End, info.Exact))
        {
            errors.Add(new ImportError(where, $"\"{Shorten(info.Exact)}\" does not stand at {info.Start}..{info.End} of the post's revision {number}"));
            return null;
        }
        var anchor = new TextAnchor { Exact = info.Exact, Prefix = info.Prefix, Suffix = info.Suffix, Start = info.Start, End = info.End };
        var current = Locate(postRevisions, number, AnchorStatus.Anchored, anchor);
        return new ClaimTag
        {
            PostId = postId,
            RevisionId = revisionId,
            TagId = tag.Id,
            Stance = info.Stance,
            Anchor = anchor,
            Status = current.Status,
            CurrentRevisionId = current.Status == AnchorStatus.Orphaned ? null : postRevisions[^1].Id,
            CurrentStart = current.Status == AnchorStatus.Orphaned ? null : current.Start,
            CurrentEnd = current.Status == AnchorStatus.Orphaned ? null : current.End,
            State = info.State,
            CreatedAt = now,
        };
    }

    /// <summary>Where an anchor taken on one revision stands in the current one; the document's status is kept when it is orphaned.</summary>
    private static AnchorMatch Locate(List<(long Id, string PlainText)> revisions, int number, AnchorStatus declared, TextAnchor anchor)
    {
        if (declared == AnchorStatus.Orphaned)
            return AnchorMatch.Orphaned;
        if (number == revisions.Count)
            return new AnchorMatch(declared, anchor.Start, anchor.End);
        return TextAnchoring.Locate(revisions[^1].PlainText, anchor);
    }

    private static bool SpanMatches(string text, int start, int end, string exact) =>
        end <= text.Length && string.CompareOrdinal(text, start, exact, 0, exact.Length) == 0;

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>Posts in an order where every parent comes before its replies (the document's own order where it allows).</summary>
    private static IEnumerable<(PostInfo Post, int Index)> ParentsFirst(List<PostInfo> posts)
    {
        var children = posts.Select((p, i) => (p, i)).ToLookup(x => x.p.ParentId ?? "", StringComparer.Ordinal);
        var ids = posts.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var stack = new Stack<(PostInfo, int)>(posts.Select((p, i) => (p, i)).Where(x => x.p.ParentId is null || !ids.Contains(x.p.ParentId)).Reverse());
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            yield return next;
            foreach (var child in children[next.Item1.Id].Reverse())
                stack.Push(child);
        }
    }
}
