using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Loyalty.Gifts;

/// <summary>Who issued a gift.</summary>
public enum GiftSource
{
    [Infrastructure.Auditing.AuditName("Сотрудник")] Staff = 1,
    [Infrastructure.Auditing.AuditName("День рождения")] Birthday = 2,
    [Infrastructure.Auditing.AuditName("Рассылка")] Campaign = 3,
}

/// <summary>
/// A gift issued to a customer: open until it is handed over at a shop (a product leaves stock as a write-off
/// «Подарок»), used (a one-time discount) or it expires. A points gift is credited when issued and is never open.
/// What it gives is copied from the <see cref="GiftType"/> at issue.
/// </summary>
[Infrastructure.Auditing.AuditName("Подарок клиенту")]
public class CustomerGift
{
    public long Id { get; set; }
    [Infrastructure.Auditing.AuditName("Покупатель")]
    public long CustomerId { get; set; }
    public int GiftTypeId { get; set; }
    [Infrastructure.Auditing.AuditName("Подарок")]
    public string Name { get; set; } = "";
    public GiftKind Kind { get; set; }
    public int? Points { get; set; }
    public int? ProductId { get; set; }
    public int? DiscountPercent { get; set; }
    [Infrastructure.Auditing.AuditName("Откуда")]
    public GiftSource Source { get; set; }
    public string IssuedBy { get; set; } = "";

    /// <summary>The staff member who gave it from the staff bot (their user id; the day's gift limit counts by it); null for the programme's gifts.</summary>
    public string? StaffUserId { get; set; }
    public DateTime IssuedAtUtc { get; set; }

    /// <summary>The end of the gift's life, UTC (exclusive).</summary>
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>When it was handed over or used (UTC); points: when credited.</summary>
    [Infrastructure.Auditing.AuditName("Выдан")]
    public DateTime? RedeemedAtUtc { get; set; }
    public int? RedeemedLocationId { get; set; }
    public string? RedeemedBy { get; set; }

    /// <summary>The write-off «Подарок» that took a product gift off the shop's stock.</summary>
    public long? WriteOffId { get; set; }

    /// <summary>The sale whose price a discount gift lowered (used at the till).</summary>
    public long? SaleId { get; set; }

    /// <summary>Open: not handed over and not expired at <paramref name="nowUtc"/>.</summary>
    public bool IsOpen(DateTime nowUtc) => RedeemedAtUtc is null && ExpiresAtUtc > nowUtc;

    /// <summary>«открыт», «выдан», «истёк».</summary>
    public string StatusLabel(DateTime nowUtc) => RedeemedAtUtc is not null ? "выдан" : ExpiresAtUtc > nowUtc ? "открыт" : "истёк";

    /// <summary>The name of a discount gift under the receipt's lines: "Подарок «Скидка в день рождения»".</summary>
    public string ReceiptName => $"Подарок «{Name}»";

    /// <summary>
    /// Why <paramref name="gift"/> cannot lower the price of a receipt of <paramref name="customerId"/> at
    /// <paramref name="nowUtc"/> (Russian, for the till), or null when it can: it must exist, be this customer's
    /// one-time discount and be open.
    /// </summary>
    public static string? RefusalAtTill(CustomerGift? gift, long customerId, DateTime nowUtc) => gift switch
    {
        null => "Подарок не найден.",
        _ when gift.CustomerId != customerId => "Это подарок другого клиента.",
        { Kind: not GiftKind.Discount } => $"«{gift.Name}» — не скидка: его выдают кнопкой «Выдать».",
        { RedeemedAtUtc: { } at } => $"Подарок «{gift.Name}» уже использован {Infrastructure.Time.LocalTime.Format(at)}.",
        _ when gift.ExpiresAtUtc <= nowUtc => $"Срок подарка «{gift.Name}» истёк {Infrastructure.Time.LocalTime.Format(gift.ExpiresAtUtc)}.",
        _ => null,
    };

    /// <summary>What it gives, in words.</summary>
    public string What(string? productName) => GiftType.Describe(Kind, Points, productName, DiscountPercent);
}

internal sealed class CustomerGiftConfiguration : IEntityTypeConfiguration<CustomerGift>
{
    public void Configure(EntityTypeBuilder<CustomerGift> b)
    {
        b.ToTable("customer_gifts");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.IssuedBy).HasMaxLength(200);
        b.Property(x => x.RedeemedBy).HasMaxLength(200);
        b.Property(x => x.StaffUserId).HasMaxLength(450);
        b.HasIndex(x => new { x.StaffUserId, x.IssuedAtUtc }).HasFilter("staff_user_id IS NOT NULL"); // the staff bot's daily gift limit
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GiftType>().WithMany().HasForeignKey(x => x.GiftTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CustomerId, x.RedeemedAtUtc });
        b.HasOne<Pos.Sale>().WithMany().HasForeignKey(x => x.SaleId).OnDelete(DeleteBehavior.Restrict);
    }
}
