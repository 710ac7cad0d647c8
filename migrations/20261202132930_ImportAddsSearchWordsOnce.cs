using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Debate.Migrations.Migrations
{
    /// <summary>
    /// Adding the words of a bulk COPY row by row through the statement trigger costs about as much as the
    /// COPY itself (each revision's words unnested, filtered and de-duplicated in SQL). An import now says so
    /// for its own transaction (SET LOCAL debate.import_adds_search_words = on), and adds its words once, after
    /// the COPY, through ts_stat, which de-duplicates them as it reads.
    /// </summary>
    public partial class ImportAddsSearchWordsOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION search_words_from_revisions() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('debate.import_adds_search_words', true) = 'on' THEN
                        RETURN NULL;
                    END IF;
                    INSERT INTO search_words (word)
                    SELECT DISTINCT w FROM added_revisions, search_words_of(own_text || ' ' || quoted_text) AS w
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;

                -- Every word of the revisions with ids from first to last. A range may hold other writers' revisions
                -- too: their words are in search_words already, so adding them again changes nothing.
                CREATE FUNCTION search_words_add_revisions(first bigint, last bigint) RETURNS void
                LANGUAGE sql AS $$
                    INSERT INTO search_words (word)
                    SELECT word FROM ts_stat(format(
                        'SELECT to_tsvector(''simple'', own_text || '' '' || quoted_text) FROM post_revisions WHERE id BETWEEN %s AND %s',
                        first, last))
                    WHERE word ~ '^[[:alpha:]]{2,40}$'
                    ON CONFLICT DO NOTHING
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION search_words_add_revisions(bigint, bigint);
                CREATE OR REPLACE FUNCTION search_words_from_revisions() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO search_words (word)
                    SELECT DISTINCT w FROM added_revisions, search_words_of(own_text || ' ' || quoted_text) AS w
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;
                """);
        }
    }
}
