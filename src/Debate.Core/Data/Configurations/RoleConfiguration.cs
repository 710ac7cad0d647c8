using Debate.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Debate.Core.Data.Configurations;

/// <summary>The roles come with the schema: every database the migrations built has them, for the site, the CLI and the tests alike.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) =>
        // Fixed ids and stamps: seed data must be the same every time the model is built.
        builder.HasData(AccountRoles.All.Select(role => new IdentityRole
        {
            Id = role,
            Name = role,
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = role,
        }));
}
