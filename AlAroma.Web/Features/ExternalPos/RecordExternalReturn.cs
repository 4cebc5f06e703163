using AlAroma.Web.Data;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.ExternalPos;

/// <summary>
/// <c>POST /api/v1/events/return</c>: a return of (part of) a receipt the same register sent before, once per event id.
/// The returned amount is spread over how the receipt was paid exactly as at our tills (<see cref="ReturnRules.Split"/>,
/// cumulative, whole points): the points part goes back to the balance, and the accrual is cut to what the money the
/// customer keeps earns at the receipt's own rate (<see cref="ReturnRules.KeptAccrual"/>) — which may take the balance
/// below zero when those points were spent meanwhile (DOMAIN.md).
/// </summary>
public sealed class RecordExternalReturn(AppDbContext db, ExternalPosEvents events, TimeProvider clock)
{
    /// <summary>The event.</summary>
    /// <param name="SaleEventId">The eventId of the sale being returned.</param>
    /// <param name="Amount">How much of the receipt's total is returned, ₽.</param>
    public sealed record Request(string? EventId, string? SaleEventId, decimal Amount);

    /// <param name="MoneyRefunded">What the register gives back in cash or to the card, ₽.</param>
    /// <param name="OtherRefunded">What goes back to the register's own certificates and the like, ₽.</param>
    /// <param name="PointsRestored">Spent points given back to the balance.</param>
    /// <param name="PointsReversed">Earned points taken back.</param>
    public sealed record Response(string EventId, string SaleEventId, decimal Amount, decimal MoneyRefunded, decimal OtherRefunded, int PointsRestored, int PointsReversed, int Balance);

    /// <summary>Applies the return once.</summary>
    /// <exception cref="BusinessRuleException">Missing ids, an unknown sale, or more than is left to return: nothing is kept.</exception>
    /// <exception cref="ExternalPosConflictException">The event id was used for another event.</exception>
    public async Task<ExternalPosEvents.Outcome> HandleAsync(ExternalPosCaller caller, Request request, CancellationToken ct)
    {
        var eventId = ExternalPosIds.Check(request.EventId, "eventId");
        var saleEventId = ExternalPosIds.Check(request.SaleEventId, "saleEventId");
        ExternalSaleRules.CheckAmount(request.Amount, "amount");
        if (request.Amount <= 0) throw new BusinessRuleException("amount — возвращаемая сумма чека, больше нуля.");
        return await events.RunOnceAsync(caller, eventId, ExternalPosEventKind.Return, async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // The row lock serialises two returns of one receipt: the second sees what the first took.
            var sale = (await db.ExternalSales.FromSql($"SELECT * FROM external_sales WHERE register_id = {caller.RegisterId} AND event_id = {saleEventId} FOR UPDATE").ToListAsync(ct))
                .FirstOrDefault() ?? throw new BusinessRuleException($"Продажа «{saleEventId}» этой кассы не найдена: возврат принимается по eventId продажи той же кассы.");
            var left = sale.Total - sale.ReturnedTotal;
            if (request.Amount > left)
                throw new BusinessRuleException(left == 0 ? "Чек уже возвращён полностью." : $"По чеку можно вернуть не больше {Money.Format(left)}.");

            ReturnRules.Bucket[] buckets =
            [
                new(0, PaymentMethod.Points, sale.PointsRedeemed, sale.PointsRestored),
                new(1, PaymentMethod.Card, sale.MoneyPaid, sale.ReturnedMoney),
                new(2, PaymentMethod.GiftCertificate, sale.OtherPaid, sale.ReturnedTotal - sale.ReturnedMoney - sale.PointsRestored),
            ];
            var split = ReturnRules.Split(sale.Total, buckets, request.Amount);
            var restored = (int)split[0];
            sale.ReturnedTotal += request.Amount;
            sale.ReturnedMoney += split[1];
            sale.PointsRestored += restored;
            var reversed = Math.Max(0, sale.PointsAccrued - sale.PointsReversed - ReturnRules.KeptAccrual(sale.PointsAccrued, sale.MoneyPaid, sale.MoneyPaid - sale.ReturnedMoney));
            sale.PointsReversed += reversed;
            await db.SaveChangesAsync(ct);

            var balance = await db.Customers.Where(c => c.Id == sale.CustomerId).Select(c => c.PointsBalance).FirstAsync(ct);
            var who = caller.DisplayName;
            if (restored > 0)
                balance = await PointsLedger.PostAsync(db, sale.CustomerId, PointsEntryKind.Reversal, restored, null, now, who, $"Возврат по чеку {sale.ReceiptNumber}: списанные баллы возвращены", ct);
            if (reversed > 0)
                balance = await PointsLedger.PostAsync(db, sale.CustomerId, PointsEntryKind.Reversal, -reversed, null, now, who, $"Возврат по чеку {sale.ReceiptNumber}: начисление пересчитано", ct);
            return new Response(eventId, saleEventId, request.Amount, split[1], split[2], restored, reversed, balance);
        }, ct);
    }
}
