using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Debate.Core.Data.Configurations;

internal sealed class ProvenanceConfiguration : IEntityTypeConfiguration<Provenance>
{
    public void Configure(EntityTypeBuilder<Provenance> builder)
    {
        builder.ToTable("provenance");
        // One record per published item: the same tweet can belong to one post only.
        builder.HasIndex(p => new { p.Platform, p.ExternalId }).IsUnique().HasFilter("external_id IS NOT NULL");
        builder.HasIndex(p => p.PostId);
        builder.Property(p => p.ExternalId).HasMaxLength(200);
        builder.Property(p => p.AuthorHandle).HasMaxLength(200);
    }
}
