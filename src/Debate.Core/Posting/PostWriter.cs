using Debate.Core.Anchoring;
using Debate.Core.Claims;
using Debate.Core.Data;
using Debate.Core.Markdown;
using Debate.Core.Model;
using Debate.Core.Reading;
using Microsoft.EntityFrameworkCore;

namespace Debate.Core.Posting;

/// <summary>A span of a post's revision that a reply quotes, as the reply form sends it.</summary>
public sealed record QuoteSelection(long SourcePostId, long SourceRevisionId, int Start, int End, string Exact);

/// <param name="SubmissionKey">The key of the form that sent the reply (see <see cref="Post.SubmissionKey"/>); null stores it whatever came before.</param>
public sealed record NewReply(
    long ThreadId, long? ParentId, long AuthorId, string UserId, string Body, IReadOnlyList<QuoteSelection> Quotes, Guid? SubmissionKey = null);

public sealed record PostEdit(long PostId, uint ExpectedVersion, string Body, string UserId);

/// <summary>A fault in what was sent, by field: "Body", "Quotes[1]", or "" for the whole form.</summary>
public sealed record PostingError(string Field, string Message);

public enum PostingOutcome { Saved, Refused, Conflict, NotFound }

public sealed record PostingResult(PostingOutcome Outcome, long PostId, IReadOnlyList<PostingError> Errors)
{
    public static PostingResult Saved(long postId) => new(PostingOutcome.Saved, postId, []);
    public static PostingResult Refused(params PostingError[] errors) => new(PostingOutcome.Refused, 0, errors);
    public static readonly PostingResult NotFound = new(PostingOutcome.NotFound, 0, []);
}

/// <summary>
/// Writes members' posts: replies whose quotes are checked against the very revision they quote, edits that
/// add a revision and find every quote and claim of the post again, and soft deletes. Each is one transaction.
/// </summary>
public sealed class PostWriter(DebateDbContext db, TimeProvider clock)
{
    public async Task<PostingResult> ReplyAsync(NewReply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var thread = await db.Threads.SingleOrDefaultAsync(t => t.Id == reply.ThreadId && t.Status == ThreadStatus.Published, cancellationToken);
        if (thread is null)
            return PostingResult.NotFound;
        if (thread.IsLocked)
            return PostingResult.Refused(new PostingError("", "This thread is locked: it takes no new replies."));
        Post? parent = null;
        if (reply.ParentId is long parentId)
        {
            parent = await db.Posts.SingleOrDefaultAsync(p => p.Id == parentId && p.ThreadId == thread.Id, cancellationToken);
            if (Unrepliable(parent, thread.Id) is { } refusal)
                return refusal;
        }

        var now = clock.GetUtcNow();
        if (MarkdownRenderer.TryRender(reply.Body, "pending-") is not { } rendered)
            return PostingResult.Refused(new PostingError("Body", MarkdownTooDeepException.Explanation));
        var sources = await SourcesAsync(reply.Quotes, cancellationToken);
        var errors = CheckQuotes(reply.Quotes, sources, rendered.Html);
        if (errors.Count > 0)
            return PostingResult.Refused([.. errors]);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var submissionKey = reply.SubmissionKey;
        if (submissionKey is Guid key)
        {
            // One form sent twice at once: the second waits here for the first, then finds its post.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key.ToString()}, 0))", cancellationToken);
            var sent = await db.Posts.Where(p => p.AuthorId == reply.AuthorId && p.SubmissionKey == key)
                .Select(p => new { p.Id, p.ParentId, p.ThreadId, Body = p.Revisions.Where(r => r.Number == 1).Select(r => r.Body).FirstOrDefault() })
                .SingleOrDefaultAsync(cancellationToken);
            if (sent is not null && sent.ThreadId == thread.Id && sent.ParentId == parent?.Id && string.Equals(sent.Body, reply.Body, StringComparison.Ordinal))
                return PostingResult.Saved(sent.Id);
            // The same form sent again with other words (its page brought back after posting, then changed): a new post.
            if (sent is not null)
                submissionKey = null;
        }
        if (parent is not null)
        {
            // A merge or a move of the parent under way holds its row: wait for it, then reply to the parent as it now
            // stands (merged away, or elsewhere with another path), not as it was read before.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM posts WHERE id = {parent.Id} FOR SHARE", cancellationToken);
            await db.Entry(parent).ReloadAsync(cancellationToken);
            if (Unrepliable(parent, thread.Id) is { } refusal)
                return refusal;
        }
        var post = new Post
        {
            ThreadId = thread.Id,
            ParentId = parent?.Id,
            Depth = parent is null ? 0 : parent.Depth + 1,
            AuthorId = reply.AuthorId,
            PostedAt = now,
            SubmissionKey = submissionKey,
        };
        db.Posts.Add(post); // the id comes from the sequence now: the path and the footnote ids hold it
        post.Path = new LTree(parent is null ? post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{parent.Path}.{post.Id}");
        var revision = NewRevision(post.Id, 1, reply.Body, MarkdownRenderer.Render(reply.Body, $"p{post.Id}-"), reply.UserId, now, editedAt: null);
        db.PostRevisions.Add(revision);
        // The post first, without its current revision: a post and its revisions point at each other.
        await db.SaveChangesAsync(cancellationToken);
        post.CurrentRevisionId = revision.Id;
        foreach (var selection in reply.Quotes)
            db.Quotes.Add(NewQuote(post.Id, selection, sources[selection.SourceRevisionId], now));
        await db.SaveChangesAsync(cancellationToken);
        // Counted in the database: replies saved at the same moment each add one, where a count read and written back
        // lost some of them.
        await db.Threads.Where(t => t.Id == thread.Id).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.PostCount, t => t.PostCount + 1)
            .SetProperty(t => t.LastActivityAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return PostingResult.Saved(post.Id);
    }

    private static PostingResult? Unrepliable(Post? parent, long threadId) =>
        parent is null || parent.MergedIntoId is not null || parent.ThreadId != threadId
            ? PostingResult.Refused(new PostingError("", "The post you reply to is not in this thread any more."))
            : parent.IsDeleted || parent.IsHidden
                ? PostingResult.Refused(new PostingError("", "The post you reply to was deleted; reply to the thread or another post instead."))
                : null;

    /// <summary>
    /// A new revision of the post, unless someone changed the post since <see cref="PostEdit.ExpectedVersion"/>:
    /// then nothing is written and the outcome is <see cref="PostingOutcome.Conflict"/>.
    /// </summary>
    public async Task<PostingResult> EditAsync(PostEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        // Rendered once, before the post is locked: footnote ids take the post's own prefix, known from the start.
        if (MarkdownRenderer.TryRender(edit.Body, $"p{edit.PostId}-") is not { } rendered)
            return PostingResult.Refused(new PostingError("Body", MarkdownTooDeepException.Explanation));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Edits of one post wait for each other here, so each reads the version the one before it left: simultaneous
        // edits from one revision save one and refuse the rest, instead of colliding on the next revision number.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM posts WHERE id = {edit.PostId} FOR UPDATE", cancellationToken);
        var post = await db.Posts.Include(p => p.CurrentRevision).Include(p => p.Thread)
            .SingleOrDefaultAsync(p => p.Id == edit.PostId && p.MergedIntoId == null, cancellationToken);
        if (post is null || post.CurrentRevision is null || post.Thread?.Status != ThreadStatus.Published)
            return PostingResult.NotFound;
        if (post.IsDeleted)
            return PostingResult.Refused(new PostingError("", "This post was deleted; a deleted post is not edited."));
        // The text already says what is sent (the form sent twice): nothing to save and nothing in conflict.
        if (string.Equals(post.CurrentRevision.Body, edit.Body, StringComparison.Ordinal))
            return PostingResult.Saved(post.Id);
        db.Entry(post).Property(p => p.Version).OriginalValue = edit.ExpectedVersion;
        if (post.Version != edit.ExpectedVersion)
            return Conflict(post);

        var now = clock.GetUtcNow();
        var revision = NewRevision(post.Id, post.CurrentRevision.Number + 1, edit.Body, rendered, edit.UserId, now, editedAt: now);
        db.PostRevisions.Add(revision);
        post.CurrentRevisionId = revision.Id;
        post.CurrentRevision = revision;
        await ReanchorAsync(post.Id, revision, cancellationToken);
        post.Thread!.LastActivityAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return PostingResult.Refused(ConflictError(await db.PostRevisions.Where(r => r.PostId == edit.PostId).MaxAsync(r => r.Number, cancellationToken)))
                with { Outcome = PostingOutcome.Conflict };
        }
        await transaction.CommitAsync(cancellationToken);
        return PostingResult.Saved(post.Id);
    }

    /// <summary>Marks the post deleted. Its revisions, its replies and the quotes of it stay.</summary>
    public async Task<PostingResult> DeleteAsync(long postId, CancellationToken cancellationToken = default)
    {
        var threadId = await db.Posts.Where(p => p.Id == postId && p.MergedIntoId == null).Select(p => (long?)p.ThreadId).SingleOrDefaultAsync(cancellationToken);
        if (threadId is null)
            return PostingResult.NotFound;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Both in the database: a post deleted from two tabs at once is deleted and counted once (the second finds
        // it deleted), and deletes in one thread at the same moment each take one from the count, where a count read
        // and written back lost some of them.
        var deleted = await db.Posts.Where(p => p.Id == postId && !p.IsDeleted).ExecuteUpdateAsync(set => set
            .SetProperty(p => p.IsDeleted, true)
            .SetProperty(p => p.DeletedAt, clock.GetUtcNow()), cancellationToken);
        if (deleted > 0)
        {
            await db.Threads.Where(t => t.Id == threadId).ExecuteUpdateAsync(set => set
                .SetProperty(t => t.PostCount, t => t.PostCount > 0 ? t.PostCount - 1 : 0), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return PostingResult.Saved(postId);
    }

    /// <summary>
    /// Finds each quote of the post, and each claim tagged on it, in the new text. Exact at the old place: anchored;
    /// the same words at one best place: moved; absent or two equally good places: orphaned, never a guess.
    /// </summary>
    private async Task ReanchorAsync(long postId, PostRevision current, CancellationToken cancellationToken)
    {
        foreach (var quote in await db.Quotes.Where(q => q.SourcePostId == postId).ToListAsync(cancellationToken))
        {
            var match = TextAnchoring.Locate(current.PlainText, quote.Anchor);
            quote.Status = match.Status;
            (quote.CurrentRevisionId, quote.CurrentStart, quote.CurrentEnd) = Place(match, current.Id);
        }
        ClaimAnchoring.Reanchor(current, await db.ClaimTags.Where(c => c.PostId == postId).ToListAsync(cancellationToken));
    }

    private static (long?, int?, int?) Place(AnchorMatch match, long revisionId) =>
        match.Status == AnchorStatus.Orphaned ? (null, null, null) : (revisionId, match.Start, match.End);

    private PostingResult Conflict(Post post) =>
        PostingResult.Refused(ConflictError(post.CurrentRevision!.Number)) with { Outcome = PostingOutcome.Conflict };

    private static PostingError ConflictError(int revisionNumber) => new("",
        $"Someone else changed this post while you were editing it (it is now at revision {revisionNumber}). Nothing was saved and your text is kept below: " +
        "open the post again to see their change, then make yours.");

    private sealed record SourceRevision(long Id, long PostId, int Number, string PlainText, long? CurrentRevisionId, string? CurrentText, string AuthorName, bool SourceGone);

    private async Task<Dictionary<long, SourceRevision>> SourcesAsync(IReadOnlyList<QuoteSelection> quotes, CancellationToken cancellationToken)
    {
        if (quotes.Count == 0)
            return [];
        var ids = quotes.Select(q => q.SourceRevisionId).Distinct().ToList();
        return await (from r in db.PostRevisions.AsNoTracking()
                      join p in db.Posts on r.PostId equals p.Id
                      // A draft thread's posts are not to be read yet, so not to be quoted either.
                      where ids.Contains(r.Id) && p.Thread!.Status == ThreadStatus.Published
                      select new SourceRevision(r.Id, r.PostId, r.Number, r.PlainText, p.CurrentRevisionId,
                          p.CurrentRevisionId == r.Id ? null : p.CurrentRevision!.PlainText, p.Author!.DisplayName,
                          p.IsDeleted || p.IsHidden || p.MergedIntoId != null))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
    }

    /// <summary>Every quote must stand, word for word, at its place in the revision it names, and in a blockquote of the reply.</summary>
    private static List<PostingError> CheckQuotes(IReadOnlyList<QuoteSelection> quotes, Dictionary<long, SourceRevision> sources, string replyHtml)
    {
        var errors = new List<PostingError>();
        var body = quotes.Count > 0 ? PostDecorator.Open(replyHtml) : null;
        var taken = new List<TextRange>();
        for (var i = 0; i < quotes.Count; i++)
        {
            var quote = quotes[i];
            var field = $"Quotes[{i}]";
            var name = $"Quote {i + 1} (\u201c{Shorten(quote.Exact)}\u201d)";
            if (!sources.TryGetValue(quote.SourceRevisionId, out var source) || source.PostId != quote.SourcePostId)
            {
                errors.Add(new PostingError(field, $"{name} names a post revision that does not exist."));
                continue;
            }
            if (source.SourceGone)
            {
                errors.Add(new PostingError(field, $"{name} is from {source.AuthorName}'s post, which was deleted or hidden since. Remove the quote."));
                continue;
            }
            // Bounds first, without sums that could overflow on hostile offsets.
            if (quote.Exact.Trim().Length == 0 || quote.Start < 0 || quote.Start > source.PlainText.Length - quote.Exact.Length
                || quote.End != quote.Start + quote.Exact.Length
                || string.CompareOrdinal(source.PlainText, quote.Start, quote.Exact, 0, quote.Exact.Length) != 0)
            {
                errors.Add(new PostingError(field,
                    $"{name} no longer matches {source.AuthorName}'s post (revision {source.Number}): those words do not stand there. Remove it and select the words again."));
                continue;
            }
            if (body!.FindInBlockquotes(quote.Exact, taken) is { } place)
                taken.Add(place);
            else
                errors.Add(new PostingError(field, $"{name} is not in your text as a > quote any more. Put it back, or remove the quote."));
        }
        return errors;
    }

    private static Quote NewQuote(long postId, QuoteSelection selection, SourceRevision source, DateTimeOffset now)
    {
        var anchor = TextAnchoring.Create(source.PlainText, selection.Start, selection.End);
        // Quoting an older revision than the current one (the source was edited while the reply was written): find the words now.
        var match = source.CurrentText is null
            ? new AnchorMatch(AnchorStatus.Anchored, anchor.Start, anchor.End)
            : TextAnchoring.Locate(source.CurrentText, anchor);
        var (currentRevision, start, end) = Place(match, source.CurrentRevisionId ?? source.Id);
        return new Quote
        {
            PostId = postId,
            SourcePostId = source.PostId,
            SourceRevisionId = source.Id,
            Anchor = anchor,
            Status = match.Status,
            CurrentRevisionId = currentRevision,
            CurrentStart = start,
            CurrentEnd = end,
            CreatedAt = now,
        };
    }

    private static PostRevision NewRevision(long postId, int number, string body, RenderedMarkdown rendered, string userId, DateTimeOffset now, DateTimeOffset? editedAt)
    {
        return new PostRevision
        {
            PostId = postId,
            Number = number,
            Body = body,
            Html = rendered.Html,
            PlainText = rendered.PlainText,
            OwnText = rendered.OwnText,
            QuotedText = rendered.QuotedText,
            CreatedAt = now,
            EditedAt = editedAt,
            EditorUserId = userId,
        };
    }

    private static string Shorten(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 50 ? line : line[..47] + "...";
    }
}
