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
/// </summary>
/// <param name="Receipts">Number of sales.</param>
/// <param name="Revenue">Sum of receipt totals.</param>
/// <param name="Discounts">Sum of receipt discounts.</param>
/// <param name="ByMethod">Totals by payment method (cash net of change), in enum order.</param>
/// <param name="CashTendered">Cash handed over by customers.</param>
/// <param name="ChangeGiven">Change handed back.</param>
/// <param name="OpeningFloat">Cash in the drawer at opening.</param>
/// <param name="ExpectedCash">Float + cash payments (net of change): what the drawer should hold.</param>
/// <param name="AverageReceipt">Revenue / receipts (0 without sales), rounded to kopecks.</param>
public sealed record ShiftFigures(
    int Receipts, decimal Revenue, decimal Discounts, IReadOnlyList<MethodTotal> ByMethod,
    decimal CashTendered, decimal ChangeGiven, decimal OpeningFloat, decimal ExpectedCash, decimal AverageReceipt)
{
    /// <summary>Total of one method (0 when unused).</summary>
    public decimal Of(PaymentMethod m) => ByMethod.Where(x => x.Method == m).Sum(x => x.Amount);
}

/// <summary>The one computation behind the X-report, the Z-report, the cash shown in the till banner and the closing of a shift.</summary>
public static class ShiftReport
{
    /// <summary>One sale as the report needs it.</summary>
    public sealed record SaleRow(decimal Total, decimal Discount);

    /// <summary>One payment as the report needs it (cash: Amount net of change).</summary>
    public sealed record PaymentRow(PaymentMethod Method, decimal Amount, decimal? Tendered, decimal? Change);

    /// <summary>Pure: figures from the opening float, the sales and their payments.</summary>
    public static ShiftFigures Compute(decimal openingFloat, IReadOnlyCollection<SaleRow> sales, IReadOnlyCollection<PaymentRow> payments)
    {
        var revenue = sales.Sum(s => s.Total);
        var byMethod = payments.GroupBy(p => p.Method).OrderBy(g => g.Key)
            .Select(g => new MethodTotal(g.Key, Money.Round(g.Sum(p => p.Amount)))).ToList();
        var cash = payments.Where(p => p.Method == PaymentMethod.Cash).ToList();
        var cashIn = cash.Sum(p => p.Amount);
        return new ShiftFigures(
            sales.Count, Money.Round(revenue), Money.Round(sales.Sum(s => s.Discount)), byMethod,
            Money.Round(cash.Sum(p => p.Tendered ?? p.Amount)), Money.Round(cash.Sum(p => p.Change ?? 0)),
            openingFloat, Money.Round(openingFloat + cashIn),
            sales.Count == 0 ? 0 : Money.Round(revenue / sales.Count));
    }

    /// <summary>Figures of <paramref name="shift"/> from its sales in the database.</summary>
    public static async Task<ShiftFigures> ForShiftAsync(AppDbContext db, Shift shift, CancellationToken ct)
    {
        var sales = await db.Sales.AsNoTracking().Where(s => s.ShiftId == shift.Id)
            .Select(s => new SaleRow(s.Total, s.DiscountTotal)).ToListAsync(ct);
        var payments = await db.Sales.AsNoTracking().Where(s => s.ShiftId == shift.Id).SelectMany(s => s.Payments)
            .Select(p => new PaymentRow(p.Method, p.Amount, p.Tendered, p.Change)).ToListAsync(ct);
        return Compute(shift.OpeningFloat, sales, payments);
    }
}
