using AlAroma.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Loyalty.Birthdays;

/// <summary>
/// The birthday gift of one customer in one year: its row (unique per customer and year) is what makes the hourly
/// job give the gift once, whichever instance runs it and however often.
/// </summary>
[Infrastructure.Auditing.AuditName("Подарок на день рождения")]
public sealed class BirthdayGift
{
    public long Id { get; set; }
    public long CustomerId { get; set; }

    /// <summary>The year of the birthday (local calendar of the customer's shop).</summary>
    public int Year { get; set; }

    /// <summary>Points given (the terms in force that day).</summary>
    public int Points { get; set; }
    public DateTime GivenAtUtc { get; set; }

    /// <summary>When the gift's points burn, UTC.</summary>
    public DateTime ExpiresAtUtc { get; set; }
}

internal sealed class BirthdayGiftConfiguration : IEntityTypeConfiguration<BirthdayGift>
{
    public void Configure(EntityTypeBuilder<BirthdayGift> b)
    {
        b.ToTable("birthday_gifts");
        b.HasIndex(x => new { x.CustomerId, x.Year }).IsUnique();
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
