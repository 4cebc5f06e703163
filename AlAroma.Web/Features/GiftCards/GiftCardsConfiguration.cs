using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.GiftCards;

internal sealed class GiftCertificateConfiguration : IEntityTypeConfiguration<GiftCertificate>
{
    public void Configure(EntityTypeBuilder<GiftCertificate> b)
    {
        b.Property(x => x.Code).HasMaxLength(13);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Entries).WithOne().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Status, x.ExpiresAtUtc });
        // Whatever code runs, a certificate never goes below zero or above its face value.
        b.ToTable(t => t.HasCheckConstraint("ck_gift_certificates_balance", "balance >= 0 AND balance <= nominal"));
    }
}

internal sealed class GiftCertificateEntryConfiguration : IEntityTypeConfiguration<GiftCertificateEntry>
{
    public void Configure(EntityTypeBuilder<GiftCertificateEntry> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.SaleId);
    }
}
