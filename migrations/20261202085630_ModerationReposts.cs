using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Debate.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ModerationReposts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "repost_candidates",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    container_post_id = table.Column<long>(type: "bigint", nullable: false),
                    contained_post_id = table.Column<long>(type: "bigint", nullable: false),
                    similarity = table.Column<double>(type: "double precision", nullable: false),
                    containment = table.Column<double>(type: "double precision", nullable: false),
                    span_start = table.Column<int>(type: "integer", nullable: true),
                    span_end = table.Column<int>(type: "integer", nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    found_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repost_candidates", x => x.id);
                    table.ForeignKey(
                        name: "fk_repost_candidates_posts_contained_post_id",
                        column: x => x.contained_post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_repost_candidates_posts_container_post_id",
                        column: x => x.container_post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_post_revisions_plain_text",
                table: "post_revisions",
                column: "plain_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_repost_candidates_contained_post_id",
                table: "repost_candidates",
                column: "contained_post_id");

            migrationBuilder.CreateIndex(
                name: "ix_repost_candidates_container_post_id_contained_post_id",
                table: "repost_candidates",
                columns: new[] { "container_post_id", "contained_post_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_repost_candidates_state",
                table: "repost_candidates",
                column: "state");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "repost_candidates");

            migrationBuilder.DropIndex(
                name: "ix_post_revisions_plain_text",
                table: "post_revisions");
        }
    }
}
