using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Pos;

/// <summary>
/// The arithmetic of a return (DOMAIN.md "Point of sale" and the last bullet of "Promotions"). Pure: no database.
/// <list type="bullet">
/// <item>Units of a line: the stored effective unit prices (<see cref="SaleLine.UnitTotals"/>, highest first) are
/// returned in that order, the most expensive not-yet-returned units first. A unit left outside a multi-unit
/// promotion carries its full price and goes back first, so what the customer keeps still forms the promotion they
/// paid for; a free unit of 1+1=3 only ever goes back (at its effective price, often 0) after the paid ones, and the
/// whole line never refunds more than its total.</item>
/// <item>Money: the refund is spread over the receipt's payments in proportion to what each paid, computed on the
/// cumulative returned amount (so the last return of a receipt gives back exactly what each method paid); a rounding
/// rest goes in the fixed order certificate → points → card → cash; no payment ever gets back more than it paid.
/// Points are whole (1 point = 1 ₽).</item>
/// </list>
/// </summary>
public static class ReturnRules
{
    /// <summary>Refund for returning <paramref name="quantity"/> more units of a line of which <paramref name="alreadyReturned"/> are back, ₽.</summary>
    /// <exception cref="BusinessRuleException">Not a positive quantity, or more than is left to return.</exception>
    public static decimal LineRefund(IReadOnlyList<decimal> unitTotals, int alreadyReturned, int quantity, string name)
    {
        if (quantity <= 0) throw new BusinessRuleException($"«{name}»: количество к возврату должно быть больше нуля.");
        var left = unitTotals.Count - alreadyReturned;
        if (quantity > left)
            throw new BusinessRuleException(left == 0
                ? $"«{name}» уже возвращён полностью: повторно вернуть его нельзя."
                : $"«{name}»: можно вернуть не больше {left} шт. (остальное уже возвращено).");
        return Money.Round(unitTotals.OrderByDescending(x => x).Skip(alreadyReturned).Take(quantity).Sum());
    }

    /// <summary>A payment of the receipt as the split needs it.</summary>
    /// <param name="Index">Position of the payment (to give the result back in the same order).</param>
    /// <param name="Paid">What it paid, ₽.</param>
    /// <param name="Refunded">What earlier returns already gave back to it, ₽.</param>
    public sealed record Bucket(int Index, PaymentMethod Method, decimal Paid, decimal Refunded);

    /// <summary>The fixed order of methods for a rounding rest: certificate, points, card, cash.</summary>
    public static int Order(PaymentMethod m) => m switch
    {
        PaymentMethod.GiftCertificate => 0,
        PaymentMethod.Points => 1,
        PaymentMethod.Card => 2,
        _ => 3,
    };

    /// <summary>
    /// Splits <paramref name="refund"/> ₽ over the payments of a receipt totalling <paramref name="saleTotal"/> ₽.
    /// </summary>
    /// <returns>₽ per bucket (same order as given); sums to the refund.</returns>
    /// <exception cref="BusinessRuleException">The refund exceeds what is left to give back on the receipt.</exception>
    public static decimal[] Split(decimal saleTotal, IReadOnlyList<Bucket> buckets, decimal refund)
    {
        var result = new decimal[buckets.Count];
        var before = buckets.Sum(b => b.Refunded);
        var after = before + refund;
        if (refund < 0 || after > saleTotal || after > buckets.Sum(b => b.Paid))
            throw new BusinessRuleException("Сумма возврата больше оплаченной по чеку. Проверьте выбранные позиции.");
        var ordered = buckets.Select((b, i) => (b, i)).OrderBy(x => Order(x.b.Method)).ThenBy(x => x.b.Index).ToList();
        foreach (var (b, i) in ordered)
        {
            if (saleTotal == 0) break;
            var target = b.Paid * after / saleTotal;
            target = b.Method == PaymentMethod.Points ? decimal.Floor(target) : Money.Round(target);
            var left = refund - result.Sum();
            result[i] = Math.Clamp(Math.Min(target, b.Paid) - b.Refunded, 0, b.Method == PaymentMethod.Points ? decimal.Floor(left) : left);
        }
        foreach (var (b, i) in ordered) // the rest (never negative: the first pass stays within the refund) up to each one's room
        {
            var add = Math.Min(refund - result.Sum(), b.Paid - b.Refunded - result[i]);
            if (b.Method == PaymentMethod.Points) add = decimal.Floor(add);
            result[i] += Math.Max(add, 0);
        }
        var kopecks = refund - result.Sum();
        if (kopecks > 0) MoveAWholePoint(ordered, result, kopecks);
        if (refund - result.Sum() != 0)
            throw new BusinessRuleException("Не удалось распределить возврат по способам оплаты чека. Обратитесь к менеджеру.");
        return result;
    }

    /// <summary>
    /// A rest under 1 ₽ that only points have room for (the money payments are back in full): one more whole point
    /// goes back and the money payments give up the overshoot, cash first (the reverse of the rest order), out of
    /// what this return gives them. Without it a return of 2 999,50 of a 3 000 ₽ receipt paid 900 points + 2 100 by
    /// card could not be split at all. A receipt has at most one points payment (<see cref="PaymentRules"/>), and
    /// when a rest is left after the second pass that payment has at least one whole point of room (rooms of points
    /// are whole, and together the rooms cover the refund). When this return gave the money payments less than the
    /// overshoot, the split no longer sums to the refund and <see cref="Split"/> refuses it.
    /// </summary>
    private static void MoveAWholePoint(List<(Bucket b, int i)> ordered, decimal[] result, decimal kopecks)
    {
        var overshoot = 1 - kopecks;
        foreach (var (_, i) in ordered.Where(x => x.b.Method == PaymentMethod.Points)) result[i] += 1;
        foreach (var (_, i) in ordered.Where(x => x.b.Method != PaymentMethod.Points).Reverse())
        {
            var take = Math.Min(overshoot, result[i]);
            result[i] -= take;
            overshoot -= take;
        }
    }

    /// <summary>
    /// Points the receipt should keep after returns: the original accrual rate (points per whole 100 ₽) applied to the
    /// money (cash + card, minus certificates sold) the customer keeps. The rate is taken from the sale itself, so a
    /// later change of the customer's level does not change it.
    /// </summary>
    public static int KeptAccrual(int accrued, decimal moneyBase, decimal keptMoneyBase)
    {
        var hundreds = (int)decimal.Floor(Math.Max(moneyBase, 0) / 100m);
        if (hundreds == 0) return 0;
        var rate = Math.Max(accrued, 0) / hundreds;
        return (int)decimal.Floor(Math.Max(keptMoneyBase, 0) / 100m) * rate;
    }
}
