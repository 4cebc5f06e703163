using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Loyalty.Settings;

/// <summary>EF mapping of <see cref="LoyaltyTerms"/>: one version per effective day (the migration inserts the DOMAIN.md defaults as the first).</summary>
internal sealed class LoyaltyTermsConfiguration : IEntityTypeConfiguration<LoyaltyTerms>
{
    public void Configure(EntityTypeBuilder<LoyaltyTerms> b)
    {
        b.ToTable("loyalty_terms");
        b.HasIndex(x => x.EffectiveFrom).IsUnique();
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.Comment).HasMaxLength(500);
    }
}
