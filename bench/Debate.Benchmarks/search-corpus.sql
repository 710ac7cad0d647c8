-- A deterministic search corpus of {posts} posts (a multiple of 1,000) in threads of 1,000, for the search benchmark.
-- Words come from a vocabulary of 8,000 made-up words ("kalomi") drawn log-uniformly, so a few are very common and
-- most are rare, as in real text. In each thread every tenth reply quotes the first eight words of the thread's
-- first post (with a quote record), so quote grouping has work to do. Each post has one provenance record
-- (LessWrong, Alignment Forum, Twitter, EA Forum in turn). Run on an empty, migrated database.
SELECT setseed(0.42);
SET session_replication_role = replica; -- no FK checks or triggers while filling; search_words is filled at the end

CREATE TEMP TABLE vocabulary AS
SELECT array_agg(s[1 + i % 20] || s[1 + (i / 20) % 20] || s[1 + (i / 400) % 20] ORDER BY i) AS words
FROM generate_series(0, 7999) AS i,
     (SELECT ARRAY['ka','lo','mi','nu','pe','ri','so','ta','vu','ze','bra','cle','dri','fro','glu','pla','sti','tro','wen','yor'] AS s) AS syllables;

INSERT INTO authors (id, slug, display_name, created_at)
SELECT i, 'author-' || i, 'Author ' || i, timestamptz '2020-01-01' FROM generate_series(1, 5000) AS i;

CREATE TEMP TABLE generated AS
SELECT n,
       (n - 1) / 1000 + 1 AS thread_id,
       ((n - 1) / 1000) * 1000 + 1 AS root_id,
       array_to_string(ARRAY(SELECT v.words[floor(exp(random() * ln(8000)))::int] FROM generate_series(1, 18 + n % 13)), ' ') AS own
FROM generate_series(1, {posts}) AS n, vocabulary AS v;

INSERT INTO threads (id, slug, title, status, is_reconstructed, is_locked, created_at, last_activity_at, post_count)
SELECT thread_id, 'bench-' || thread_id, 'Bench thread ' || thread_id || ': ' || split_part(own, ' ', 1) || ' ' || split_part(own, ' ', 2),
       'published', false, false, timestamptz '2020-01-01', timestamptz '2020-01-01' + n * interval '1 minute', 1000
FROM generated WHERE n = root_id;

CREATE TEMP TABLE passages AS
SELECT root_id, array_to_string((string_to_array(own, ' '))[1:8], ' ') AS passage FROM generated WHERE n = root_id;

INSERT INTO post_revisions (id, post_id, number, body, html, plain_text, own_text, quoted_text, created_at)
SELECT g.n, g.n, 1,
       CASE WHEN q.passage IS NULL THEN g.own ELSE '> ' || q.passage || E'\n\n' || g.own END,
       CASE WHEN q.passage IS NULL THEN '' ELSE '<blockquote><p>' || q.passage || '</p></blockquote>' END || '<p>' || g.own || '</p>',
       CASE WHEN q.passage IS NULL THEN '' ELSE q.passage || E'\n' END || g.own,
       g.own, coalesce(q.passage, ''),
       timestamptz '2020-01-01' + g.n * interval '1 minute'
FROM generated g LEFT JOIN passages q ON q.root_id = g.root_id AND g.n % 10 = 5;

INSERT INTO posts (id, thread_id, parent_id, path, depth, author_id, posted_at, current_revision_id, is_deleted, is_hidden)
SELECT n, thread_id, CASE WHEN n = root_id THEN NULL ELSE root_id END,
       (CASE WHEN n = root_id THEN n::text ELSE root_id || '.' || n END)::ltree,
       CASE WHEN n = root_id THEN 0 ELSE 1 END,
       1 + (n * 7919) % 5000, timestamptz '2020-01-01' + n * interval '1 minute', n, false, false
FROM generated;

INSERT INTO quotes (id, post_id, source_post_id, source_revision_id, status, current_revision_id, current_start, current_end,
                    created_at, anchor_start, anchor_end, anchor_exact, anchor_prefix, anchor_suffix)
SELECT g.n, g.n, g.root_id, g.root_id, 'anchored', g.root_id, 0, length(q.passage),
       timestamptz '2020-01-01', 0, length(q.passage), q.passage, '', ''
FROM generated g JOIN passages q ON q.root_id = g.root_id
WHERE g.n % 10 = 5 AND g.n <> g.root_id;

INSERT INTO provenance (id, post_id, platform, relation)
SELECT n, n, (ARRAY['lesswrong','alignmentforum','twitter','eaforum'])[1 + n % 4], 'original' FROM generated;

INSERT INTO search_words (word)
SELECT DISTINCT w FROM post_revisions, search_words_of(own_text || ' ' || quoted_text) AS w
UNION SELECT w FROM threads, search_words_of(title) AS w
ON CONFLICT DO NOTHING;

SET session_replication_role = origin;
SELECT setval('post_ids', {posts} + 1000), setval('post_revision_ids', {posts} + 1000);
VACUUM ANALYZE;
