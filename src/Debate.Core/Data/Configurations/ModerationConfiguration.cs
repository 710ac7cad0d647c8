using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Debate.Core.Data.Configurations;

internal sealed class ModerationActionConfiguration : IEntityTypeConfiguration<ModerationAction>
{
    public void Configure(EntityTypeBuilder<ModerationAction> builder)
    {
        builder.Property(a => a.Kind).HasMaxLength(32);
        builder.Property(a => a.Before).HasColumnType("jsonb");
        builder.Property(a => a.After).HasColumnType("jsonb");
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => a.ThreadId);
        builder.HasIndex(a => a.PostId);
    }
}

internal sealed class ImportedDocumentConfiguration : IEntityTypeConfiguration<ImportedDocument>
{
    public void Configure(EntityTypeBuilder<ImportedDocument> builder)
    {
        builder.Property(d => d.Format).HasMaxLength(64);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.Proposal).HasColumnType("jsonb");
        builder.Property(d => d.Corrections).HasColumnType("jsonb");
        builder.HasIndex(d => d.Sha256);
        builder.HasIndex(d => d.ThreadId);
    }
}

internal sealed class RepostCandidateConfiguration : IEntityTypeConfiguration<RepostCandidate>
{
    public void Configure(EntityTypeBuilder<RepostCandidate> builder)
    {
        builder.HasIndex(c => new { c.ContainerPostId, c.ContainedPostId }).IsUnique();
        builder.HasIndex(c => c.ContainedPostId);
        builder.HasIndex(c => c.State);
        builder.HasOne<Post>().WithMany().HasForeignKey(c => c.ContainerPostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Post>().WithMany().HasForeignKey(c => c.ContainedPostId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PostMoveConfiguration : IEntityTypeConfiguration<PostMove>
{
    public void Configure(EntityTypeBuilder<PostMove> builder)
    {
        builder.HasIndex(m => m.FromParentId);
        builder.HasIndex(m => m.FromThreadId);
        builder.HasIndex(m => m.PostId);
        builder.HasOne<Post>().WithMany().HasForeignKey(m => m.PostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Post>().WithMany().HasForeignKey(m => m.FromParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DebateThread>().WithMany().HasForeignKey(m => m.FromThreadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DebateThread>().WithMany().HasForeignKey(m => m.ToThreadId).OnDelete(DeleteBehavior.Restrict);
    }
}
