using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Debate.Migrations.Migrations
{
    /// <summary>
    /// threads.page_version goes up whenever anything a page of the thread shows changes, whoever writes it (the app,
    /// an import, psql), so a page cached under one version is never served once the thread has moved past it.
    /// Statement triggers with transition tables note the threads a statement touched (a bulk COPY costs one note, not
    /// one per row); the notes are applied when the transaction commits, so a thread's row is locked only then.
    /// </summary>
    public partial class ThreadPageVersions : Migration
    {
        /// <summary>
        /// Per table: the events that change a page, and the threads whose pages change, from the changed rows
        /// (<c>{rows}</c>). A post shows on its own thread's pages and, through the quotes of it, on the pages of the
        /// threads quoting it (a quote names its source's author and revision): <c>threads_showing(post ids)</c>.
        /// </summary>
        private static readonly (string Table, string Events, string ThreadIds)[] PageSources =
        [
            // Nothing quotes a post as it is added: a bulk COPY of posts skips the look for quotes of them.
            ("posts", "INSERT UPDATE DELETE",
                "SELECT thread_id FROM {rows} UNION SELECT threads_showing(ARRAY(SELECT id FROM {rows} WHERE TG_OP <> 'INSERT'))"),
            // A revision shows through posts.current_revision_id, which its post's update covers; only a revision
            // rewritten in place (a re-render) needs its own trigger.
            ("post_revisions", "UPDATE", "SELECT threads_showing(ARRAY(SELECT post_id FROM {rows}))"),
            ("quotes", "INSERT UPDATE DELETE", "SELECT thread_id FROM posts WHERE id IN (SELECT post_id FROM {rows} UNION SELECT source_post_id FROM {rows})"),
            ("claim_tags", "INSERT UPDATE DELETE", "SELECT thread_id FROM posts WHERE id IN (SELECT post_id FROM {rows})"),
            ("tags", "UPDATE", "SELECT p.thread_id FROM claim_tags c JOIN posts p ON p.id = c.post_id WHERE c.tag_id IN (SELECT id FROM {rows})"),
            ("provenance", "INSERT UPDATE DELETE", "SELECT thread_id FROM posts WHERE id IN (SELECT post_id FROM {rows})"),
            ("authors", "UPDATE", "SELECT threads_showing(ARRAY(SELECT id FROM posts WHERE author_id IN (SELECT id FROM {rows})))"),
            ("author_accounts", "INSERT UPDATE DELETE", "SELECT thread_id FROM posts WHERE author_id IN (SELECT author_id FROM {rows})"),
            ("outline_sections", "INSERT UPDATE DELETE", "SELECT thread_id FROM {rows}"),
            ("post_moves", "INSERT UPDATE DELETE", "SELECT from_thread_id FROM {rows} UNION SELECT to_thread_id FROM {rows}"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "page_version",
                table: "threads",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.Sql("""
                -- A thread row changed (title, lock, status, post count, last activity): a new version of its pages.
                CREATE FUNCTION threads_next_page_version() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.page_version = OLD.page_version THEN
                        NEW.page_version := OLD.page_version + 1;
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER threads_next_page_version BEFORE UPDATE ON threads
                    FOR EACH ROW EXECUTE FUNCTION threads_next_page_version();

                -- The statement triggers only note which threads changed; the versions go up when the transaction
                -- commits (a deferred trigger), so a writer holds its thread's row lock for the commit only, not for
                -- the whole transaction (replies to one thread were serialised on it). The note is keyed by
                -- transaction, so two writers never wait on each other's notes; unlogged, as it is empty between
                -- transactions.
                CREATE UNLOGGED TABLE thread_page_changes (
                    txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
                    thread_id bigint NOT NULL,
                    PRIMARY KEY (txid, thread_id));

                CREATE FUNCTION touch_thread_pages(thread_ids bigint[]) RETURNS void
                LANGUAGE sql AS $$
                    INSERT INTO thread_page_changes (thread_id)
                    SELECT DISTINCT id FROM unnest(thread_ids) AS id WHERE id IS NOT NULL
                    ON CONFLICT DO NOTHING
                $$;

                -- At commit, the first note of a transaction raises all of its threads, in id order (so two writers
                -- touching the same threads lock them in the same order), and clears its notes; the later ones find
                -- nothing left. NO KEY UPDATE, as the UPDATE itself takes: a plain FOR UPDATE would wait on the
                -- key-share locks that concurrent inserts of posts take on their thread (the foreign key).
                CREATE FUNCTION thread_page_changes_apply() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    WITH noted AS (DELETE FROM thread_page_changes WHERE txid = NEW.txid RETURNING thread_id)
                    UPDATE threads SET page_version = page_version + 1
                    WHERE id IN (SELECT id FROM threads WHERE id IN (SELECT thread_id FROM noted) ORDER BY id FOR NO KEY UPDATE);
                    RETURN NULL;
                END $$;
                CREATE CONSTRAINT TRIGGER thread_page_changes_apply AFTER INSERT ON thread_page_changes
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION thread_page_changes_apply();

                -- The threads whose pages show these posts: their own, and those of the posts quoting them.
                CREATE FUNCTION threads_showing(post_ids bigint[]) RETURNS SETOF bigint
                LANGUAGE sql STABLE AS $$
                    SELECT thread_id FROM posts WHERE id = ANY(post_ids)
                    UNION
                    SELECT quoting.thread_id FROM quotes q JOIN posts quoting ON quoting.id = q.post_id
                    WHERE q.source_post_id = ANY(post_ids)
                $$;
                """);
            foreach (var (table, events, threadIds) in PageSources)
            {
                var rows = (string name) => threadIds.Replace("{rows}", name, StringComparison.Ordinal);
                migrationBuilder.Sql($"""
                    CREATE FUNCTION {table}_touch_pages() RETURNS trigger
                    LANGUAGE plpgsql AS $$
                    BEGIN
                        IF TG_OP <> 'DELETE' THEN
                            PERFORM touch_thread_pages(ARRAY({rows("new_rows")}));
                        END IF;
                        IF TG_OP <> 'INSERT' THEN
                            PERFORM touch_thread_pages(ARRAY({rows("old_rows")}));
                        END IF;
                        RETURN NULL;
                    END $$;
                    """);
                foreach (var change in events.Split(' '))
                {
                    var transition = change switch
                    {
                        "INSERT" => "NEW TABLE AS new_rows",
                        "DELETE" => "OLD TABLE AS old_rows",
                        _ => "OLD TABLE AS old_rows NEW TABLE AS new_rows",
                    };
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER {table}_touch_pages_{change.ToLowerInvariant()} AFTER {change} ON {table}
                            REFERENCING {transition} FOR EACH STATEMENT EXECUTE FUNCTION {table}_touch_pages();
                        """);
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _, _) in PageSources)
                migrationBuilder.Sql($"DROP FUNCTION {table}_touch_pages() CASCADE;");
            migrationBuilder.Sql("""
                DROP FUNCTION threads_showing(bigint[]);
                DROP FUNCTION touch_thread_pages(bigint[]);
                DROP TABLE thread_page_changes;
                DROP FUNCTION thread_page_changes_apply();
                DROP FUNCTION threads_next_page_version() CASCADE;
                """);
            migrationBuilder.DropColumn(
                name: "page_version",
                table: "threads");
        }
    }
}
