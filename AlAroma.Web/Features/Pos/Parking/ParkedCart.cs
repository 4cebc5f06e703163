using AlAroma.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Pos.Parking;

/// <summary>
/// A receipt put aside with "Отложить чек" (F9) while the next customer is served: what the register's cart held,
/// to be recalled later at the same register. Kept until the shift of the register closes (the Z-report deletes
/// them: they are no sale). Not audited, like the cart: the sale is.
/// </summary>
[NotAudited]
public class ParkedCart
{
    public long Id { get; set; }
    public int RegisterId { get; set; }

    /// <summary>The shift it was parked in.</summary>
    public long ShiftId { get; set; }

    /// <summary>When it was parked, UTC.</summary>
    public DateTime ParkedAtUtc { get; set; }

    /// <summary>Who parked it (name as on receipts).</summary>
    public string ParkedBy { get; set; } = "";

    /// <summary>What the list shows: the first product names and the customer ("Chanel Coco, Dior Sauvage +1").</summary>
    public string Summary { get; set; } = "";

    /// <summary>Units (goods and certificates).</summary>
    public int Units { get; set; }

    /// <summary>To pay when parked, ₽ (prices may change before it is recalled; the till prices it again).</summary>
    public decimal Total { get; set; }

    public long? CustomerId { get; set; }

    /// <summary>The manual discount the cart had (null = none); recalled with it, checked again when priced.</summary>
    public CartManualDiscount? ManualDiscount { get; set; }

    /// <summary>
    /// Goods and certificates as JSON (<see cref="ParkedContent"/>): they live and die with the parked receipt and
    /// are never queried alone, so one column instead of two child tables.
    /// </summary>
    public string ContentJson { get; set; } = "{}";

    /// <summary>The goods and certificates of the receipt.</summary>
    public ParkedContent Content
    {
        get => System.Text.Json.JsonSerializer.Deserialize<ParkedContent>(ContentJson) ?? new ParkedContent([], []);
        set => ContentJson = System.Text.Json.JsonSerializer.Serialize(value);
    }
}

/// <summary>What a parked receipt held: product lines and certificate lines.</summary>
/// <param name="Lines">Product id and units.</param>
/// <param name="Certificates">Nominal ₽ and count.</param>
public sealed record ParkedContent(IReadOnlyList<ParkedContent.Line> Lines, IReadOnlyList<ParkedContent.Certificate> Certificates)
{
    /// <summary>Units of a product.</summary>
    public sealed record Line(int ProductId, int Quantity);

    /// <summary>Certificates of one nominal, ₽.</summary>
    public sealed record Certificate(decimal Nominal, int Quantity);
}

internal sealed class ParkedCartConfiguration : IEntityTypeConfiguration<ParkedCart>
{
    public void Configure(EntityTypeBuilder<ParkedCart> b)
    {
        b.HasOne<Register>().WithMany().HasForeignKey(x => x.RegisterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Shift>().WithMany().HasForeignKey(x => x.ShiftId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.RegisterId);
        b.Property(x => x.ParkedBy).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(300);
        b.HasManualDiscount(x => x.ManualDiscount);
        b.Property(x => x.ContentJson).HasColumnType("jsonb");
        b.Ignore(x => x.Content);
    }
}
