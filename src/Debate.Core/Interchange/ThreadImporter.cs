using Debate.Core.Anchoring;
using Debate.Core.Data;
using Debate.Core.Markdown;
using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;

namespace Debate.Core.Interchange;

public sealed record ImportResult(long ThreadId, string Slug, int PostsAdded, int PostsAlreadyPresent)
{
    /// <summary>The posts this import added, for what looks at new posts afterwards (the repost finder).</summary>
    public IReadOnlyList<long> AddedPostIds { get; init; } = [];
}

/// <summary>
/// Writes a checked debate-thread/1 document into the database in one transaction. Posts are matched by
/// their document ids, so importing the same document twice changes nothing; a fault writes nothing.
/// </summary>
public sealed class ThreadImporter(DebateDbContext db, TimeProvider clock)
{
    public Task<ImportResult> ImportAsync(ThreadDocument document, string fileName, CancellationToken cancellationToken = default) =>
        ImportAsync(document, fileName, source: null, cancellationToken);

    /// <param name="source">The file as imported, kept beside the thread (a scraped page and the machine's proposal for it).</param>
    public async Task<ImportResult> ImportAsync(ThreadDocument document, string fileName, ImportedDocument? source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await WriteAsync(document, fileName, cancellationToken);
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

    private async Task<ImportResult> WriteAsync(ThreadDocument document, string fileName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var thread = await db.Threads.Include(t => t.Outline).SingleOrDefaultAsync(t => t.Slug == document.Thread.Slug, cancellationToken)
            ?? AddThread(document.Thread, now);
        var authors = await AuthorsAsync(document.Authors, now, cancellationToken);
        var tags = await TagsAsync(document.Tags, now, cancellationToken);
        if (thread.Id == 0)
            await db.SaveChangesAsync(cancellationToken);

        var existing = await db.Posts
            .Where(p => p.ThreadId == thread.Id && p.ImportKey != null)
            .Select(p => new { Key = p.ImportKey!, Post = p, Revisions = p.Revisions.Select(r => new { r.Number, r.Id, r.PlainText }).ToList() })
            .ToDictionaryAsync(p => p.Key, StringComparer.Ordinal, cancellationToken);

        await CheckProvenanceIsNewAsync(document, existing.Keys.ToHashSet(StringComparer.Ordinal), fileName, cancellationToken);

        // Every post's revisions, by document id: those already stored and those added now.
        var revisions = existing.ToDictionary(e => e.Key, e => e.Value.Revisions.OrderBy(r => r.Number).Select(r => (r.Id, r.PlainText)).ToList(), StringComparer.Ordinal);
        var posts = existing.ToDictionary(e => e.Key, e => e.Value.Post, StringComparer.Ordinal);
        var added = new List<(PostInfo Info, Post Post, string Where)>();

        foreach (var (info, index) in ParentsFirst(document.Posts))
        {
            if (posts.ContainsKey(info.Id))
                continue;
            var parent = info.ParentId is null ? null : posts[info.ParentId];
            var post = new Post
            {
                ThreadId = thread.Id,
                ParentId = parent?.Id,
                Depth = parent is null ? 0 : parent.Depth + 1,
                AuthorId = authors[info.AuthorId].Id,
                PostedAt = info.PostedAt,
                ImportKey = info.Id,
                IsDeleted = info.Deleted,
                DeletedAt = info.Deleted ? now : null,
            };
            db.Posts.Add(post); // assigns the id from the sequence, which the path needs
            post.Path = new LTree(parent is null ? post.Id.ToString() : $"{parent.Path}.{post.Id}");
            var texts = info.Revisions.Count > 0 ? info.Revisions : [new RevisionInfo { Number = 1, Body = info.Body }];
            var stored = new List<(long, string)>();
            foreach (var revisionInfo in texts)
            {
                var rendered = MarkdownRenderer.Render(revisionInfo.Body, $"p{post.Id}-");
                var revision = new PostRevision
                {
                    PostId = post.Id,
                    Number = revisionInfo.Number,
                    Body = revisionInfo.Body,
                    Html = rendered.Html,
                    PlainText = rendered.PlainText,
                    OwnText = rendered.OwnText,
                    QuotedText = rendered.QuotedText,
                    CreatedAt = revisionInfo.EditedAt ?? info.PostedAt,
                    EditedAt = revisionInfo.EditedAt,
                };
                db.PostRevisions.Add(revision);
                stored.Add((revision.Id, revision.PlainText));
            }
            revisions[info.Id] = stored;
            posts[info.Id] = post;
            foreach (var record in info.Provenance)
                db.Provenance.Add(ToProvenance(record, post.Id));
            added.Add((info, post, $"$.posts[{index}]"));
        }
        // Posts first, with no current revision yet: a post and its revisions point at each other.
        await db.SaveChangesAsync(cancellationToken);

        var errors = new List<ImportError>();
        foreach (var (info, post, where) in added)
        {
            post.CurrentRevisionId = revisions[info.Id][^1].Item1;
            for (var q = 0; q < info.Quotes.Count; q++)
                AddQuote(info.Quotes[q], post, revisions[info.Quotes[q].SourcePostId], posts[info.Quotes[q].SourcePostId], $"{where}.quotes[{q}]", now, errors);
            for (var c = 0; c < info.Claims.Count; c++)
                AddClaim(info.Claims[c], post, revisions[info.Id], tags[info.Claims[c].Tag], $"{where}.claims[{c}]", now, errors);
        }
        if (errors.Count > 0)
            throw new ImportException(fileName, errors);

        if (added.Count > 0)
        {
            thread.PostCount += added.Count(a => !a.Post.IsDeleted);
            var latest = added.Max(a => a.Info.Revisions.Select(r => r.EditedAt ?? a.Info.PostedAt).Append(a.Info.PostedAt).Max());
            if (latest > thread.LastActivityAt)
                thread.LastActivityAt = latest;
        }
        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(thread.Id, thread.Slug, added.Count, document.Posts.Count - added.Count) { AddedPostIds = added.Select(a => a.Post.Id).ToList() };
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

    private async Task<Dictionary<string, Tag>> TagsAsync(List<TagInfo> infos, DateTimeOffset now, CancellationToken cancellationToken)
    {
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

    private static Provenance ToProvenance(ProvenanceInfo record, long postId) => new()
    {
        PostId = postId,
        Platform = record.Platform,
        Url = record.Url,
        ExternalId = record.ExternalId,
        AuthorHandle = record.AuthorHandle,
        CapturedAt = record.CapturedAt,
        Relation = record.Relation,
        SpanStart = record.SpanStart,
        SpanEnd = record.SpanEnd,
        RawRecord = record.RawRecord,
    };

    private void AddQuote(QuoteInfo info, Post post, List<(long Id, string PlainText)> sourceRevisions, Post source, string where, DateTimeOffset now, List<ImportError> errors)
    {
        var (revisionId, text) = sourceRevisions[info.SourceRevision - 1];
        if (!SpanMatches(text, info.Start, info.End, info.Exact))
        {
            errors.Add(new ImportError(where, $"\"{Shorten(info.Exact)}\" does not stand at {info.Start}..{info.End} of revision {info.SourceRevision} of post \"{info.SourcePostId}\""));
            return;
        }
        var anchor = new TextAnchor { Exact = info.Exact, Prefix = info.Prefix, Suffix = info.Suffix, Start = info.Start, End = info.End };
        var current = Locate(sourceRevisions, info.SourceRevision, info.Status, anchor);
        db.Quotes.Add(new Quote
        {
            PostId = post.Id,
            SourcePostId = source.Id,
            SourceRevisionId = revisionId,
            Anchor = anchor,
            Status = info.Status,
            CurrentRevisionId = current.Status == AnchorStatus.Orphaned ? null : sourceRevisions[^1].Id,
            CurrentStart = current.Status == AnchorStatus.Orphaned ? null : current.Start,
            CurrentEnd = current.Status == AnchorStatus.Orphaned ? null : current.End,
            CreatedAt = now,
        });
    }

    private void AddClaim(ClaimInfo info, Post post, List<(long Id, string PlainText)> postRevisions, Tag tag, string where, DateTimeOffset now, List<ImportError> errors)
    {
        var number = info.Revision ?? postRevisions.Count;
        if (number < 1 || number > postRevisions.Count)
        {
            errors.Add(new ImportError($"{where}.revision", $"the post has no revision {number}"));
            return;
        }
        var (revisionId, text) = postRevisions[number - 1];
        if (!SpanMatches(text, info.Start, info.End, info.Exact))
        {
            errors.Add(new ImportError(where, $"\"{Shorten(info.Exact)}\" does not stand at {info.Start}..{info.End} of the post's revision {number}"));
            return;
        }
        var anchor = new TextAnchor { Exact = info.Exact, Prefix = info.Prefix, Suffix = info.Suffix, Start = info.Start, End = info.End };
        var current = Locate(postRevisions, number, AnchorStatus.Anchored, anchor);
        db.ClaimTags.Add(new ClaimTag
        {
            PostId = post.Id,
            RevisionId = revisionId,
            TagId = tag.Id,
            Stance = info.Stance,
            Anchor = anchor,
            Status = current.Status,
            CurrentRevisionId = current.Status == AnchorStatus.Orphaned ? null : postRevisions[^1].Id,
            CurrentStart = current.Status == AnchorStatus.Orphaned ? null : current.Start,
            CurrentEnd = current.Status == AnchorStatus.Orphaned ? null : current.End,
            State = ClaimState.Confirmed,
            CreatedAt = now,
        });
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
