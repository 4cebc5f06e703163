using AlAroma.Web.Data;
using AlAroma.Web.Features.Loyalty.Settings;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.ExternalPos;

/// <summary>
/// <c>POST /api/v1/points/quote</c>: before the payment, how many points the customer may spend on this receipt and how
/// many it would earn, under the terms in force today. Changes nothing.
/// </summary>
public sealed class QuoteExternalPoints(AppDbContext db, LoyaltyTermsStore terms)
{
    /// <summary>The receipt: customer, total after discounts (₽), points the customer wants to spend, money paid (₽, default: the rest).</summary>
    public sealed record Request(long CustomerId, decimal Total, int PointsToRedeem = 0, decimal? MoneyPaid = null);

    /// <param name="MaxRedeemable">The most points this receipt can take.</param>
    /// <param name="ToPay">Total minus the points, ₽.</param>
    /// <param name="PointsToAccrue">Points the receipt earns when paid so.</param>
    public sealed record Response(long CustomerId, int Balance, string Level, int MaxRedeemable, int PointsToRedeem, decimal ToPay, int PointsToAccrue);

    /// <summary>The quote; null when there is no such customer.</summary>
    /// <exception cref="BusinessRuleException">The figures break the programme's rules (<see cref="ExternalSaleRules.Apply"/>).</exception>
    public async Task<Response?> HandleAsync(Request request, CancellationToken ct)
    {
        var c = await db.Customers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == request.CustomerId && x.MergedIntoId == null && x.ErasedAtUtc == null, ct);
        if (c is null) return null;
        var rules = (await terms.ForNowAsync(null, ct)).Rules;
        var receipt = ExternalSaleRules.Apply(rules, c.Level, c.PointsBalance, request.Total, request.PointsToRedeem, request.MoneyPaid);
        return new Response(c.Id, c.PointsBalance, c.Level.ToString(), rules.MaxRedeemable(request.Total, c.PointsBalance), receipt.PointsRedeemed,
            receipt.Total - receipt.PointsRedeemed, receipt.PointsAccrued);
    }
}
