using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace Debate.Core.Data.Configurations;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        // Ids come from a sequence in blocks, so a post's path (which holds its own id) is known before it is saved.
        builder.Property(p => p.Id).UseHiLo("post_ids");
        builder.Property(p => p.Path).HasColumnType("ltree");
        builder.HasIndex(p => p.Path).HasMethod("gist");
        builder.HasIndex(p => new { p.ThreadId, p.ImportKey }).IsUnique().HasFilter("import_key IS NOT NULL");
        builder.HasIndex(p => new { p.ThreadId, p.PostedAt });
        builder.HasIndex(p => p.ParentId);
        builder.HasIndex(p => new { p.AuthorId, p.PostedAt });
        builder.HasIndex(p => new { p.AuthorId, p.SubmissionKey }).IsUnique().HasFilter("submission_key IS NOT NULL");
        builder.Property(p => p.ImportKey).HasMaxLength(200);
        builder.Property(p => p.Version).IsRowVersion();

        builder.HasOne(p => p.Parent).WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Author).WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Post>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.CurrentRevision).WithMany().HasForeignKey(p => p.CurrentRevisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Provenance).WithOne().HasForeignKey(p => p.PostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Quotes).WithOne().HasForeignKey(q => q.PostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Claims).WithOne().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<PostRevision> builder)
    {
        builder.Property(r => r.Id).UseHiLo("post_revision_ids");
        builder.HasIndex(r => new { r.PostId, r.Number }).IsUnique();
        // A post's own words weigh more in search than the words it quotes.
        builder.Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql(
                "setweight(to_tsvector('english', own_text), 'A') || setweight(to_tsvector('english', quoted_text), 'C')",
                stored: true);
        // Search, and the first question of finding reposts: which texts hold these words.
        builder.HasIndex(SearchVector).HasMethod("gin");
    }
}
