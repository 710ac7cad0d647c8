using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace Debate.Core.Data.Configurations;

internal sealed class ThreadConfiguration : IEntityTypeConfiguration<DebateThread>
{
    public void Configure(EntityTypeBuilder<DebateThread> builder)
    {
        builder.ToTable("threads");
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Slug).HasMaxLength(100);
        builder.Property(t => t.Title).HasMaxLength(300);
        builder.HasIndex(t => t.LastActivityAt);
        builder.Property(t => t.PageVersion).HasDefaultValue(0L).ValueGeneratedOnAddOrUpdate();
        builder.Property<NpgsqlTsVector>(PostRevisionConfiguration.SearchVector)
            .HasComputedColumnSql("to_tsvector('english', title)", stored: true);
        builder.HasIndex(PostRevisionConfiguration.SearchVector).HasMethod("gin");
        builder.OwnsMany(t => t.Sources, sources => sources.ToJson());
        builder.HasMany(t => t.Outline).WithOne().HasForeignKey(s => s.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Posts).WithOne(p => p.Thread).HasForeignKey(p => p.ThreadId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutlineSectionConfiguration : IEntityTypeConfiguration<OutlineSection>
{
    public void Configure(EntityTypeBuilder<OutlineSection> builder)
    {
        builder.HasIndex(s => new { s.ThreadId, s.Number }).IsUnique();
        builder.Property(s => s.Number).HasMaxLength(32);
        builder.Property<NpgsqlTsVector>(PostRevisionConfiguration.SearchVector)
            .HasComputedColumnSql("to_tsvector('english', number || ' ' || title)", stored: true);
        builder.HasIndex(PostRevisionConfiguration.SearchVector).HasMethod("gin");
        builder.OwnsMany(s => s.Links, links => links.ToJson());
    }
}
