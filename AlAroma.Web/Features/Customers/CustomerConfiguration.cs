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
        b.Property(x => x.BirthdayChangeReason).HasMaxLength(300);
        b.Property(x => x.SmsConsentSource).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.EmailConsentSource).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.TelegramConsentSource).HasConversion<string>().HasMaxLength(20);
        b.Ignore(x => x.ReachableInTelegram);
        b.Property(x => x.Source).HasMaxLength(64);
        b.HasIndex(x => x.TelegramChatId);
        b.HasIndex(x => x.Tags).HasMethod("gin");
        b.HasIndex(x => x.MergedIntoId);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.TelegramUserId).IsUnique().HasFilter("telegram_user_id IS NOT NULL");
    }
}
