using AlAroma.Web.Features.Loyalty.Settings;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers.List;
using AlAroma.Web.Features.GiftCards;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Customers.Card;

/// <summary>
/// The customer's card: profile, consents per channel with date and source, level with the progress to the next
/// one, points balance with the ledger and what is left of each accrual and when it expires (<see cref="PointsFifo"/>),
/// purchases (links to /pos/sales/{id}), certificates bought or spent in their purchases, and the messages the outbox
/// sent to their phone, e-mail or Telegram chat. Amounts in ₽, times UTC (the view shows Moscow time). The card of a
/// merged duplicate is not shown: <see cref="Model.MergedIntoId"/> tells the controller where to redirect.
/// </summary>
public sealed class GetCustomerCard(AppDbContext db, ListCustomers list, LoyaltyTermsStore terms, TimeProvider clock)
{
    /// <summary>Rows of each history the card shows (newest first).</summary>
    public const int HistoryRows = 100;

    /// <summary>A ledger row with, for accruals and gifts, the points still live of it.</summary>
    public sealed record LedgerRow(long Id, DateTime AtUtc, PointsEntryKind Kind, int Points, int BalanceAfter, long? SaleId, string? SaleNumber,
        string? Comment, DateTime? ExpiresAtUtc, int? Left, int? Expired);

    /// <summary>A purchase: total ₽, points spent and earned, what was returned of it (₽).</summary>
    /// <param name="External">A receipt of an external register (the POS API): no page of its own here; <paramref name="Shop"/> is the register.</param>
    public sealed record Purchase(long Id, string Number, DateTime AtUtc, string Shop, decimal Total, int PointsRedeemed, int PointsAccrued, decimal Returned,
        bool External = false);

    /// <summary>A certificate bought in one of their purchases, or one they paid with (amount spent ₽).</summary>
    public sealed record Certificate(long Id, string CodeTail, decimal Nominal, decimal Balance, string Status, bool Bought, decimal Spent);

    /// <summary>A message sent to them.</summary>
    public sealed record Message(long Id, Channel Channel, string Recipient, string Summary, OutboxStatus Status, DateTime CreatedAtUtc, DateTime? SentAtUtc, string? Error);

    /// <summary>A review, idea or message of theirs (UTC; the rating 1–10 of a review).</summary>
    public sealed record FeedbackRow(long Id, DateTime AtUtc, Feedback.FeedbackKind Kind, int? Rating, string Text, Feedback.FeedbackStatus Status, string? Shop);

    /// <summary>The card (null fields when the customer has none).</summary>
    public sealed record Model(Customer Customer, string? HomeShop, IReadOnlyList<Location> Shops, decimal Spent12Months, LevelProgress Progress,
        IReadOnlyList<Consent> Consents, IReadOnlyList<LedgerRow> Ledger, IReadOnlyList<Purchase> Purchases, int PurchaseCount,
        IReadOnlyList<Certificate> Certificates, IReadOnlyList<Message> Messages, IReadOnlyList<FeedbackRow> Feedback)
    {
        /// <summary>The card the customer was merged into (the page redirects there).</summary>
        public long? MergedIntoId => Customer.MergedIntoId;
    }

    /// <summary>The card of customer <paramref name="id"/>, or null when there is none.</summary>
    public async Task<Model?> HandleAsync(long id, CancellationToken ct)
    {
        var c = await db.Customers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var shops = await db.Locations.AsNoTracking().Where(l => l.Kind == LocationKind.Shop || l.Id == c.HomeLocationId).OrderBy(l => l.Name).ToListAsync(ct);
        var spent = c.MergedIntoId is null
            ? await list.Filtered(new ListCustomers.Input()).Query.Where(x => x.Id == id).Select(x => x.Spent12Months).FirstAsync(ct)
            : 0m;

        var entries = await db.PointsEntries.AsNoTracking().Where(e => e.CustomerId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var lots = PointsFifo.Remaining(entries.Select(e => new PointsFifo.Entry(e.AtUtc, e.Points, e.ExpiresAtUtc, e.Kind == PointsEntryKind.Expiry)), now)
            .ToDictionary(l => l.Index);
        var saleIds = entries.Where(e => e.SaleId != null).Select(e => e.SaleId!.Value).Distinct().ToList();
        var numbers = await db.Sales.AsNoTracking().Where(s => saleIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Number, ct);
        var ledger = entries.Select((e, i) => new LedgerRow(e.Id, e.AtUtc, e.Kind, e.Points, e.BalanceAfter, e.SaleId,
                e.SaleId is { } s ? numbers.GetValueOrDefault(s) : null, e.Comment,
                lots.TryGetValue(i, out var lot) ? lot.ExpiresAtUtc : e.ExpiresAtUtc, lots.TryGetValue(i, out lot) ? lot.Left : null,
                lots.TryGetValue(i, out lot) ? lot.Expired : null))
            .Reverse().Take(HistoryRows).ToList();

        var sales = db.Sales.AsNoTracking().Where(s => s.CustomerId == id);
        var purchases = await (from s in sales
                               join l in db.Locations on s.LocationId equals l.Id
                               orderby s.CreatedAtUtc descending, s.Id descending
                               select new Purchase(s.Id, s.Number, s.CreatedAtUtc, l.Name, s.Total, s.PointsRedeemed, s.PointsAccrued,
                                   db.SaleReturns.Where(r => r.SaleId == s.Id).Sum(r => (decimal?)r.Total) ?? 0m))
            .Take(HistoryRows).ToListAsync(ct);
        var external = db.ExternalSales.AsNoTracking().Where(s => s.CustomerId == id);
        purchases = purchases.Concat(await (from s in external
                                            join r in db.ExternalRegisters on s.RegisterId equals r.Id
                                            orderby s.AtUtc descending, s.Id descending
                                            select new Purchase(s.Id, s.ReceiptNumber, s.AtUtc, r.Name, s.Total, s.PointsRedeemed, s.PointsAccrued, s.ReturnedTotal, true))
                .Take(HistoryRows).ToListAsync(ct))
            .OrderByDescending(p => p.AtUtc).Take(HistoryRows).ToList();

        var bought = await db.GiftCertificates.AsNoTracking().Where(g => g.SaleId != null && sales.Any(s => s.Id == g.SaleId)).ToListAsync(ct);
        var used = await db.GiftCertificateEntries.AsNoTracking()
            .Where(e => e.Kind == CertificateEntryKind.Redeem && e.SaleId != null && sales.Any(s => s.Id == e.SaleId))
            .GroupBy(e => e.CertificateId).Select(g => new { Id = g.Key, Spent = -g.Sum(e => e.Amount) }).ToListAsync(ct);
        var usedIds = used.Select(u => u.Id).ToList();
        var usedCards = await db.GiftCertificates.AsNoTracking().Where(g => usedIds.Contains(g.Id)).ToListAsync(ct);
        var certificates = bought.Concat(usedCards).DistinctBy(g => g.Id).Select(g => new Certificate(g.Id, g.Code[^4..], g.Nominal, g.Balance,
            g.StatusLabel(now), bought.Any(b => b.Id == g.Id), Math.Abs(used.FirstOrDefault(u => u.Id == g.Id)?.Spent ?? 0m))).ToList();

        var recipients = CustomerRecipients.Of(c);
        var messages = await db.Notifications.AsNoTracking().Where(m => recipients.Contains(m.Recipient)).OrderByDescending(m => m.Id).Take(HistoryRows)
            .Select(m => new Message(m.Id, m.Channel, m.Recipient, m.Summary, m.Status, m.CreatedAtUtc, m.SentAtUtc, m.LastError)).ToListAsync(ct);

        var feedback = await (from f in db.Feedback.AsNoTracking()
                              where f.CustomerId == id
                              join l in db.Locations on f.LocationId equals l.Id into ls
                              from l in ls.DefaultIfEmpty()
                              orderby f.Id descending
                              select new FeedbackRow(f.Id, f.CreatedAtUtc, f.Kind, f.Rating, f.Text, f.Status, l == null ? null : l.Name))
            .Take(HistoryRows).ToListAsync(ct);

        return new Model(c, shops.FirstOrDefault(l => l.Id == c.HomeLocationId)?.Name, shops.Where(l => l.Kind == LocationKind.Shop).ToList(),
            spent, LevelProgress.Of((await terms.ForNowAsync(null, ct)).Rules, spent, c.Level), Consent.Channels.Select(c.ConsentOf).ToList(), ledger, purchases,
            await sales.CountAsync(ct) + await external.CountAsync(ct), certificates, messages, feedback);
    }
}
