using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Debate.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class RepostsFoundThroughTheSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_post_revisions_plain_text",
                table: "post_revisions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_post_revisions_plain_text",
                table: "post_revisions",
                column: "plain_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
