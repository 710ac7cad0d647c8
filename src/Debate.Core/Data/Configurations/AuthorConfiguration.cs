using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Debate.Core.Data.Configurations;

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> builder)
    {
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Slug).HasMaxLength(100);
        builder.Property(a => a.DisplayName).HasMaxLength(200);
        builder.HasMany(a => a.Accounts).WithOne().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuthorAccountConfiguration : IEntityTypeConfiguration<AuthorAccount>
{
    public void Configure(EntityTypeBuilder<AuthorAccount> builder)
    {
        builder.HasIndex(a => new { a.Platform, a.Handle }).IsUnique();
        builder.Property(a => a.Handle).HasMaxLength(200);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.HasOne(u => u.Author).WithMany().HasForeignKey(u => u.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.AuthorId).IsUnique().HasFilter("author_id IS NOT NULL");
    }
}
