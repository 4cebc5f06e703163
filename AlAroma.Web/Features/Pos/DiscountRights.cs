using System.Security.Claims;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Promotions.Engine;

namespace AlAroma.Web.Features.Pos;

/// <summary>
/// Which manual discount (F6) the signed-in user may give, so the till shows the control only to those who may use it
/// (issue 10 item 3). The server still refuses through <see cref="ManualDiscountPolicy"/> at the cart and at checkout.
/// </summary>
public static class DiscountRights
{
    /// <summary>The user's limit, % of the receipt after promotions: null = any (Admin, Manager), 0 = none (Cashier).</summary>
    public static decimal? LimitPercent(ClaimsPrincipal user, PosOptions options) =>
        ManualDiscountPolicy.LimitPercent(Roles.All.Where(user.IsInRole), options.SellerDiscountLimitPercent);

    /// <summary>True when the user may give a manual discount at all.</summary>
    public static bool MayDiscount(ClaimsPrincipal user, PosOptions options) => LimitPercent(user, options) != 0m;
}
