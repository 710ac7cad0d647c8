using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Debate.Core.Data.Configurations;

internal sealed class SearchWordConfiguration : IEntityTypeConfiguration<SearchWord>
{
    public void Configure(EntityTypeBuilder<SearchWord> builder)
    {
        builder.HasKey(w => w.Word);
        builder.Property(w => w.Word).HasMaxLength(40);
        // Trigram similarity finds the known words closest to a misspelt one.
        builder.HasIndex(w => w.Word, "ix_search_words_word_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
