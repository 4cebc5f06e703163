using AlAroma.Web.Data;
using AlAroma.Web.Features.Bots.Client;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Loyalty.Settings;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.ExternalPos;

/// <summary>
/// <c>POST /api/v1/events/sale</c>: a receipt of an external register with a customer, once per event id
/// (<see cref="ExternalPosEvents"/>). In one transaction: the points spent (never more than the balance or the
/// programme's share of the receipt), the points earned at the customer's level before the sale on the money paid, the
/// receipt kept for its returns and the level (its goods count like a sale at our tills), and the receipt message in the
/// customer's Telegram chat through the outbox.
/// </summary>
public sealed class RecordExternalSale(AppDbContext db, ExternalPosEvents events, LoyaltyTermsStore terms, NotificationOutbox outbox, TimeProvider clock)
{
    /// <summary>The outbox subject type of an external receipt's message (entity id = <see cref="ExternalSale.Id"/>).</summary>
    public const string SubjectType = "ExternalSale";

    /// <summary>The event.</summary>
    /// <param name="EventId">The register's unique id of this event (1–100 characters): a retry sends the same.</param>
    /// <param name="ReceiptNumber">The register's receipt number (up to 50 characters), shown to the customer.</param>
    /// <param name="Total">After discounts, goods only, ₽.</param>
    /// <param name="PointsRedeemed">Points spent on the receipt.</param>
    /// <param name="MoneyPaid">Cash + card, ₽; default: total minus points.</param>
    public sealed record Request(string? EventId, long CustomerId, string? ReceiptNumber, decimal Total, int PointsRedeemed = 0, decimal? MoneyPaid = null);

    /// <param name="SaleId">The receipt's id here.</param>
    /// <param name="Balance">The customer's points after the sale.</param>
    public sealed record Response(string EventId, long SaleId, long CustomerId, int PointsRedeemed, int PointsAccrued, int Balance, string Level);

    /// <summary>Applies the sale once.</summary>
    /// <exception cref="BusinessRuleException">Missing ids, an unknown customer, or figures against the rules: nothing is kept.</exception>
    /// <exception cref="ExternalPosConflictException">The event id was used for another event.</exception>
    public async Task<ExternalPosEvents.Outcome> HandleAsync(ExternalPosCaller caller, Request request, CancellationToken ct)
    {
        var eventId = ExternalPosIds.Check(request.EventId, "eventId");
        var number = request.ReceiptNumber?.Trim() is { Length: > 0 and <= 50 } n ? n
            : throw new BusinessRuleException("receiptNumber — номер чека кассы, от 1 до 50 символов.");
        return await events.RunOnceAsync(caller, eventId, ExternalPosEventKind.Sale, async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // The row lock orders this sale after any other one of the customer's in flight: balance and level are current.
            var customer = (await db.Customers.FromSql($"SELECT * FROM customers WHERE id = {request.CustomerId} FOR UPDATE").AsNoTracking().ToListAsync(ct))
                .FirstOrDefault(c => c.MergedIntoId == null && c.ErasedAtUtc == null)
                ?? throw new BusinessRuleException("Клиент не найден: найдите его заново (customers/lookup).");
            var inForce = await terms.ForNowAsync(null, ct);
            var receipt = ExternalSaleRules.Apply(inForce.Rules, customer.Level, customer.PointsBalance, request.Total, request.PointsRedeemed, request.MoneyPaid);
            var sale = new ExternalSale
            {
                RegisterId = caller.RegisterId, EventId = eventId, ReceiptNumber = number, CustomerId = customer.Id, AtUtc = now,
                Total = receipt.Total, MoneyPaid = receipt.MoneyPaid, PointsRedeemed = receipt.PointsRedeemed, PointsAccrued = receipt.PointsAccrued,
            };
            db.ExternalSales.Add(sale);
            await db.SaveChangesAsync(ct);

            var balance = customer.PointsBalance;
            var who = caller.DisplayName;
            if (receipt.PointsRedeemed > 0) balance = await PointsLedger.RedeemAsync(db, customer.Id, receipt.PointsRedeemed, null, now, who, ct, $"Чек {number}");
            if (receipt.PointsAccrued > 0) balance = await PointsLedger.AccrueAsync(db, customer.Id, receipt.PointsAccrued, null, now, who, inForce.PointsLifetimeMonths, ct, $"Чек {number}");

            var level = customer.Level;
            if (level != LoyaltyLevel.Platinum)
            {
                var earned = inForce.Rules.LevelFor(await LoyaltyPurchases.NetAsync(db, customer.Id, now.AddMonths(-12), ct));
                if (earned > level) (await db.Customers.FirstAsync(c => c.Id == customer.Id, ct)).Level = level = earned;
            }
            ClientReceiptMessage.Enqueue(outbox, customer, sale.Id, number, caller.RegisterName, receipt.Total, receipt.PointsAccrued, receipt.PointsRedeemed, balance, SubjectType);
            await db.SaveChangesAsync(ct);
            return new Response(eventId, sale.Id, customer.Id, receipt.PointsRedeemed, receipt.PointsAccrued, balance, level.ToString());
        }, ct);
    }
}

/// <summary>The register's ids in a request.</summary>
public static class ExternalPosIds
{
    /// <summary>The trimmed id.</summary>
    /// <exception cref="BusinessRuleException">Blank or longer than 100 characters.</exception>
    public static string Check(string? id, string field) =>
        id?.Trim() is { Length: > 0 and <= 100 } v ? v : throw new BusinessRuleException($"{field} — идентификатор события кассы, от 1 до 100 символов.");
}
