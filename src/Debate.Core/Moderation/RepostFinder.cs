using System.Text.RegularExpressions;
using Debate.Core.Accounts;
using Debate.Core.Data;
using Debate.Core.Model;
using Debate.Core.Rebuilding;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Debate.Core.Moderation;

/// <summary>
/// Finds posts whose text stands inside a post from another platform (a tweet reposted in a LessWrong
/// comment) and puts them in the moderators' queue. Candidates come from the search index: texts holding at
/// least two of the post's three longest words (long words are the rare ones, and two of three survive a word
/// changed in the repost). Of those, pg_trgm's <c>%&gt;</c> keeps the ones where some stretch of the text is
/// similar to the post's whole text; each is then checked by word-shingle containment and located, so the queue
/// can show the spans side by side. (A trigram index on every revision's text answered the first question
/// directly, but it was more than half of what writing a revision cost the database.)
/// </summary>
public static partial class RepostFinder
{
    public const string DismissKind = "dismiss-repost";

    /// <summary>pg_trgm word similarity a candidate needs before the shingles are compared.</summary>
    public const double SimilarityThreshold = 0.6;
    /// <summary>Share of the post's word shingles that must stand in the container.</summary>
    public const double ContainmentThreshold = 0.6;
    /// <summary>Shorter texts ("Agreed.", a link) stand inside too many posts to mean anything.</summary>
    public const int MinimumLength = 60;
    private const int ShingleWords = 4;
    private const int CandidatesPerPost = 20;

    private sealed record Similar(long PostId, string PlainText, double Similarity);

    private sealed record LongestWords(long PostId, string[] Lexemes);

    /// <summary>Looks for containers of each of these posts; returns the candidates added to the queue.</summary>
    public static async Task<IReadOnlyList<RepostCandidate>> FindForAsync(DebateDbContext db, IReadOnlyCollection<long> postIds, TimeProvider clock, CancellationToken cancellationToken)
    {
        var added = new List<RepostCandidate>();
        if (postIds.Count == 0)
            return added;
        var posts = await db.Posts.AsNoTracking()
            .Where(p => postIds.Contains(p.Id) && p.MergedIntoId == null && !p.IsDeleted && p.CurrentRevisionId != null)
            .Select(p => new
            {
                p.Id,
                p.CurrentRevision!.PlainText,
                Platforms = p.Provenance.Where(r => r.SpanStart == null).Select(r => r.Platform).ToList(),
            })
            .ToListAsync(cancellationToken);
        // Each post's three longest lexemes, as the search index holds them, in one query for all the posts.
        var longestWords = (await db.Database.SqlQueryRaw<LongestWords>(
                """
                SELECT p.id AS post_id,
                       ARRAY(SELECT lexeme FROM unnest(to_tsvector('english', r.plain_text)) ORDER BY length(lexeme) DESC, lexeme LIMIT 3) AS lexemes
                FROM posts p JOIN post_revisions r ON r.id = p.current_revision_id
                WHERE p.id = ANY(@ids)
                """,
                new NpgsqlParameter("ids", posts.Select(p => p.Id).ToArray()))
            .ToListAsync(cancellationToken))
            .ToDictionary(w => w.PostId, w => w.Lexemes);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The threshold %> compares against is a setting; LOCAL keeps it to this transaction.
            await db.Database.ExecuteSqlRawAsync(
                "SELECT set_config('pg_trgm.word_similarity_threshold', @threshold, true)",
                [new NpgsqlParameter("threshold", SimilarityThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture))], cancellationToken);
            foreach (var post in posts.Where(p => p.PlainText.Length >= MinimumLength && p.Platforms.Count > 0))
            {
                if (longestWords.GetValueOrDefault(post.Id) is not { Length: > 0 } longest)
                    continue;
                var similar = await db.Database.SqlQueryRaw<Similar>(
                        """
                        SELECT p.id AS post_id, r.plain_text, word_similarity(@text, r.plain_text) AS similarity
                        FROM post_revisions r JOIN posts p ON p.current_revision_id = r.id
                        WHERE r.search_vector @@ @words::tsquery AND r.plain_text %> @text
                          AND p.id <> @id AND p.merged_into_id IS NULL AND NOT p.is_deleted
                          AND length(r.plain_text) >= length(@text)
                        ORDER BY 3 DESC, p.id
                        LIMIT @limit
                        """,
                        new NpgsqlParameter("text", post.PlainText), new NpgsqlParameter("words", AllButOne(longest)),
                        new NpgsqlParameter("id", post.Id), new NpgsqlParameter("limit", CandidatesPerPost))
                    .ToListAsync(cancellationToken);
                if (similar.Count == 0)
                    continue;
                var containerIds = similar.Select(s => s.PostId).ToList();
                var containerPlatforms = (await db.Provenance.AsNoTracking()
                        .Where(r => containerIds.Contains(r.PostId) && r.SpanStart == null)
                        .Select(r => new { r.PostId, r.Platform }).ToListAsync(cancellationToken))
                    .ToLookup(r => r.PostId, r => r.Platform);
                var quotedContainers = await QuotedContainersAsync(db, post.PlainText, similar, cancellationToken);
                var known = await db.RepostCandidates
                    .Where(c => c.ContainedPostId == post.Id && containerIds.Contains(c.ContainerPostId))
                    .Select(c => c.ContainerPostId).ToListAsync(cancellationToken);
                foreach (var container in similar.Where(s => !known.Contains(s.PostId)))
                {
                    // A repost crosses platforms: two tweets alike are a quote or a copy, not this.
                    if (containerPlatforms[container.PostId].Any(post.Platforms.Contains) || quotedContainers.Contains(container.PostId))
                        continue;
                    var containment = Containment(post.PlainText, container.PlainText);
                    if (containment < ContainmentThreshold)
                        continue;
                    var span = QuoteLocator.Find(container.PlainText, post.PlainText);
                    var candidate = new RepostCandidate
                    {
                        ContainerPostId = container.PostId,
                        ContainedPostId = post.Id,
                        Similarity = container.Similarity,
                        Containment = containment,
                        SpanStart = span?.Start,
                        SpanEnd = span?.End,
                        State = RepostState.Open,
                        FoundAt = clock.GetUtcNow(),
                    };
                    db.RepostCandidates.Add(candidate);
                    added.Add(candidate);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return added;
    }

    /// <summary>
    /// The containers that hold the post's words only because they quote another container at those words: a reply
    /// quoting the comment a tweet was reposted in holds the tweet as a quotation. The comment is the repost; the
    /// reply is not proposed (nor a reply quoting that reply).
    /// </summary>
    private static async Task<HashSet<long>> QuotedContainersAsync(DebateDbContext db, string text, List<Similar> containers, CancellationToken cancellationToken)
    {
        var ids = containers.Select(c => c.PostId).ToList();
        var quotes = await db.Quotes.AsNoTracking()
            // A post merged into the one it replied to can leave that post quoting itself: that is no other post.
            .Where(q => ids.Contains(q.PostId) && ids.Contains(q.SourcePostId) && q.PostId != q.SourcePostId && q.CurrentStart != null && q.CurrentEnd != null)
            .Select(q => new { q.PostId, q.SourcePostId, Start = q.CurrentStart!.Value, End = q.CurrentEnd!.Value })
            .ToListAsync(cancellationToken);
        if (quotes.Count == 0)
            return [];
        var spans = containers.ToDictionary(c => c.PostId, c => QuoteLocator.Find(c.PlainText, text));
        return quotes
            .Where(q => spans[q.SourcePostId] is { } span && q.Start < span.End && span.Start < q.End)
            .Select(q => q.PostId)
            .ToHashSet();
    }

    /// <summary>
    /// A tsquery of all but one of these lexemes, in any combination ("a &amp; b | a &amp; c | b &amp; c"); one lexeme
    /// alone when there are fewer than three. The lexemes come from to_tsvector, so they are written as they are,
    /// quoted, not parsed again.
    /// </summary>
    private static string AllButOne(IReadOnlyList<string> lexemes)
    {
        var quoted = lexemes.Select(l => "'" + l.Replace("\\", "\\\\").Replace("'", "''") + "'").ToList();
        if (quoted.Count < 3)
            return string.Join(" | ", quoted);
        return string.Join(" | ", quoted.Select((_, left) => "(" + string.Join(" & ", quoted.Where((_, i) => i != left)) + ")"));
    }

    /// <summary>Looks again at every post of a thread (after an import, or when asked from the queue).</summary>
    public static async Task<IReadOnlyList<RepostCandidate>> FindInThreadAsync(DebateDbContext db, long threadId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var ids = await db.Posts.Where(p => p.ThreadId == threadId && p.MergedIntoId == null).Select(p => p.Id).ToListAsync(cancellationToken);
        return await FindForAsync(db, ids, clock, cancellationToken);
    }

    /// <summary>A moderator judged these not to be reposts: out of the queue, logged, undoable.</summary>
    public static Task<ModerationResult> DismissAsync(DebateDbContext db, IReadOnlyCollection<long> candidateIds, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken) =>
        ModerationLog.InTransactionAsync(db, async () =>
        {
            var candidates = await db.RepostCandidates.Where(c => candidateIds.Contains(c.Id) && c.State == RepostState.Open).ToListAsync(cancellationToken);
            if (candidates.Count == 0)
                return ModerationResult.Refused("None of these possible reposts is still open.");
            var ids = new Dictionary<string, IReadOnlyCollection<long>>(StringComparer.Ordinal) { ["repost_candidates"] = candidates.Select(c => c.Id).ToList() };
            var before = await RowSnapshot.TakeAsync(db, ids, cancellationToken);
            foreach (var candidate in candidates)
                candidate.State = RepostState.Dismissed;
            await db.SaveChangesAsync(cancellationToken);
            var after = await RowSnapshot.TakeAsync(db, ids, cancellationToken);
            var summary = $"Dismissed as not reposts: post {string.Join(", ", candidates.Select(c => c.ContainedPostId))} in post {candidates[0].ContainerPostId}";
            var action = ModerationLog.Record(db, DismissKind, moderator, now, null, candidates[0].ContainerPostId, summary, before, after);
            await db.SaveChangesAsync(cancellationToken);
            return new ModerationResult(action, null);
        }, cancellationToken);

    /// <summary>The share of <paramref name="part"/>'s word shingles that also stand in <paramref name="whole"/>.</summary>
    public static double Containment(string part, string whole)
    {
        var partShingles = Shingles(part);
        if (partShingles.Count == 0)
            return 0;
        var wholeShingles = Shingles(whole);
        return (double)partShingles.Count(wholeShingles.Contains) / partShingles.Count;
    }

    private static HashSet<string> Shingles(string text)
    {
        var words = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        if (words.Count < ShingleWords)
        {
            if (words.Count > 0)
                shingles.Add(string.Join(' ', words));
            return shingles;
        }
        for (var i = 0; i + ShingleWords <= words.Count; i++)
            shingles.Add(string.Join(' ', words.Skip(i).Take(ShingleWords)));
        return shingles;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
