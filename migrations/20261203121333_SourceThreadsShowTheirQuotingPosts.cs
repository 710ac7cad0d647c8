using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Debate.Migrations.Migrations
{
    /// <summary>
    /// A quoted post's page lists the posts quoting it ("quoted by", with their authors), so a change to a quoting post
    /// (hidden, deleted, merged, moved, its author renamed) is a new version of the quoted post's thread's pages too, not
    /// only of its own and of the threads quoting it. Without it, such a page stayed cached with a link to a hidden
    /// post until the cache let it go.
    /// </summary>
    public partial class SourceThreadsShowTheirQuotingPosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION threads_showing(post_ids bigint[]) RETURNS SETOF bigint
                LANGUAGE sql STABLE AS $$
                    SELECT thread_id FROM posts WHERE id = ANY(post_ids)
                    UNION
                    SELECT quoting.thread_id FROM quotes q JOIN posts quoting ON quoting.id = q.post_id
                    WHERE q.source_post_id = ANY(post_ids)
                    UNION
                    SELECT source.thread_id FROM quotes q JOIN posts source ON source.id = q.source_post_id
                    WHERE q.post_id = ANY(post_ids)
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION threads_showing(post_ids bigint[]) RETURNS SETOF bigint
                LANGUAGE sql STABLE AS $$
                    SELECT thread_id FROM posts WHERE id = ANY(post_ids)
                    UNION
                    SELECT quoting.thread_id FROM quotes q JOIN posts quoting ON quoting.id = q.post_id
                    WHERE q.source_post_id = ANY(post_ids)
                $$;
                """);
        }
    }
}
