using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.ExternalPos;

/// <summary>
/// The programme's rules applied to a receipt of an external register (the same <see cref="LoyaltyRules"/> as at our
/// tills: redemption up to the share of the receipt, accrual per whole 100 ₽ paid with money at the customer's level).
/// Pure.
/// </summary>
public static class ExternalSaleRules
{
    /// <summary>The largest receipt accepted, ₽ (a typo guard, not a business limit).</summary>
    public const decimal MaxTotal = 10_000_000m;

    /// <summary>A receipt's figures, checked.</summary>
    /// <param name="Total">After discounts, goods only, ₽.</param>
    /// <param name="PointsRedeemed">Points spent on it (1 point = 1 ₽).</param>
    /// <param name="MoneyPaid">Paid with cash and card, ₽; the rest was paid otherwise (the register's own certificates).</param>
    /// <param name="PointsAccrued">Points it earns.</param>
    public sealed record Receipt(decimal Total, int PointsRedeemed, decimal MoneyPaid, int PointsAccrued);

    /// <summary>
    /// Checks and completes a receipt of <paramref name="total"/> ₽ for a customer at <paramref name="level"/> with
    /// <paramref name="balance"/> points: money paid defaults to the total minus the points.
    /// </summary>
    /// <exception cref="BusinessRuleException">A total not in (0; <see cref="MaxTotal"/>] or with fractions of a kopeck; negative
    /// points or more than <see cref="LoyaltyRules.MaxRedeemable"/>; money paid negative or above what the points leave.</exception>
    public static Receipt Apply(LoyaltyRules rules, LoyaltyLevel level, int balance, decimal total, int pointsRedeemed, decimal? moneyPaid)
    {
        CheckAmount(total, "total");
        if (total <= 0) throw new BusinessRuleException("total — сумма чека после скидок, больше нуля.");
        if (pointsRedeemed < 0) throw new BusinessRuleException("pointsRedeemed не может быть отрицательным.");
        var max = rules.MaxRedeemable(total, balance);
        if (pointsRedeemed > max)
            throw new BusinessRuleException(max == 0
                ? "Списать баллы нельзя: у клиента их нет (или баланс отрицательный)."
                : $"Списать можно не больше {max} баллов (до {rules.MaxRedeemShare:P0} чека и не больше баланса {balance}).");
        var left = total - pointsRedeemed;
        var money = moneyPaid ?? left;
        CheckAmount(money, "moneyPaid");
        if (money < 0 || money > left)
            throw new BusinessRuleException($"moneyPaid — оплачено наличными и картой: от 0 до {left.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} ₽ (сумма чека минус баллы).");
        return new Receipt(total, pointsRedeemed, money, rules.Accrual(money, level));
    }

    /// <exception cref="BusinessRuleException">More than two decimals or above <see cref="MaxTotal"/>.</exception>
    public static void CheckAmount(decimal value, string field)
    {
        if (decimal.Round(value, 2) != value) throw new BusinessRuleException($"{field}: рубли с точностью до копеек (не больше двух знаков после точки).");
        if (value > MaxTotal) throw new BusinessRuleException($"{field}: больше {MaxTotal:0} ₽ — проверьте сумму.");
    }
}
