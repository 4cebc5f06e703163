using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Customers.Card;
using AlAroma.Web.Features.Loyalty;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Bots.MiniApp;

/// <summary>
/// What the customer sees in the Mini App: name, level and the progress to the next one, the points balance and,
/// per accrual or gift, the points still left of it and when they burn (FIFO, <see cref="PointsFifo"/>), the last
/// purchases, the certificates of their purchases, and the card's QR (<see cref="CardQrCode"/>, what the till's
/// scanner accepts). Built from the back office's <see cref="GetCustomerCard"/>, so both show the same figures.
/// Amounts in ₽ (1 point = 1 ₽), times UTC with the zone of the customer's home shop (null = the chain's).
/// </summary>
public sealed class GetMiniAppCard(AppDbContext db, GetCustomerCard card, TimeProvider clock)
{
    /// <summary>Purchases shown (newest first).</summary>
    public const int PurchaseRows = 10;

    /// <summary>Points left of one accrual or gift and when they burn (UTC).</summary>
    public sealed record Lot(int Points, DateTime ExpiresAtUtc, bool Gift);

    /// <summary>The card.</summary>
    /// <param name="QrPng">PNG bytes of the card's QR code.</param>
    public sealed record Model(string Name, LoyaltyLevel Level, int Points, LevelProgress Progress, byte[] QrPng, IReadOnlyList<Lot> Lots,
        IReadOnlyList<GetCustomerCard.Purchase> Purchases, int PurchaseCount, IReadOnlyList<GetCustomerCard.Certificate> Certificates, string? TimeZoneId,
        IReadOnlyList<Loyalty.Gifts.OpenGifts.Row> Gifts);

    /// <summary>The card of customer <paramref name="customerId"/>, or null when there is none.</summary>
    public async Task<Model?> HandleAsync(long customerId, CancellationToken ct)
    {
        var m = await card.HandleAsync(customerId, ct);
        if (m is null) return null;
        var c = m.Customer;
        var zone = await db.Locations.Where(l => l.Id == c.HomeLocationId).Select(l => l.TimeZoneId).FirstOrDefaultAsync(ct);
        // The whole ledger, not the card's newest rows: an old accrual may still have points left.
        var entries = await db.PointsEntries.AsNoTracking().Where(e => e.CustomerId == c.Id).OrderBy(e => e.Id)
            .Select(e => new { Entry = new PointsFifo.Entry(e.AtUtc, e.Points, e.ExpiresAtUtc, e.Kind == PointsEntryKind.Expiry), Gift = e.Kind == PointsEntryKind.Gift })
            .ToListAsync(ct);
        var lots = PointsFifo.Remaining(entries.Select(e => e.Entry), clock.GetUtcNow().UtcDateTime).Where(l => l.Left > 0)
            .Select(l => new Lot(l.Left, l.ExpiresAtUtc, entries[l.Index].Gift)).OrderBy(l => l.ExpiresAtUtc).ToList();
        return new Model(c.Name, m.Progress.Level, c.PointsBalance, m.Progress, CardQrCode.Png(c), lots,
            m.Purchases.Take(PurchaseRows).ToList(), m.PurchaseCount, m.Certificates, zone,
            await Loyalty.Gifts.OpenGifts.OfAsync(db, c.Id, clock.GetUtcNow().UtcDateTime, ct));
    }
}
