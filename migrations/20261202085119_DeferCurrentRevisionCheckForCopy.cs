using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Debate.Migrations.Migrations
{
    /// <summary>
    /// A post names its current revision and a revision names its post. Binary COPY writes posts and
    /// revisions as two statements, so the check of a post's current revision may wait for the commit
    /// when a transaction asks it to (SET CONSTRAINTS ... DEFERRED); everything else still checks at once.
    /// </summary>
    public partial class DeferCurrentRevisionCheckForCopy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written SQL: EF Core does not model deferrable constraints.
            migrationBuilder.Sql("ALTER TABLE posts ALTER CONSTRAINT fk_posts_post_revisions_current_revision_id DEFERRABLE INITIALLY IMMEDIATE;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE posts ALTER CONSTRAINT fk_posts_post_revisions_current_revision_id NOT DEFERRABLE;");
        }
    }
}
