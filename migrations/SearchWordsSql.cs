namespace Debate.Migrations;

/// <summary>
/// The hand-written part of the search migration: triggers that add every new word of a post revision,
/// thread title or report section to search_words (the vocabulary typo suggestions come from), and the
/// words of what is already there. Words are lower-cased and unstemmed ('simple'), letters only, 2 to 40 long.
/// </summary>
internal static class SearchWordsSql
{
    public const string Create = """
        CREATE FUNCTION search_words_of(document text) RETURNS SETOF text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT lexeme FROM unnest(to_tsvector('simple', coalesce(document, '')))
            WHERE lexeme ~ '^[[:alpha:]]{2,40}$'
        $$;

        -- Statement-level, so a bulk COPY of a million revisions adds its words in one insert.
        CREATE FUNCTION search_words_from_revisions() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO search_words (word)
            SELECT DISTINCT w FROM added_revisions, search_words_of(own_text || ' ' || quoted_text) AS w
            ON CONFLICT DO NOTHING;
            RETURN NULL;
        END $$;

        CREATE TRIGGER search_words_on_revision_insert AFTER INSERT ON post_revisions
            REFERENCING NEW TABLE AS added_revisions FOR EACH STATEMENT EXECUTE FUNCTION search_words_from_revisions();
        CREATE TRIGGER search_words_on_revision_update AFTER UPDATE ON post_revisions
            REFERENCING NEW TABLE AS added_revisions FOR EACH STATEMENT EXECUTE FUNCTION search_words_from_revisions();

        CREATE FUNCTION search_words_from_title() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO search_words (word) SELECT DISTINCT w FROM search_words_of(NEW.title) AS w ON CONFLICT DO NOTHING;
            RETURN NULL;
        END $$;

        CREATE TRIGGER search_words_on_thread AFTER INSERT OR UPDATE OF title ON threads
            FOR EACH ROW EXECUTE FUNCTION search_words_from_title();
        CREATE TRIGGER search_words_on_outline_section AFTER INSERT OR UPDATE OF title ON outline_sections
            FOR EACH ROW EXECUTE FUNCTION search_words_from_title();

        INSERT INTO search_words (word)
        SELECT DISTINCT w FROM post_revisions, search_words_of(own_text || ' ' || quoted_text) AS w
        UNION SELECT w FROM threads, search_words_of(title) AS w
        UNION SELECT w FROM outline_sections, search_words_of(title) AS w
        ON CONFLICT DO NOTHING;
        """;

    public const string Drop = """
        DROP TRIGGER search_words_on_outline_section ON outline_sections;
        DROP TRIGGER search_words_on_thread ON threads;
        DROP TRIGGER search_words_on_revision_update ON post_revisions;
        DROP TRIGGER search_words_on_revision_insert ON post_revisions;
        DROP FUNCTION search_words_from_title();
        DROP FUNCTION search_words_from_revisions();
        DROP FUNCTION search_words_of(text);
        """;
}
