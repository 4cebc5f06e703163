using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>Total of one payment method in a shift, ₽.</summary>
public sealed record MethodTotal(PaymentMethod Method, decimal Amount)
{
    public string Label => Sale.MethodLabel(Method);
}

/// <summary>
/// Figures of a shift: the X-report while it is open, the Z-report when it is closed. All amounts in ₽.
/// Revenue follows DOMAIN.md "Point of sale": goods sold minus goods returned, at the prices paid; a certificate
/// sold is an advance (its own line, not revenue); certificates and points redeemed are tenders like cash and card.
/// </summary>
/// <param name="Receipts">Number of sales (certificate-only receipts included).</param>
/// <param name="GoodsSold">Goods sold at the prices paid (receipt totals net of discounts, certificates sold excluded).</param>
/// <param name="Discounts">Sum of receipt discounts.</param>
/// <param name="ByMethod">Tenders of the sales by payment method (cash net of change), in enum order.</param>
/// <param name="CashTendered">Cash handed over by customers.</param>
/// <param name="ChangeGiven">Change handed back.</param>
/// <param name="OpeningFloat">Cash in the drawer at opening.</param>
/// <param name="ExpectedCash">Float + cash payments (net of change) − cash refunds + cash in − cash out: what the drawer should hold.</param>
/// <param name="AverageReceipt">Goods sold / receipts with goods (0 without them), rounded to kopecks: a certificate sold is not a purchase.</param>
public sealed record ShiftFigures(
    int Receipts, decimal GoodsSold, decimal Discounts, IReadOnlyList<MethodTotal> ByMethod,
    decimal CashTendered, decimal ChangeGiven, decimal OpeningFloat, decimal ExpectedCash, decimal AverageReceipt)
{
    /// <summary>Total of one method (0 when unused).</summary>
    public decimal Of(PaymentMethod m) => ByMethod.Where(x => x.Method == m).Sum(x => x.Amount);

    /// <summary>Gift certificates sold: how many.</summary>
    public int CertificatesSoldCount { get; init; }

    /// <summary>Gift certificates sold, ₽ at nominal: an advance the shop owes in goods, not revenue.</summary>
    public decimal CertificatesSold { get; init; }

    /// <summary>Goods returned in the shift: the effective prices refunded (returns pay out only goods).</summary>
    public decimal GoodsReturned => Cash.ReturnsTotal;

    /// <summary>"Выручка": goods sold − goods returned.</summary>
    public decimal Revenue => GoodsSold - GoodsReturned;

    /// <summary>All tenders of the sales (every method).</summary>
    public decimal Tendered => ByMethod.Sum(m => m.Amount);

    /// <summary>
    /// Tenders net of refunds: always equals <see cref="Revenue"/> + <see cref="CertificatesSold"/>, the check a
    /// cashier or accountant does by hand on the printed report.
    /// </summary>
    public decimal NetTendered => Tendered - GoodsReturned;

    /// <summary>Cash paid back to customers by returns.</summary>
    public decimal CashRefunded => Cash.ReturnsByMethod.Where(m => m.Method == PaymentMethod.Cash).Sum(m => m.Amount);

    /// <summary>Discounts by promotion, certificates redeemed and points of the shift.</summary>
    public ShiftLoyaltyFigures Loyalty { get; init; } = ShiftLoyaltyFigures.Empty;

    /// <summary>Returns paid out and cash put in / taken out in the shift.</summary>
    public ShiftCashFigures Cash { get; init; } = ShiftCashFigures.Empty;
}

/// <summary>
/// Z/X-report: returns (count, ₽ by method they went back to) and cash in/out (Внесение / Изъятие), ₽.
/// </summary>
public sealed record ShiftCashFigures(int Returns, decimal ReturnsTotal, IReadOnlyList<MethodTotal> ReturnsByMethod, decimal CashIn, decimal CashOut)
{
    /// <summary>A shift without any of them.</summary>
    public static ShiftCashFigures Empty { get; } = new(0, 0, [], 0, 0);
}

/// <summary>Discount total of one promotion (or of the manual discount) in a shift, ₽.</summary>
public sealed record PromotionDiscount(string Name, decimal Amount);

/// <summary>
/// Z/X-report additions: discounts by promotion, gift certificates redeemed (₽, the certificate tender) and points
/// accrued and redeemed.
/// </summary>
public sealed record ShiftLoyaltyFigures(IReadOnlyList<PromotionDiscount> ByPromotion, decimal CertificatesRedeemed, int PointsAccrued, int PointsRedeemed)
{
    /// <summary>A shift without any of them.</summary>
    public static ShiftLoyaltyFigures Empty { get; } = new([], 0, 0, 0);
}

/// <summary>The one computation behind the X-report, the Z-report, the cash shown in the till banner and the closing of a shift.</summary>
public static class ShiftReport
{
    /// <summary>One sale as the report needs it: its total and discount, and the certificates it sold (₽ and how many).</summary>
    public sealed record SaleRow(decimal Total, decimal Discount, decimal Certificates = 0, int CertificateCount = 0)
    {
        /// <summary>What the receipt took for goods.</summary>
        public decimal Goods => Total - Certificates;
    }

    /// <summary>One payment as the report needs it (cash: Amount net of change).</summary>
    public sealed record PaymentRow(PaymentMethod Method, decimal Amount, decimal? Tendered, decimal? Change);

    /// <summary>One refund of a return as the report needs it: which return, to which method, ₽.</summary>
    public sealed record RefundRow(long ReturnId, PaymentMethod Method, decimal Amount);

    /// <summary>One cash in/out, ₽ (positive).</summary>
    public sealed record CashRow(CashMovementKind Kind, decimal Amount);

    /// <summary>Pure: figures from the opening float, the sales and their payments, the refunds and cash in/out of the shift.</summary>
    public static ShiftFigures Compute(decimal openingFloat, IReadOnlyCollection<SaleRow> sales, IReadOnlyCollection<PaymentRow> payments,
        IReadOnlyCollection<RefundRow>? refunds = null, IReadOnlyCollection<CashRow>? movements = null)
    {
        refunds ??= [];
        movements ??= [];
        var cashFigures = new ShiftCashFigures(
            refunds.Select(r => r.ReturnId).Distinct().Count(), Money.Round(refunds.Sum(r => r.Amount)),
            refunds.GroupBy(r => r.Method).OrderBy(g => g.Key).Select(g => new MethodTotal(g.Key, Money.Round(g.Sum(r => r.Amount)))).ToList(),
            Money.Round(movements.Where(m => m.Kind == CashMovementKind.In).Sum(m => m.Amount)),
            Money.Round(movements.Where(m => m.Kind == CashMovementKind.Out).Sum(m => m.Amount)));
        var drawerDelta = cashFigures.CashIn - cashFigures.CashOut - cashFigures.ReturnsByMethod.Where(m => m.Method == PaymentMethod.Cash).Sum(m => m.Amount);
        var goods = sales.Sum(s => s.Goods);
        var withGoods = sales.Count(s => s.Goods > 0);
        var byMethod = payments.GroupBy(p => p.Method).OrderBy(g => g.Key)
            .Select(g => new MethodTotal(g.Key, Money.Round(g.Sum(p => p.Amount)))).ToList();
        var cash = payments.Where(p => p.Method == PaymentMethod.Cash).ToList();
        var cashIn = cash.Sum(p => p.Amount);
        return new ShiftFigures(
            sales.Count, Money.Round(goods), Money.Round(sales.Sum(s => s.Discount)), byMethod,
            Money.Round(cash.Sum(p => p.Tendered ?? p.Amount)), Money.Round(cash.Sum(p => p.Change ?? 0)),
            openingFloat, Money.Round(openingFloat + cashIn + drawerDelta),
            withGoods == 0 ? 0 : Money.Round(goods / withGoods))
        {
            Cash = cashFigures,
            CertificatesSold = Money.Round(sales.Sum(s => s.Certificates)), CertificatesSoldCount = sales.Sum(s => s.CertificateCount),
        };
    }

    /// <summary>Figures of <paramref name="shift"/> from its sales in the database.</summary>
    public static async Task<ShiftFigures> ForShiftAsync(AppDbContext db, Shift shift, CancellationToken ct)
    {
        var sales = await db.Sales.AsNoTracking().Where(s => s.ShiftId == shift.Id)
            .Select(s => new SaleRow(s.Total, s.DiscountTotal, s.Lines.Where(l => l.IsGiftCertificate).Sum(l => l.Total), s.Lines.Count(l => l.IsGiftCertificate)))
            .ToListAsync(ct);
        var payments = await db.Sales.AsNoTracking().Where(s => s.ShiftId == shift.Id).SelectMany(s => s.Payments)
            .Select(p => new PaymentRow(p.Method, p.Amount, p.Tendered, p.Change)).ToListAsync(ct);
        var byPromotion = await db.Sales.AsNoTracking().Where(s => s.ShiftId == shift.Id).SelectMany(s => s.Lines).SelectMany(l => l.Discounts)
            .GroupBy(d => d.Name).Select(g => new PromotionDiscount(g.Key, g.Sum(d => d.Amount))).ToListAsync(ct);
        var points = await db.Sales.AsNoTracking().Where(s => s.ShiftId == shift.Id)
            .GroupBy(_ => 1).Select(g => new { Accrued = g.Sum(s => s.PointsAccrued), Redeemed = g.Sum(s => s.PointsRedeemed) }).FirstOrDefaultAsync(ct);
        var refunds = await db.SaleReturns.AsNoTracking().Where(r => r.ShiftId == shift.Id).SelectMany(r => r.Payments, (r, p) => new RefundRow(r.Id, p.Method, p.Amount))
            .ToListAsync(ct);
        var movements = await db.CashMovements.AsNoTracking().Where(m => m.ShiftId == shift.Id).Select(m => new CashRow(m.Kind, m.Amount)).ToListAsync(ct);
        var figures = Compute(shift.OpeningFloat, sales, payments, refunds, movements);
        // A return of units worth 0 ₽ (a free unit) has no refund rows but still counts as a return.
        var returns = await db.SaleReturns.CountAsync(r => r.ShiftId == shift.Id, ct);
        return figures with
        {
            Cash = figures.Cash with { Returns = returns },
            Loyalty = new ShiftLoyaltyFigures(byPromotion.OrderByDescending(p => p.Amount).ThenBy(p => p.Name).ToList(),
                figures.Of(PaymentMethod.GiftCertificate), points?.Accrued ?? 0, points?.Redeemed ?? 0),
        };
    }
}
