using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Debate.Migrations.Migrations
{
    /// <summary>
    /// A revision's row holds its text several times over (Markdown, HTML, plain, own, quoted), so PostgreSQL moved
    /// the search vector, one of the larger values, out to the TOAST table: ranking a match then cost an index lookup
    /// and another page for every call of a tsvector function. Storage MAIN keeps the vector in the row and moves
    /// the texts out first. VACUUM FULL rewrites the rows already there, so they move too.
    /// </summary>
    public partial class SearchVectorStoredInline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written SQL: EF Core does not model a column's storage.
            migrationBuilder.Sql("ALTER TABLE post_revisions ALTER COLUMN search_vector SET STORAGE MAIN;");
            migrationBuilder.Sql("VACUUM FULL post_revisions;", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE post_revisions ALTER COLUMN search_vector SET STORAGE EXTENDED;");
        }
    }
}
