using AlAroma.Web.Features.Loyalty;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.Property(x => x.Phone).HasMaxLength(16);
        b.HasIndex(x => x.Phone).IsUnique();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.TelegramUserId).IsUnique().HasFilter("telegram_user_id IS NOT NULL");
    }
}

internal sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CustomerId, x.Id });
        b.HasIndex(x => x.SaleId);
    }
}
