using Debate.Core.Model;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Debate.Core.Data;

public sealed class DebateDbContext(DbContextOptions<DebateDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<DebateThread> Threads => Set<DebateThread>();
    public DbSet<OutlineSection> OutlineSections => Set<OutlineSection>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostRevision> PostRevisions => Set<PostRevision>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<AuthorAccount> AuthorAccounts => Set<AuthorAccount>();
    public DbSet<Provenance> Provenance => Set<Provenance>();
    public DbSet<Quote> Quotes => Set<Quote>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<ClaimTag> ClaimTags => Set<ClaimTag>();
    public DbSet<ModerationAction> ModerationActions => Set<ModerationAction>();
    public DbSet<ImportedDocument> ImportedDocuments => Set<ImportedDocument>();
    public DbSet<SearchWord> SearchWords => Set<SearchWord>();
    public DbSet<RepostCandidate> RepostCandidates => Set<RepostCandidate>();
    public DbSet<PostMove> PostMoves => Set<PostMove>();
    /// <summary>Shared by every app instance, so a login on one is valid on another.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("ltree");
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(DebateDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Platform>().HaveConversion<LowerCaseEnumConverter<Platform>>().HaveMaxLength(32);
        configurationBuilder.Properties<ProvenanceRelation>().HaveConversion<LowerCaseEnumConverter<ProvenanceRelation>>().HaveMaxLength(16);
        configurationBuilder.Properties<AnchorStatus>().HaveConversion<LowerCaseEnumConverter<AnchorStatus>>().HaveMaxLength(16);
        configurationBuilder.Properties<Stance>().HaveConversion<LowerCaseEnumConverter<Stance>>().HaveMaxLength(16);
        configurationBuilder.Properties<ClaimState>().HaveConversion<LowerCaseEnumConverter<ClaimState>>().HaveMaxLength(16);
        configurationBuilder.Properties<ThreadStatus>().HaveConversion<LowerCaseEnumConverter<ThreadStatus>>().HaveMaxLength(16);
        configurationBuilder.Properties<RepostState>().HaveConversion<LowerCaseEnumConverter<RepostState>>().HaveMaxLength(16);
    }
}
