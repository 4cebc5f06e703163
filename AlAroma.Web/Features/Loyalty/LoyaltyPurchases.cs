using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Loyalty;

/// <summary>
/// What a customer bought for the level (DOMAIN.md "Loyalty"): goods of the sales made since a moment (UTC), net of
/// what was returned of those sales; certificates sold are an advance, not a purchase. One rule for the till's
/// upgrade and the nightly recalculation, so a purchase returned in full never lifts the level.
/// </summary>
public static class LoyaltyPurchases
{
    /// <summary>Net goods purchases of one customer since <paramref name="sinceUtc"/>, ₽.</summary>
    public static async Task<decimal> NetAsync(AppDbContext db, long customerId, DateTime sinceUtc, CancellationToken ct) =>
        (await NetQuery(db, sinceUtc, customerId).ToListAsync(ct)).Sum(x => x.Net);

    /// <summary>Net goods purchases since <paramref name="sinceUtc"/> per customer who bought in the window, ₽.</summary>
    public static async Task<Dictionary<long, decimal>> NetByCustomerAsync(AppDbContext db, DateTime sinceUtc, CancellationToken ct) =>
        await NetQuery(db, sinceUtc, null).ToDictionaryAsync(x => x.CustomerId, x => x.Net, ct);

    private sealed record Row(long CustomerId, decimal Net);

    private static IQueryable<Row> NetQuery(AppDbContext db, DateTime sinceUtc, long? customerId) =>
        db.Sales.Where(s => s.CustomerId != null && s.CreatedAtUtc > sinceUtc && (customerId == null || s.CustomerId == customerId))
            .GroupBy(s => s.CustomerId!.Value)
            .Select(g => new Row(g.Key, g.Sum(s => s.Total - s.Lines.Where(l => l.IsGiftCertificate).Sum(l => l.Total)
                - db.SaleReturns.Where(r => r.SaleId == s.Id).Sum(r => r.Total))));
}
