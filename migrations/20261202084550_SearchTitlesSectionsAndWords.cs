using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Debate.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class SearchTitlesSectionsAndWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "threads",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('english', title)",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "outline_sections",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('english', number || ' ' || title)",
                stored: true);

            migrationBuilder.CreateTable(
                name: "search_words",
                columns: table => new
                {
                    word = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_words", x => x.word);
                });

            migrationBuilder.CreateIndex(
                name: "ix_threads_search_vector",
                table: "threads",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_outline_sections_search_vector",
                table: "outline_sections",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_search_words_word",
                table: "search_words",
                column: "word")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            // Hand-written: triggers keep the search words up to date on every write and import.
            migrationBuilder.Sql(SearchWordsSql.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchWordsSql.Drop);

            migrationBuilder.DropTable(
                name: "search_words");

            migrationBuilder.DropIndex(
                name: "ix_threads_search_vector",
                table: "threads");

            migrationBuilder.DropIndex(
                name: "ix_outline_sections_search_vector",
                table: "outline_sections");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "threads");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "outline_sections");
        }
    }
}
