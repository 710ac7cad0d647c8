using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Debate.Core.Data.Configurations;

internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> builder)
    {
        builder.ComplexProperty(q => q.Anchor);
        builder.HasIndex(q => q.PostId);
        builder.HasIndex(q => q.SourcePostId);
        builder.HasOne(q => q.SourcePost).WithMany().HasForeignKey(q => q.SourcePostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(q => q.SourceRevision).WithMany().HasForeignKey(q => q.SourceRevisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PostRevision>().WithMany().HasForeignKey(q => q.CurrentRevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.HasIndex(t => t.Name).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(64);
        builder.Property(t => t.Statement).HasMaxLength(500);
        builder.HasOne<Tag>().WithMany().HasForeignKey(t => t.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClaimTagConfiguration : IEntityTypeConfiguration<ClaimTag>
{
    public void Configure(EntityTypeBuilder<ClaimTag> builder)
    {
        builder.ComplexProperty(c => c.Anchor);
        builder.HasIndex(c => c.PostId);
        builder.HasIndex(c => c.TagId);
        builder.HasOne(c => c.Tag).WithMany().HasForeignKey(c => c.TagId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PostRevision>().WithMany().HasForeignKey(c => c.RevisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PostRevision>().WithMany().HasForeignKey(c => c.CurrentRevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
