using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Promotions.Engine;

/// <summary>A manual discount was refused; the message is Russian and says what to do.</summary>
public sealed class ManualDiscountRefusedException(string message) : BusinessRuleException(message);

/// <summary>
/// Who may give a manual discount and how much (DOMAIN.md): Admin and Manager any, Seller up to the
/// configurable limit (default 15 %), everyone else (Cashier) none. With several roles the most permissive wins.
/// </summary>
public static class ManualDiscountPolicy
{
    /// <summary>The Seller limit when Settings say nothing, %.</summary>
    public const decimal DefaultSellerLimitPercent = 15m;

    /// <summary>Name of the manual discount on the receipt.</summary>
    public const string ReceiptName = "Ручная скидка";

    /// <summary>
    /// The largest manual discount allowed, % of what is left to pay after promotions:
    /// null = no limit (Admin, Manager), 0 = none allowed.
    /// </summary>
    public static decimal? LimitPercent(IEnumerable<string>? roles, decimal sellerLimitPercent = DefaultSellerLimitPercent)
    {
        var set = (roles ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (set.Contains(Roles.Admin) || set.Contains(Roles.Manager)) return null;
        if (set.Contains(Roles.Seller)) return Math.Clamp(sellerLimitPercent, 0m, 100m);
        return 0m;
    }

    /// <summary>
    /// Checks that a manual discount of <paramref name="discount"/> ₽ on <paramref name="baseAmount"/> ₽
    /// is allowed for <paramref name="roles"/>. Throws <see cref="ManualDiscountRefusedException"/> otherwise.
    /// </summary>
    public static void EnsureAllowed(IEnumerable<string>? roles, decimal sellerLimitPercent, decimal discount, decimal baseAmount)
    {
        var limit = LimitPercent(roles, sellerLimitPercent);
        if (limit is null) return;
        if (limit == 0m)
            throw new ManualDiscountRefusedException(
                "Ручная скидка недоступна для вашей роли. Попросите продавца или менеджера дать скидку.");
        var allowed = Money.Round(baseAmount * limit.Value / 100m);
        if (discount > allowed)
            throw new ManualDiscountRefusedException(
                $"Ручная скидка больше разрешённой: можно не более {limit.Value:0.##} % ({Money.Format(allowed)}). " +
                "Уменьшите скидку или позовите менеджера.");
    }
}
