using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Customers;

/// <summary>EF mapping of <see cref="Customer"/>; the points ledger is mapped by Loyalty, which owns it.</summary>
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
