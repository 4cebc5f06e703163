using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Loyalty.Dashboard;

/// <summary>
/// «Программа лояльности» (issue 12, "Gifts and the programme's figures"): chain-wide figures, months in the chain's
/// zone (Europe/Moscow). Members are customers not merged into another card. Every figure is one set-based query:
/// <list type="bullet">
/// <item>members by level; active = with a receipt in the last <see cref="ActiveDays"/> days;</item>
/// <item>the liability: the sum of positive points balances, ₽ (1 point = 1 ₽; a negative balance owes, it is not owed);</item>
/// <item>per month of the last 12 (the current one included): points accrued, given as gifts, redeemed, reversed by returns
/// and expired (positive numbers), and birthday gifts issued (count and points);</item>
/// <item>repeat-purchase rate: members with ≥ 2 receipts in 12 months ÷ members with ≥ 1 (0 when none);</item>
/// <item>share of revenue from members over 12 months: goods revenue (after discounts, certificates left out, returns
/// taken back when made — <see cref="Reports.SalesRevenue"/>) of receipts with a customer ÷ all of it.</item>
/// </list>
/// </summary>
public sealed class GetLoyaltyDashboard(AppDbContext db, TimeProvider clock)
{
    /// <summary>"Active" members bought within this many days.</summary>
    public const int ActiveDays = 90;

    /// <summary>Months in the monthly table.</summary>
    public const int Months = 12;

    /// <summary>One month (its first local day): points by kind and birthday gifts.</summary>
    /// <param name="GiftsIssued">Gifts of the catalogue («Подарки») issued that month.</param>
    /// <param name="GiftsHandedOver">Product and discount gifts of the catalogue handed over that month (points gifts are credited at issue).</param>
    public sealed record Month(DateOnly First, long Accrued, long Gifted, long Redeemed, long Reversed, long Expired, int BirthdayGifts, long BirthdayGiftPoints,
        int GiftsIssued = 0, int GiftsHandedOver = 0);

    /// <summary>The dashboard.</summary>
    /// <param name="Liability">₽ owed as points (positive balances).</param>
    /// <param name="RepeatRate">0–1.</param>
    /// <param name="MemberRevenue">₽ of goods revenue from receipts with a customer, 12 months.</param>
    /// <param name="Revenue">₽ of all goods revenue, 12 months.</param>
    /// <param name="FromUtc">Start of the 12 months (UTC): the first day of the first month, local midnight.</param>
    public sealed record Model(IReadOnlyDictionary<LoyaltyLevel, int> ByLevel, int Members, int Active, long Liability,
        int Buyers, int RepeatBuyers, decimal RepeatRate, decimal MemberRevenue, decimal Revenue, decimal MemberShare,
        IReadOnlyList<Month> Monthly, DateTime FromUtc, DateTime NowUtc);

    /// <summary>A receipt's goods revenue, ₽: after discounts, certificate lines left out (as <see cref="Reports.SalesRevenue"/>).</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Pos.Sale, decimal>> GoodsRevenue =
        s => s.Subtotal - s.DiscountTotal - (s.Lines.Where(l => l.IsGiftCertificate).Sum(l => (decimal?)l.Total) ?? 0);

    private sealed record KindSum(DateOnly Month, string Kind, long Points);

    private sealed record GiftSum(DateOnly Month, int Count, long Points);

    public async Task<Model> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var zone = LocalTime.Zone(null).Id;
        var today = LocalTime.Today(now);
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-(Months - 1));
        var fromUtc = LocalTime.UtcRange(firstMonth).FromUtc;

        var members = db.Customers.AsNoTracking().Where(c => c.MergedIntoId == null);
        var levels = await members.GroupBy(c => c.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byLevel = Enum.GetValues<LoyaltyLevel>().ToDictionary(l => l, l => levels.FirstOrDefault(x => x.Key == l)?.Count ?? 0);
        var liability = await members.Where(c => c.PointsBalance > 0).SumAsync(c => (long)c.PointsBalance, ct);

        var activeSince = nowUtc.AddDays(-ActiveDays);
        var active = await db.Sales.Where(s => s.CustomerId != null && s.CreatedAtUtc >= activeSince).Select(s => s.CustomerId).Distinct().CountAsync(ct);

        var yearAgo = nowUtc.AddMonths(-12);
        var memberSales = db.Sales.Where(s => s.CustomerId != null && s.CreatedAtUtc >= yearAgo);
        var buyers = await memberSales.Select(s => s.CustomerId).Distinct().CountAsync(ct);
        var repeat = await memberSales.GroupBy(s => s.CustomerId).Where(g => g.Count() >= 2).CountAsync(ct);

        var sales = db.Sales.Where(s => s.CreatedAtUtc >= yearAgo);
        var returns = db.SaleReturns.Where(r => r.CreatedAtUtc >= yearAgo);
        var revenue = await sales.SumAsync(GoodsRevenue, ct) - await returns.SumAsync(r => r.Total, ct);
        var memberRevenue = await sales.Where(s => s.CustomerId != null).SumAsync(GoodsRevenue, ct)
            - await returns.Where(r => db.Sales.Any(s => s.Id == r.SaleId && s.CustomerId != null)).SumAsync(r => r.Total, ct);

        var points = await db.Database.SqlQuery<KindSum>($"""
            SELECT date_trunc('month', at_utc AT TIME ZONE {zone})::date AS "Month", kind AS "Kind", sum(points)::bigint AS "Points"
            FROM points_entries WHERE at_utc >= {fromUtc} GROUP BY 1, 2
            """).ToListAsync(ct);
        var gifts = await db.Database.SqlQuery<GiftSum>($"""
            SELECT date_trunc('month', given_at_utc AT TIME ZONE {zone})::date AS "Month", count(*)::int AS "Count", sum(points)::bigint AS "Points"
            FROM birthday_gifts WHERE given_at_utc >= {fromUtc} GROUP BY 1
            """).ToListAsync(ct);
        var issued = await db.Database.SqlQuery<GiftSum>($"""
            SELECT date_trunc('month', issued_at_utc AT TIME ZONE {zone})::date AS "Month", count(*)::int AS "Count", 0::bigint AS "Points"
            FROM customer_gifts WHERE issued_at_utc >= {fromUtc} GROUP BY 1
            """).ToListAsync(ct);
        var handedOver = await db.Database.SqlQuery<GiftSum>($"""
            SELECT date_trunc('month', redeemed_at_utc AT TIME ZONE {zone})::date AS "Month", count(*)::int AS "Count", 0::bigint AS "Points"
            FROM customer_gifts WHERE redeemed_at_utc >= {fromUtc} AND kind <> 'Points' GROUP BY 1
            """).ToListAsync(ct);
        long Sum(DateOnly m, PointsEntryKind k) => points.Where(p => p.Month == m && p.Kind == k.ToString()).Sum(p => p.Points);
        var monthly = Enumerable.Range(0, Months).Select(i => firstMonth.AddMonths(i)).Select(m => new Month(m,
            Sum(m, PointsEntryKind.Accrual), Sum(m, PointsEntryKind.Gift), -Sum(m, PointsEntryKind.Redemption), -Sum(m, PointsEntryKind.Reversal),
            -Sum(m, PointsEntryKind.Expiry), gifts.FirstOrDefault(g => g.Month == m)?.Count ?? 0, gifts.FirstOrDefault(g => g.Month == m)?.Points ?? 0,
            issued.FirstOrDefault(g => g.Month == m)?.Count ?? 0, handedOver.FirstOrDefault(g => g.Month == m)?.Count ?? 0)).ToList();

        return new Model(byLevel, byLevel.Values.Sum(), active, liability, buyers, repeat, buyers == 0 ? 0m : (decimal)repeat / buyers,
            memberRevenue, revenue, revenue <= 0 ? 0m : memberRevenue / revenue, monthly, fromUtc, nowUtc);
    }
}
