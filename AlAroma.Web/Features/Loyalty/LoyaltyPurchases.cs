using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Loyalty;

/// <summary>
/// What a customer bought for the level (DOMAIN.md "Loyalty"): goods of the sales made since a moment (UTC), net of
/// what was returned of those sales; certificates sold are an advance, not a purchase. External registers' receipts
/// (<see cref="ExternalPos.ExternalSale"/>) count too. One rule for the till's
/// upgrade and the nightly recalculation, so a purchase returned in full never lifts the level.
/// </summary>
public static class LoyaltyPurchases
{
    /// <summary>Net goods purchases of one customer since <paramref name="sinceUtc"/>, ₽.</summary>
    public static async Task<decimal> NetAsync(AppDbContext db, long customerId, DateTime sinceUtc, CancellationToken ct) =>
        await Sales(db, sinceUtc).Where(s => s.CustomerId == customerId).SumAsync(s => s.Net, ct);

    /// <summary>Net goods purchases since <paramref name="sinceUtc"/> per customer who bought in the window, ₽.</summary>
    public static async Task<Dictionary<long, decimal>> NetByCustomerAsync(AppDbContext db, DateTime sinceUtc, CancellationToken ct) =>
        await Sales(db, sinceUtc).GroupBy(s => s.CustomerId)
            .Select(g => new { CustomerId = g.Key, Net = g.Sum(s => s.Net) })
            .ToDictionaryAsync(x => x.CustomerId, x => x.Net, ct);

    /// <summary>One sale to a customer in the window and what it counts for the level, ₽.</summary>
    public sealed class SaleNet
    {
        public long CustomerId { get; init; }

        /// <summary>When the sale was made (UTC).</summary>
        public DateTime AtUtc { get; init; }

        /// <summary>The sale's goods (its total without certificates sold) minus what was returned of it, ₽.</summary>
        public decimal Net { get; init; }
    }

    /// <summary>
    /// The sales to customers made after <paramref name="sinceUtc"/>, each with its net goods amount: a query to
    /// compose, translated to SQL — e.g. <c>Sales(db, since).Where(s =&gt; s.CustomerId == c.Id).Sum(s =&gt; s.Net)</c>
    /// inside another query's projection (the customers list filters and sorts by it).
    /// </summary>
    public static IQueryable<SaleNet> Sales(AppDbContext db, DateTime sinceUtc) =>
        db.Sales.Where(s => s.CustomerId != null && s.CreatedAtUtc > sinceUtc)
            .Select(s => new SaleNet
            {
                CustomerId = s.CustomerId!.Value,
                AtUtc = s.CreatedAtUtc,
                Net = s.Total - s.Lines.Where(l => l.IsGiftCertificate).Sum(l => l.Total) - db.SaleReturns.Where(r => r.SaleId == s.Id).Sum(r => r.Total),
            })
            // The receipts of external registers (the POS API) count the same: their total is goods only.
            .Concat(db.ExternalSales.Where(s => s.AtUtc > sinceUtc)
                .Select(s => new SaleNet { CustomerId = s.CustomerId, AtUtc = s.AtUtc, Net = s.Total - s.ReturnedTotal }));
}
