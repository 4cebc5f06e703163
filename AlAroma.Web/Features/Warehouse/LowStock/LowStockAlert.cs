using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Features.Warehouse.Stocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Warehouse.LowStock;

/// <summary>
/// "Мало товара": written by <see cref="StockLedger"/> in the same transaction as the movement that took a balance
/// from at-or-above its threshold (<see cref="StockBalance.MinQuantity"/>) to below it. Shown to the staff of the
/// location until someone presses "Принято".
/// </summary>
[Infrastructure.Auditing.AuditName("Сигнал о низком остатке")]
public class LowStockAlert
{
    public long Id { get; set; }
    public int LocationId { get; set; }
    public int ProductId { get; set; }

    /// <summary>Units on hand right after the crossing movement.</summary>
    public int Balance { get; set; }

    /// <summary>The threshold in units at that moment.</summary>
    public int Threshold { get; set; }

    /// <summary>When the balance crossed, UTC.</summary>
    public DateTime AtUtc { get; set; }
    public bool Acknowledged { get; set; }
    public string? AcknowledgedBy { get; set; }

    /// <summary>When "Принято" was pressed, UTC.</summary>
    public DateTime? AcknowledgedAtUtc { get; set; }
}

/// <summary>Pure rule of the low-stock alert.</summary>
public static class LowStockRule
{
    /// <summary>True when a change took the balance from ≥ <paramref name="min"/> to &lt; <paramref name="min"/> (units).</summary>
    public static bool CrossedBelow(int before, int after, int? min) => min is { } m && before >= m && after < m;

    /// <summary>Units to order: threshold × 2 − on hand − in transit, never negative.</summary>
    public static int SuggestedOrder(int min, int onHand, int inTransit) => Math.Max(0, min * 2 - onHand - inTransit);
}

internal sealed class LowStockAlertConfiguration : IEntityTypeConfiguration<LowStockAlert>
{
    public void Configure(EntityTypeBuilder<LowStockAlert> b)
    {
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.AcknowledgedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.LocationId, x.Acknowledged, x.Id });
    }
}
