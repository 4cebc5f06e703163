using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Reports;

/// <summary>
/// Revenue as moments in time, for charts over hours and days: each receipt adds its goods (after discounts,
/// certificate lines left out) when it was made, each return takes back what it refunded when it was made — the
/// definition of <see cref="ShopSalesRow.Revenue"/> and the Z-report (DOMAIN.md "Point of sale").
/// </summary>
public static class SalesRevenue
{
    /// <summary>One receipt (positive) or return (negative) at <paramref name="AtUtc"/>, ₽.</summary>
    public sealed record Item(int LocationId, DateTime AtUtc, decimal Amount);

    /// <summary>The receipts and returns at <paramref name="locationIds"/> in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    public static async Task<List<Item>> ItemsAsync(AppDbContext db, IReadOnlyCollection<int> locationIds, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var ids = locationIds.ToList();
        var sold = await db.Sales.AsNoTracking()
            .Where(s => ids.Contains(s.LocationId) && s.CreatedAtUtc >= fromUtc && s.CreatedAtUtc < toUtc)
            .Select(s => new Item(s.LocationId, s.CreatedAtUtc,
                s.Subtotal - s.DiscountTotal - (s.Lines.Where(l => l.IsGiftCertificate).Sum(l => (decimal?)l.Total) ?? 0)))
            .ToListAsync(ct);
        var returned = await db.SaleReturns.AsNoTracking()
            .Where(r => ids.Contains(r.LocationId) && r.CreatedAtUtc >= fromUtc && r.CreatedAtUtc < toUtc)
            .Select(r => new Item(r.LocationId, r.CreatedAtUtc, -r.Total))
            .ToListAsync(ct);
        return [.. sold, .. returned];
    }
}
