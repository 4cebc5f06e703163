using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Admin;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Reports;

/// <summary>Sales of one shop on a business day (all money in ₽; times local to the shop).</summary>
public sealed record ShopSalesRow(int LocationId, string Code, string Name, int Receipts, decimal Subtotal, decimal Discount, decimal Revenue,
    DateTime? FirstReceiptLocal, DateTime? LastReceiptLocal)
{
    /// <summary>Revenue per receipt, ₽ (0 without receipts).</summary>
    public decimal AverageReceipt => DailySales.Average(Revenue, Receipts);
}

/// <summary>Sales of one product on a business day: units, revenue after discounts and the discounts given, ₽.</summary>
public sealed record ProductSalesRow(string Sku, string Name, string? Brand, int Quantity, decimal Revenue, decimal Discount);

/// <summary>Payments by one method: how many payments and the amount applied to receipts (cash net of change), ₽.</summary>
public sealed record PaymentSalesRow(PaymentMethod Method, int Payments, decimal Amount)
{
    /// <summary>Russian name of the method.</summary>
    public string Label => Sale.MethodLabel(Method);
}

/// <summary>Sales rung up by one cashier: receipts and revenue, ₽.</summary>
public sealed record CashierSalesRow(string Name, int Receipts, decimal Revenue)
{
    /// <summary>Revenue per receipt, ₽.</summary>
    public decimal AverageReceipt => DailySales.Average(Revenue, Receipts);
}

/// <summary>
/// The daily sales report: one business day (local calendar day of each shop) over one shop or all the user's shops.
/// </summary>
/// <param name="ScopeLabel">"все магазины" or the shop's name.</param>
/// <param name="LocationId">The one shop reported, or null for all.</param>
/// <param name="GeneratedAtLocal">When the report was made, local time of <paramref name="TimeZoneId"/>.</param>
/// <param name="TimeZoneId">Zone of the single shop, or Moscow for all shops.</param>
public sealed record DailySales(DateOnly Day, string ScopeLabel, int? LocationId, DateTime GeneratedAtLocal, string TimeZoneId,
    IReadOnlyList<ShopSalesRow> Shops, IReadOnlyList<ProductSalesRow> Products, IReadOnlyList<PaymentSalesRow> Payments,
    IReadOnlyList<CashierSalesRow> Cashiers)
{
    /// <summary>Number of receipts.</summary>
    public int Receipts => Shops.Sum(s => s.Receipts);

    /// <summary>Sum at retail prices before discounts, ₽.</summary>
    public decimal Subtotal => Shops.Sum(s => s.Subtotal);

    /// <summary>All discounts, ₽.</summary>
    public decimal Discount => Shops.Sum(s => s.Discount);

    /// <summary>Revenue after discounts (what customers paid), ₽.</summary>
    public decimal Revenue => Shops.Sum(s => s.Revenue);

    /// <summary>Revenue per receipt, ₽.</summary>
    public decimal AverageReceipt => Average(Revenue, Receipts);

    /// <summary>Units sold.</summary>
    public int Units => Products.Sum(p => p.Quantity);

    /// <summary><paramref name="revenue"/> / <paramref name="receipts"/> rounded to kopecks; 0 when there are no receipts.</summary>
    public static decimal Average(decimal revenue, int receipts) => receipts == 0 ? 0m : Money.Round(revenue / receipts);
}

/// <summary>Parameters of the daily sales report: the day (null = today, local) and the shop (null = all allowed).</summary>
public sealed record DailySalesQuery(DateOnly? Day, int? LocationId);

/// <summary>
/// Builds <see cref="DailySales"/> from the sales of the day. Each shop's day is its own local calendar day
/// (<see cref="Location.TimeZoneId"/>), turned into a UTC range; the aggregation runs in PostgreSQL.
/// Returns are not deducted yet (there are no return documents).
/// </summary>
public sealed class GetDailySales(AppDbContext db, LocationScope scope, TimeProvider clock)
{
    /// <summary>Label of the report over every shop.</summary>
    public const string AllShopsLabel = "все магазины";

    /// <summary>The report for the signed-in user: their shops, or the one chosen.</summary>
    /// <exception cref="BusinessRuleException">The shop is not one of the user's, or the day is out of range.</exception>
    public async Task<DailySales> HandleAsync(DailySalesQuery query, CancellationToken ct)
    {
        var shops = await ShopsAsync(scope, ct);
        if (query.LocationId is { } id)
        {
            var shop = shops.FirstOrDefault(s => s.Id == id)
                ?? throw new BusinessRuleException("Этот магазин вам недоступен. Выберите магазин из списка.");
            shops = [shop];
        }
        return await ForShopsAsync(shops, query.Day, query.LocationId is null ? AllShopsLabel : shops[0].Name, query.LocationId, ct);
    }

    /// <summary>The active shops among the locations the user may see, by code.</summary>
    public static async Task<List<Location>> ShopsAsync(LocationScope scope, CancellationToken ct) =>
        (await scope.AllowedAsync(ct)).Where(l => l.Kind == LocationKind.Shop).OrderBy(l => l.Code).ToList();

    /// <summary>
    /// The report over <paramref name="shops"/> regardless of who asks (for the page, and for jobs such as the
    /// daily report e-mail). <paramref name="day"/> null = today in the report's zone (the shop's if there is one shop, else Moscow).
    /// </summary>
    /// <exception cref="BusinessRuleException">The day is before 2000 or after 2100.</exception>
    public async Task<DailySales> ForShopsAsync(IReadOnlyList<Location> shops, DateOnly? day, string scopeLabel, int? locationId, CancellationToken ct)
    {
        var tzId = shops.Count == 1 ? shops[0].TimeZoneId : BusinessDay.DefaultTimeZoneId;
        var now = clock.GetUtcNow();
        var d = day ?? BusinessDay.Today(now, tzId);
        if (d.Year < 2000 || d.Year > 2100) throw new BusinessRuleException("Выберите день между 2000 и 2100 годом.");

        var ids = SaleIdsOfDay(db, shops, d);
        var sales = db.Sales.AsNoTracking().Where(s => ids.Contains(s.Id));

        var byShop = await sales.GroupBy(s => s.LocationId)
            .Select(g => new
            {
                g.Key, Count = g.Count(), Subtotal = g.Sum(s => s.Subtotal), Discount = g.Sum(s => s.DiscountTotal), Total = g.Sum(s => s.Total),
                First = g.Min(s => s.CreatedAtUtc), Last = g.Max(s => s.CreatedAtUtc),
            })
            .ToDictionaryAsync(x => x.Key, ct);
        var shopRows = shops.Select(l => byShop.TryGetValue(l.Id, out var x)
                ? new ShopSalesRow(l.Id, l.Code, l.Name, x.Count, x.Subtotal, x.Discount, x.Total,
                    BusinessDay.ToLocal(x.First, l.TimeZoneId), BusinessDay.ToLocal(x.Last, l.TimeZoneId))
                : new ShopSalesRow(l.Id, l.Code, l.Name, 0, 0m, 0m, 0m, null, null))
            .ToList();

        var byProduct = await sales.SelectMany(s => s.Lines).GroupBy(l => l.ProductId)
            .Select(g => new { g.Key, Sku = g.Max(l => l.Sku), Name = g.Max(l => l.Name), Qty = g.Sum(l => l.Quantity), Total = g.Sum(l => l.Total), Discount = g.Sum(l => l.Discount) })
            .ToListAsync(ct);
        var productIds = byProduct.Select(p => p.Key).ToList();
        var brands = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Brand, ct);
        var productRows = byProduct
            .Select(p => new ProductSalesRow(p.Sku ?? "", p.Name ?? "", brands.GetValueOrDefault(p.Key), p.Qty, p.Total, p.Discount))
            .OrderByDescending(p => p.Revenue).ThenBy(p => p.Name).ToList();

        var byMethod = await sales.SelectMany(s => s.Payments).GroupBy(p => p.Method)
            .Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(p => p.Amount) })
            .ToListAsync(ct);
        var paymentRows = byMethod.OrderBy(p => p.Key).Select(p => new PaymentSalesRow(p.Key, p.Count, p.Amount)).ToList();

        var byCashier = await sales.GroupBy(s => s.CashierId)
            .Select(g => new { Name = g.Max(s => s.CashierName), Count = g.Count(), Total = g.Sum(s => s.Total) })
            .ToListAsync(ct);
        var cashierRows = byCashier.Select(c => new CashierSalesRow(c.Name ?? "", c.Count, c.Total))
            .OrderByDescending(c => c.Revenue).ThenBy(c => c.Name).ToList();

        return new DailySales(d, scopeLabel, locationId, BusinessDay.ToLocal(now.UtcDateTime, tzId), tzId,
            shopRows, productRows, paymentRows, cashierRows);
    }

    /// <summary>
    /// Ids of the sales made at <paramref name="shops"/> on local day <paramref name="day"/>: one UTC range per time
    /// zone (usually one), combined with UNION ALL in a single SQL subquery.
    /// </summary>
    public static IQueryable<long> SaleIdsOfDay(AppDbContext db, IReadOnlyList<Location> shops, DateOnly day)
    {
        IQueryable<long>? ids = null;
        foreach (var zone in shops.GroupBy(s => s.TimeZoneId))
        {
            var (from, to) = BusinessDay.UtcRange(day, zone.Key);
            var locationIds = zone.Select(s => s.Id).ToList();
            var part = db.Sales.Where(s => locationIds.Contains(s.LocationId) && s.CreatedAtUtc >= from && s.CreatedAtUtc < to).Select(s => s.Id);
            ids = ids is null ? part : ids.Concat(part);
        }
        return ids ?? db.Sales.Where(_ => false).Select(s => s.Id);
    }
}
