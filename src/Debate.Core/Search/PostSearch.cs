using System.Text;
using Debate.Core.Claims;
using Debate.Core.Model;
using Npgsql;
using NpgsqlTypes;

namespace Debate.Core.Search;

/// <summary>
/// Full-text search over the current text of visible posts (not deleted, hidden or merged away, in published threads),
/// thread titles and report sections, on the stored tsvectors and their GIN indexes. A post's own words weigh
/// more than words it quotes; a reply whose match lies only in what it quotes is listed under the post it quotes.
/// When nothing is found, misspelt or run-together words are corrected from the known words (pg_trgm) and the
/// corrected query is run instead.
/// </summary>
public sealed class PostSearch(NpgsqlDataSource dataSource)
{
    public const int PageSize = 20;

    /// <summary>The best matches ranked and grouped; a query's results end there (ten pages).</summary>
    public const int MostMatches = 200;

    /// <summary>Weights of D, C, B, A: own words are stored as A, quoted words as C.</summary>
    private const string RankWeights = "'{0.1, 0.2, 0.4, 1.0}'";

    /// <summary>The weight of a post's own words: a match in these alone is not a match by quoting.</summary>
    private const string OwnWords = "'{a}'";

    private const string Visible =
        "NOT p.is_deleted AND NOT p.is_hidden AND p.merged_into_id IS NULL AND t.status = 'published'";

    /// <summary>
    /// The text ts_headline marks: the sentinel characters taken out first so none comes from the text, and "&lt;" and
    /// "&amp;" stood in for, because ts_headline drops whatever its parser takes for a tag or an entity.
    /// </summary>
    private static string Unmarked(string column) =>
        $"translate({column}, '<&' || chr(57344) || chr(57345) || chr(57346) || chr(57347), chr(57346) || chr(57347))";

    private const string TitleOptions = Snippet.HeadlineOptions + ", HighlightAll=true";

    public async Task<SearchResults> SearchAsync(string? input, int page = 1, CancellationToken cancellationToken = default)
    {
        var query = SearchQuery.Parse(input);
        page = Math.Clamp(page, 1, MostMatches / PageSize);
        if (!query.IsValid)
            return SearchResults.Failed(query, query.Errors);
        if (query.IsBlank)
            return SearchResults.Failed(query, []);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (scope, errors) = await ResolveAsync(connection, query, cancellationToken);
        if (errors.Count > 0)
            return SearchResults.Failed(query, errors);
        var results = await RunAsync(connection, query, scope, page, cancellationToken);
        if (!results.IsEmpty || !scope.HasWords || page > 1)
            return results;

        var corrections = await CorrectionsAsync(connection, query, cancellationToken);
        if (corrections.Count == 0)
            return results;
        var corrected = SearchQuery.Parse(query.WithWordsReplaced(corrections.ToDictionary(c => c.Word, c => c.Replacement)));
        var (correctedScope, correctedErrors) = await ResolveAsync(connection, corrected, cancellationToken);
        if (!corrected.IsValid || correctedErrors.Count > 0)
            return results;
        var correctedResults = await RunAsync(connection, corrected, correctedScope, page, cancellationToken);
        // Known words include those of hidden posts and old revisions: one that finds nothing a reader can see is
        // not offered, so a suggestion never tells what a moderator took down.
        return correctedResults.IsEmpty
            ? results
            : correctedResults with { Query = query, CorrectedQuery = corrected.Input, Corrections = corrections };
    }

    /// <summary>The filters' names looked up (authors, thread, tags, the quoted post); unknown names are errors.</summary>
    private sealed record Scope(bool HasWords, long[]? AuthorIds, long? ThreadId, long[]? TagIds);

    private static async Task<(Scope Scope, List<string> Errors)> ResolveAsync(NpgsqlConnection connection, SearchQuery query, CancellationToken cancellationToken)
    {
        var filters = query.Filters;
        var errors = new List<string>();
        await using var batch = new NpgsqlBatch(connection);
        var readers = new List<Func<NpgsqlDataReader, Task>>();
        var hasWords = false;
        var onlyExcludes = false;
        long[]? authors = null, tags = null;
        long? thread = null;

        if (query.Text.Length > 0)
        {
            // querytree is 'T' for a query the index cannot answer: one that only excludes words (-twitter).
            Add(batch, "SELECT numnode(q), querytree(q) = 'T' FROM websearch_to_tsquery('english', $1) AS q", query.Text);
            readers.Add(async reader =>
            {
                if (!await reader.ReadAsync(cancellationToken) || reader.GetInt32(0) == 0)
                    return;
                onlyExcludes = reader.GetBoolean(1);
                hasWords = !onlyExcludes;
            });
        }
        if (filters.Author is { } author)
        {
            Add(batch, "SELECT id FROM authors WHERE slug = lower($1) OR lower(display_name) = lower($1)", author);
            readers.Add(async reader => authors = await IdsAsync(reader, cancellationToken));
        }
        if (filters.Thread is { } slug)
        {
            Add(batch, "SELECT id FROM threads WHERE slug = lower($1) AND status = 'published'", slug);
            readers.Add(async reader => thread = (await IdsAsync(reader, cancellationToken)).FirstOrDefault() is var id and > 0 ? id : null);
        }
        if (filters.Tag is { } tag)
        {
            // A tag is found by its name or a synonym, as its page is; one merged into another is searched as the tag
            // at the end of its merges, with every tag merged into that one (16 merges at most: more is a loop).
            var name = TagNames.Normalize(tag) ?? tag;
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                WITH RECURSIVE up AS (
                    (SELECT id, merged_into_id, 0 AS hops FROM tags WHERE name = $1 OR synonyms && $2
                     ORDER BY name = $1 DESC, merged_into_id IS NOT NULL, id LIMIT 1)
                    UNION ALL
                    SELECT t.id, t.merged_into_id, up.hops + 1 FROM tags t JOIN up ON t.id = up.merged_into_id WHERE up.hops < 16),
                down AS (
                    SELECT id, 0 AS hops FROM up WHERE merged_into_id IS NULL
                    UNION ALL
                    SELECT t.id, down.hops + 1 FROM tags t JOIN down ON t.merged_into_id = down.id WHERE down.hops < 16)
                SELECT DISTINCT id FROM down
                """)
            {
                Parameters = { new() { Value = name }, new() { Value = new[] { tag, name, name.Replace('-', ' ') }.Distinct().ToArray() } },
            });
            readers.Add(async reader => tags = await IdsAsync(reader, cancellationToken));
        }
        if (filters.QuotesPost is { } quoted)
        {
            Add(batch, $"SELECT p.id FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.id = $1 AND {Visible}", quoted);
            readers.Add(async reader =>
            {
                if ((await IdsAsync(reader, cancellationToken)).Length == 0)
                    errors.Add($"There is no post {quoted} to find the quotes of.");
            });
        }
        if (batch.BatchCommands.Count > 0)
        {
            await using var reader = await Traced(batch).ExecuteReaderAsync(cancellationToken);
            foreach (var read in readers)
            {
                await read(reader);
                await reader.NextResultAsync(cancellationToken);
            }
        }
        if (authors is { Length: 0 })
            errors.Add($"There is no author \"{filters.Author}\" (give the name or the slug of their author page).");
        if (filters.Thread is not null && thread is null)
            errors.Add($"There is no thread \"{filters.Thread}\" (give the slug from its address, as in thread:scheming-ais).");
        if (tags is { Length: 0 })
            errors.Add($"There is no tag \"{filters.Tag}\".");
        if (onlyExcludes)
            errors.Add($"\"{query.Text}\" only leaves words out; give a word to search for as well, as in \"scheming {query.Text}\".");
        else if (query.Text.Length > 0 && !hasWords && filters.IsEmpty)
            errors.Add($"\"{query.Text}\" has no words to search for: words as common as \"the\" or \"of\" are not searched on their own.");
        return (new Scope(hasWords, authors, thread, tags), errors);
    }

    private static async Task<SearchResults> RunAsync(NpgsqlConnection connection, SearchQuery query, Scope scope, int page, CancellationToken cancellationToken)
    {
        var filterSql = new StringBuilder();
        var filterParameters = new List<NpgsqlParameter>();
        AppendFilters(query.Filters, scope, filterSql, filterParameters);

        List<(long Id, double Rank, long? GroupedInto)> matches;
        bool hasMore;
        if (scope.HasWords)
        {
            var candidates = await CandidatesAsync(
                connection, query.Text, filterSql.ToString(), rankFirst: !query.Filters.PicksFewPosts, filterParameters, cancellationToken);
            // Replies quoting a post are grouped under it, unless the query asks for quoting posts themselves.
            var grouping = !query.Filters.QuotesOnly && query.Filters.QuotesPost is null;
            var groupedInto = grouping ? await GroupingAsync(connection, candidates, cancellationToken) : [];
            var shown = candidates.Where(c => !groupedInto.ContainsKey(c.Id)).ToList();
            hasMore = shown.Count > page * PageSize;
            var pageIds = shown.Skip((page - 1) * PageSize).Take(PageSize).Select(c => c.Id).ToHashSet();
            matches = candidates
                .Where(c => pageIds.Contains(c.Id) || (groupedInto.TryGetValue(c.Id, out var origin) && pageIds.Contains(origin)))
                .Select(c => (c.Id, c.Rank, groupedInto.TryGetValue(c.Id, out var origin) ? origin : (long?)null))
                .ToList();
        }
        else
        {
            var newest = await NewestAsync(connection, filterSql.ToString(), filterParameters, page, cancellationToken);
            // The listing ends with the tenth page, as ranked results do.
            hasMore = newest.Count > PageSize && page < MostMatches / PageSize;
            matches = newest.Take(PageSize).Select(id => (id, 0.0, (long?)null)).ToList();
        }

        var details = await DetailsAsync(connection, scope.HasWords ? query.Text : null, matches, cancellationToken);
        var posts = matches.Where(m => m.GroupedInto is null && details.ContainsKey(m.Id))
            .Select(m =>
            {
                var hit = details[m.Id];
                var replies = matches.Where(r => r.GroupedInto == m.Id && details.ContainsKey(r.Id))
                    .Select(r => details[r.Id])
                    .OrderBy(r => r.PostedAt).ThenBy(r => r.PostId)
                    .Select(r => new QuotingReply(r.PostId, r.ThreadSlug, r.AuthorName, r.AuthorSlug, r.PostedAt))
                    .ToList();
                return hit with { Rank = m.Rank, QuotedBy = replies };
            })
            .ToList();

        IReadOnlyList<ThreadHit> threads = [];
        IReadOnlyList<SectionHit> sections = [];
        if (scope.HasWords && page == 1 && !query.Filters.NarrowsPosts)
            (threads, sections) = await TitlesAsync(connection, query.Text, scope.ThreadId, cancellationToken);
        return new SearchResults(query, [], threads, sections, posts, page, hasMore, null, []);
    }

    private static void AppendFilters(SearchFilters filters, Scope scope, StringBuilder sql, List<NpgsqlParameter> parameters)
    {
        string Parameter(object value, NpgsqlDbType? type = null)
        {
            var name = $"f{parameters.Count}";
            parameters.Add(type is { } t ? new NpgsqlParameter(name, t) { Value = value } : new NpgsqlParameter(name, value));
            return "@" + name;
        }

        if (scope.AuthorIds is { } authors)
            sql.Append($" AND p.author_id = ANY({Parameter(authors)})");
        if (scope.ThreadId is { } thread)
            sql.Append($" AND p.thread_id = {Parameter(thread)}");
        if (scope.TagIds is { } tags)
            sql.Append($" AND EXISTS (SELECT 1 FROM claim_tags c WHERE c.post_id = p.id AND c.state = 'confirmed' AND c.tag_id = ANY({Parameter(tags)}))");
        if (filters.Platform is { } platform)
        {
            var onPlatform = $"EXISTS (SELECT 1 FROM provenance v WHERE v.post_id = p.id AND v.platform = {Parameter(platform.ToString().ToLowerInvariant())})";
            // Posts written here carry no provenance record: they are the native ones.
            sql.Append(platform == Platform.Native
                ? $" AND ({onPlatform} OR NOT EXISTS (SELECT 1 FROM provenance v WHERE v.post_id = p.id))"
                : $" AND {onPlatform}");
        }
        if (filters.Before is { } before)
            sql.Append($" AND p.posted_at < {Parameter(new DateTimeOffset(before.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), NpgsqlDbType.TimestampTz)}");
        if (filters.After is { } after)
            sql.Append($" AND p.posted_at >= {Parameter(new DateTimeOffset(after.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), NpgsqlDbType.TimestampTz)}");
        if (filters.QuotesOnly)
            sql.Append(" AND EXISTS (SELECT 1 FROM quotes q WHERE q.post_id = p.id)");
        if (filters.QuotesPost is { } quoted)
            sql.Append($" AND EXISTS (SELECT 1 FROM quotes q WHERE q.post_id = p.id AND q.source_post_id = {Parameter(quoted)})");
    }

    /// <summary>
    /// The SQL of the ranked matches, for the benchmark to run bare. Ranking is done in two passes, as search engines
    /// rescore: every match is scored with ts_rank (term weights, cheap), and only the best <see cref="MostMatches"/>
    /// are scored again with ts_rank_cd (weights and how close the words stand), which orders them. ts_rank_cd costs
    /// several times more per row, and common words match tens of thousands of revisions; a query with no more
    /// matches than the window is ordered exactly as by ts_rank_cd alone. The first pass carries only ids and
    /// scores, so its sort stays small; whether a match is in the post's own words is asked of the window only.
    /// </summary>
    /// <param name="filterSql">The filters, each an AND condition on the post <c>p</c>.</param>
    /// <param name="rankFirst">
    /// Whether the first pass is sorted before visibility and the filters are checked (see <see cref="RankFirst"/>);
    /// otherwise the planner chooses the order.
    /// </param>
    public static string CandidatesSql(string filterSql, bool rankFirst) => $"""
        SELECT best.id, ts_rank_cd({RankWeights}, r.search_vector, best.query) AS rank,
               ts_filter(r.search_vector, {OwnWords}) @@ best.query AS own_words
        FROM (SELECT p.id, matched.revision_id, matched.query
              FROM (SELECT r.id AS revision_id, q.query, ts_rank({RankWeights}, r.search_vector, q.query) AS first_pass
                    FROM (SELECT websearch_to_tsquery('english', @text) AS query) q
                    JOIN post_revisions r ON r.search_vector @@ q.query{(rankFirst ? RankFirst : "")}) matched
              JOIN posts p ON p.current_revision_id = matched.revision_id
              JOIN threads t ON t.id = p.thread_id
              WHERE {Visible}{filterSql}
              ORDER BY matched.first_pass DESC, p.id DESC
              LIMIT {MostMatches}) best
        JOIN post_revisions r ON r.id = best.revision_id
        ORDER BY rank DESC, best.id DESC
        """;

    /// <summary>
    /// The first pass sorted before the join, and OFFSET 0 keeps the planner from merging it, so visibility and the
    /// filters are checked down the ranking until the window is full rather than for every match, and the sort
    /// carries ids and scores only (merged into the outer query, it carried each match's vector, and spilled to
    /// disk). Used unless a filter picks a few posts (an author, a thread, a tag): those may be far fewer than the
    /// words' matches, and the planner starts from them.
    /// </summary>
    private const string RankFirst = "\n            ORDER BY first_pass DESC\n            OFFSET 0";

    private sealed record Candidate(long Id, double Rank, bool OwnWords);

    private static async Task<List<Candidate>> CandidatesAsync(
        NpgsqlConnection connection, string text, string filterSql, bool rankFirst, List<NpgsqlParameter> filterParameters,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(CandidatesSql(filterSql, rankFirst), connection);
        command.Parameters.AddWithValue("text", text);
        command.Parameters.AddRange(filterParameters.Select(p => p.Clone()).ToArray());
        await using var reader = await Traced(command).ExecuteReaderAsync(cancellationToken);
        var candidates = new List<Candidate>();
        while (await reader.ReadAsync(cancellationToken))
            candidates.Add(new Candidate(reader.GetInt64(0), reader.GetFloat(1), reader.GetBoolean(2)));
        return candidates;
    }

    /// <summary>
    /// Which candidates matched only in words they quote from another candidate: each goes under the post it quotes
    /// (the first of its quotes whose source is a candidate too: a reply quoting two posts belongs with the one the
    /// query found), or under that post's own origin when that too matched only by quoting.
    /// </summary>
    private static async Task<Dictionary<long, long>> GroupingAsync(NpgsqlConnection connection, List<Candidate> candidates, CancellationToken cancellationToken)
    {
        var quotingOnly = candidates.Where(c => !c.OwnWords).Select(c => c.Id).ToArray();
        if (quotingOnly.Length == 0)
            return [];
        await using var command = new NpgsqlCommand(
            "SELECT post_id, source_post_id FROM quotes WHERE post_id = ANY($1) AND source_post_id = ANY($2) ORDER BY post_id, id", connection)
        {
            Parameters = { new() { Value = quotingOnly }, new() { Value = candidates.Select(c => c.Id).ToArray() } },
        };
        var found = candidates.Select(c => c.Id).ToHashSet();
        var quotes = new Dictionary<long, long>();
        await using (var reader = await Traced(command).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (reply, source) = (reader.GetInt64(0), reader.GetInt64(1));
                if (source != reply)
                    quotes.TryAdd(reply, source);
            }
        }
        var grouped = new Dictionary<long, long>();
        foreach (var (reply, source) in quotes)
        {
            var origin = source;
            // Follow a quote of a quote to where the words were written, never round a circle.
            for (var steps = 0; quotes.TryGetValue(origin, out var further) && found.Contains(further) && steps < 10; steps++)
                origin = further;
            if (origin != reply && found.Contains(origin))
                grouped[reply] = origin;
        }
        return grouped;
    }

    private static async Task<List<long>> NewestAsync(
        NpgsqlConnection connection, string filterSql, List<NpgsqlParameter> filterParameters, int page, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT p.id FROM posts p JOIN threads t ON t.id = p.thread_id
            WHERE {Visible}{filterSql}
            ORDER BY p.posted_at DESC, p.id DESC
            LIMIT {PageSize + 1} OFFSET {(page - 1) * PageSize}
            """, connection);
        command.Parameters.AddRange(filterParameters.Select(p => p.Clone()).ToArray());
        await using var reader = await Traced(command).ExecuteReaderAsync(cancellationToken);
        return await ReadIdsAsync(reader, cancellationToken);
    }

    /// <summary>What the results show of each post; snippets (ts_headline, the costly part) only for the posts shown.</summary>
    public static string DetailsSql => $"""
        SELECT p.id, t.slug, t.title, a.display_name, a.slug, p.posted_at,
               ARRAY(SELECT DISTINCT v.platform FROM provenance v WHERE v.post_id = p.id ORDER BY v.platform)::text[],
               CASE WHEN @text IS NULL OR NOT p.id = ANY(@shown) THEN left(r.own_text, 400)
                    ELSE ts_headline('english', {Unmarked("r.plain_text")}, websearch_to_tsquery('english', @text), @options) END,
               @text IS NOT NULL AND p.id = ANY(@shown)
        FROM posts p
        JOIN post_revisions r ON r.id = p.current_revision_id
        JOIN threads t ON t.id = p.thread_id
        JOIN authors a ON a.id = p.author_id
        WHERE p.id = ANY(@ids)
        """;

    private static async Task<Dictionary<long, PostHit>> DetailsAsync(
        NpgsqlConnection connection, string? text, List<(long Id, double Rank, long? GroupedInto)> matches, CancellationToken cancellationToken)
    {
        if (matches.Count == 0)
            return [];
        await using var command = new NpgsqlCommand(DetailsSql, connection)
        {
            Parameters =
            {
                new("text", NpgsqlDbType.Text) { Value = (object?)text ?? DBNull.Value },
                new("shown", matches.Where(m => m.GroupedInto is null).Select(m => m.Id).ToArray()),
                new("options", Snippet.HeadlineOptions),
                new("ids", matches.Select(m => m.Id).ToArray()),
            },
        };
        await using var reader = await Traced(command).ExecuteReaderAsync(cancellationToken);
        var hits = new Dictionary<long, PostHit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var platforms = reader.GetFieldValue<string[]>(6).Select(p => Enum.Parse<Platform>(p, ignoreCase: true)).ToList();
            var snippet = reader.GetBoolean(8) ? Snippet.FromHeadline(reader.GetString(7)) : Snippet.Excerpt(reader.GetString(7));
            hits[reader.GetInt64(0)] = new PostHit(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), platforms, snippet, 0, []);
        }
        return hits;
    }

    private static async Task<(IReadOnlyList<ThreadHit>, IReadOnlyList<SectionHit>)> TitlesAsync(
        NpgsqlConnection connection, string text, long? threadId, CancellationToken cancellationToken)
    {
        var inThread = threadId is null ? "" : " AND t.id = @thread";
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"""
                    SELECT t.slug, ts_headline('english', {Unmarked("t.title")}, q.query, @options)
                    FROM (SELECT websearch_to_tsquery('english', @text) AS query) q
                    JOIN threads t ON t.search_vector @@ q.query
                    WHERE t.status = 'published'{inThread}
                    ORDER BY ts_rank_cd(t.search_vector, q.query) DESC, t.id
                    LIMIT 5
                    """),
                new NpgsqlBatchCommand($"""
                    SELECT t.slug, t.title, s.number, ts_headline('english', {Unmarked("s.title")}, q.query, @options)
                    FROM (SELECT websearch_to_tsquery('english', @text) AS query) q
                    JOIN outline_sections s ON s.search_vector @@ q.query
                    JOIN threads t ON t.id = s.thread_id
                    WHERE t.status = 'published'{inThread}
                    ORDER BY ts_rank_cd(s.search_vector, q.query) DESC, s.thread_id, s.position
                    LIMIT 10
                    """),
            },
        };
        foreach (var command in batch.BatchCommands.Cast<NpgsqlBatchCommand>())
        {
            command.Parameters.AddWithValue("text", text);
            command.Parameters.AddWithValue("options", TitleOptions);
            if (threadId is { } id)
                command.Parameters.AddWithValue("thread", id);
        }
        await using var reader = await Traced(batch).ExecuteReaderAsync(cancellationToken);
        var threads = new List<ThreadHit>();
        while (await reader.ReadAsync(cancellationToken))
            threads.Add(new ThreadHit(reader.GetString(0), Snippet.FromHeadline(reader.GetString(1))));
        await reader.NextResultAsync(cancellationToken);
        var sections = new List<SectionHit>();
        while (await reader.ReadAsync(cancellationToken))
            sections.Add(new SectionHit(reader.GetString(0), reader.GetString(1), reader.GetString(2), Snippet.FromHeadline(reader.GetString(3))));
        return (threads, sections);
    }

    /// <summary>
    /// For each searched word no text contains: two known words it runs together ("toachieve": "to achieve"),
    /// else the known word most like it by trigrams, when one is like enough.
    /// </summary>
    private static async Task<List<Correction>> CorrectionsAsync(NpgsqlConnection connection, SearchQuery query, CancellationToken cancellationToken)
    {
        var words = query.PositiveWords().Where(w => w.Length <= 40).ToArray();
        if (words.Length == 0)
            return [];
        await using var command = new NpgsqlCommand("""
            SELECT w.term,
                   (SELECT left(w.term, i) || ' ' || substr(w.term, i + 1)
                    FROM generate_series(2, length(w.term) - 2) AS i
                    WHERE EXISTS (SELECT 1 FROM search_words WHERE word = left(w.term, i))
                      AND EXISTS (SELECT 1 FROM search_words WHERE word = substr(w.term, i + 1))
                    ORDER BY abs(length(w.term) - 2 * i), i
                    LIMIT 1),
                   (SELECT word FROM search_words
                    WHERE word % w.term
                    ORDER BY similarity(word, w.term) DESC, word
                    LIMIT 1)
            FROM unnest($1::text[]) AS w(term)
            WHERE NOT EXISTS (SELECT 1 FROM search_words WHERE word = w.term)
            """, connection)
        {
            Parameters = { new() { Value = words } },
        };
        await using var reader = await Traced(command).ExecuteReaderAsync(cancellationToken);
        var corrections = new List<Correction>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var replacement = !reader.IsDBNull(1) ? $"\"{reader.GetString(1)}\"" : !reader.IsDBNull(2) ? reader.GetString(2) : null;
            if (replacement is not null)
                corrections.Add(new Correction(reader.GetString(0), replacement));
        }
        return corrections;
    }

    /// <summary>A statement a search ran, as sent (<paramref name="InBatchWithPrevious"/>: in one round trip with the one before), for the benchmark to time the same SQL bare.</summary>
    public sealed record Statement(string Sql, IReadOnlyList<NpgsqlParameter> Parameters, bool InBatchWithPrevious);

    private static readonly AsyncLocal<List<Statement>?> Recorder = new();

    /// <summary>Records the statements searches run in this async flow into <paramref name="statements"/> until disposed.</summary>
    public static IDisposable Record(List<Statement> statements)
    {
        Recorder.Value = statements;
        return new StopRecording();
    }

    private sealed class StopRecording : IDisposable
    {
        public void Dispose() => Recorder.Value = null;
    }

    private static NpgsqlCommand Traced(NpgsqlCommand command)
    {
        Recorder.Value?.Add(new Statement(command.CommandText, command.Parameters.Select(p => p.Clone()).ToList(), false));
        return command;
    }

    private static NpgsqlBatch Traced(NpgsqlBatch batch)
    {
        var first = true;
        foreach (var command in batch.BatchCommands.Cast<NpgsqlBatchCommand>())
        {
            Recorder.Value?.Add(new Statement(command.CommandText, command.Parameters.Select(p => p.Clone()).ToList(), !first));
            first = false;
        }
        return batch;
    }

    private static void Add(NpgsqlBatch batch, string sql, object value) =>
        batch.BatchCommands.Add(new NpgsqlBatchCommand(sql) { Parameters = { new() { Value = value } } });

    private static async Task<long[]> IdsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        (await ReadIdsAsync(reader, cancellationToken)).ToArray();

    private static async Task<List<long>> ReadIdsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetInt64(0));
        return ids;
    }
}
