using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Debate.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class PostMoves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "post_moves",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    post_id = table.Column<long>(type: "bigint", nullable: false),
                    from_thread_id = table.Column<long>(type: "bigint", nullable: false),
                    from_parent_id = table.Column<long>(type: "bigint", nullable: true),
                    to_thread_id = table.Column<long>(type: "bigint", nullable: false),
                    moved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_moves", x => x.id);
                    table.ForeignKey(
                        name: "fk_post_moves_posts_from_parent_id",
                        column: x => x.from_parent_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_post_moves_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_post_moves_threads_from_thread_id",
                        column: x => x.from_thread_id,
                        principalTable: "threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_post_moves_threads_to_thread_id",
                        column: x => x.to_thread_id,
                        principalTable: "threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_post_moves_from_parent_id",
                table: "post_moves",
                column: "from_parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_post_moves_from_thread_id",
                table: "post_moves",
                column: "from_thread_id");

            migrationBuilder.CreateIndex(
                name: "ix_post_moves_post_id",
                table: "post_moves",
                column: "post_id");

            migrationBuilder.CreateIndex(
                name: "ix_post_moves_to_thread_id",
                table: "post_moves",
                column: "to_thread_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "post_moves");
        }
    }
}
