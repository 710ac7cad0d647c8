using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Debate.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ReplySubmissionKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "submission_key",
                table: "posts",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_posts_author_id_submission_key",
                table: "posts",
                columns: new[] { "author_id", "submission_key" },
                unique: true,
                filter: "submission_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_posts_author_id_submission_key",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "submission_key",
                table: "posts");
        }
    }
}
