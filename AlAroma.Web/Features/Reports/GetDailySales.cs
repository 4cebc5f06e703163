using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Reports;

/// <summary>
/// Sales of one shop on a business day (all money in ₽; times local to the shop). Revenue as in the Z-report
/// (DOMAIN.md "Point of sale"): goods sold − goods returned; certificates sold are an advance beside it.
/// </summary>
/// <param name="Receipts">All receipts, certificate-only ones included.</param>
/// <param name="Subtotal">Goods at retail prices, before discounts (certificates excluded).</param>
/// <param name="Discount">Discounts on the goods.</param>
/// <param name="Returns">Goods returned at the shop that day, at the prices paid.</param>
/// <param name="Certificates">Gift certificates sold, at nominal: not revenue.</param>
/// <param name="GoodsReceipts">Receipts with goods: the base of the average receipt.</param>
public sealed record ShopSalesRow(int LocationId, string Code, string Name, int Receipts, decimal Subtotal, decimal Discount,
    DateTime? FirstReceiptLocal, DateTime? LastReceiptLocal, decimal Returns = 0, decimal Certificates = 0, int GoodsReceipts = 0)
{
    /// <summary>"Выручка": goods sold (Subtotal − Discount) − goods returned.</summary>
    public decimal Revenue => Subtotal - Discount - Returns;

    /// <summary>Goods sold per receipt with goods, ₽ (0 without them).</summary>
    public decimal AverageReceipt => DailySales.Average(Subtotal - Discount, GoodsReceipts);
}

/// <summary>
/// One product on a business day: units sold net of units returned, revenue (paid for them net of refunds) and the
/// discounts given on the units sold, ₽.
/// </summary>
public sealed record ProductSalesRow(string Sku, string Name, string? Brand, int Quantity, decimal Revenue, decimal Discount);

/// <summary>
/// Payments by one method: how many payments, the amount applied to receipts (cash net of change) and the refunds
/// of the day's returns to that method, ₽.
/// </summary>
public sealed record PaymentSalesRow(PaymentMethod Method, int Payments, decimal Amount, decimal Refunded = 0)
{
    /// <summary>Russian name of the method.</summary>
    public string Label => Sale.MethodLabel(Method);

    /// <summary>Amount − refunds; over all methods this is revenue + certificates sold.</summary>
    public decimal Net => Amount - Refunded;
}

/// <summary>One cashier's day: receipts, revenue (goods sold − goods they took back) and goods receipts, ₽.</summary>
public sealed record CashierSalesRow(string Name, int Receipts, decimal Revenue, decimal GoodsSold = 0, int GoodsReceipts = 0)
{
    /// <summary>Goods sold per receipt with goods, ₽.</summary>
    public decimal AverageReceipt => DailySales.Average(GoodsSold, GoodsReceipts);
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

    /// <summary>Goods at retail prices before discounts, ₽.</summary>
    public decimal Subtotal => Shops.Sum(s => s.Subtotal);

    /// <summary>All discounts, ₽.</summary>
    public decimal Discount => Shops.Sum(s => s.Discount);

    /// <summary>Goods returned at the prices paid, ₽.</summary>
    public decimal Returns => Shops.Sum(s => s.Returns);

    /// <summary>"Выручка": goods sold after discounts − goods returned, ₽ (the Z-report's definition).</summary>
    public decimal Revenue => Shops.Sum(s => s.Revenue);

    /// <summary>Gift certificates sold (an advance, not revenue), ₽.</summary>
    public decimal Certificates => Shops.Sum(s => s.Certificates);

    /// <summary>Goods sold per receipt with goods, ₽.</summary>
    public decimal AverageReceipt => Average(Subtotal - Discount, Shops.Sum(s => s.GoodsReceipts));

    /// <summary>Units sold net of units returned.</summary>
    public int Units => Products.Sum(p => p.Quantity);

    /// <summary><paramref name="revenue"/> / <paramref name="receipts"/> rounded to kopecks; 0 when there are no receipts.</summary>
    public static decimal Average(decimal revenue, int receipts) => receipts == 0 ? 0m : Money.Round(revenue / receipts);
}

/// <summary>Parameters of the daily sales report: the day (null = today, local) and the shop (null = all allowed).</summary>
public sealed record DailySalesQuery(DateOnly? Day, int? LocationId);

/// <summary>
/// Builds <see cref="DailySales"/> from the sales of the day. Each shop's day is its own local calendar day
/// (<see cref="Location.TimeZoneId"/>), turned into a UTC range; the aggregation runs in PostgreSQL.
/// The day's returns at those shops are deducted where they were made (shop, cashier, product, method), as the
/// Z-report deducts them in the shift that paid them out; certificate lines are not goods.
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
        var tzId = shops.Count == 1 ? shops[0].TimeZoneId : LocalTime.DefaultZone;
        var now = clock.GetUtcNow();
        var d = day ?? LocalTime.Today(now, tzId);
        if (d.Year < 2000 || d.Year > 2100) throw new BusinessRuleException("Выберите день между 2000 и 2100 годом.");

        var ids = SaleIdsOfDay(db, shops, d);
        var sales = db.Sales.AsNoTracking().Where(s => ids.Contains(s.Id));
        var returnIds = ReturnIdsOfDay(db, shops, d);
        var returns = db.SaleReturns.AsNoTracking().Where(r => returnIds.Contains(r.Id));
        var certificateLines = sales.SelectMany(s => s.Lines.Where(l => l.IsGiftCertificate), (s, l) => new { s.LocationId, s.CashierId, l.Total });
        var certificateOnly = sales.Where(s => s.Lines.All(l => l.IsGiftCertificate));

        var byShop = await sales.GroupBy(s => s.LocationId)
            .Select(g => new
            {
                g.Key, Count = g.Count(), Subtotal = g.Sum(s => s.Subtotal), Discount = g.Sum(s => s.DiscountTotal),
                First = g.Min(s => s.CreatedAtUtc), Last = g.Max(s => s.CreatedAtUtc),
            })
            .ToDictionaryAsync(x => x.Key, ct);
        var certificatesByShop = await certificateLines.GroupBy(x => x.LocationId).Select(g => new { g.Key, Amount = g.Sum(x => x.Total) }).ToDictionaryAsync(x => x.Key, x => x.Amount, ct);
        var certificateOnlyByShop = await certificateOnly.GroupBy(s => s.LocationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var returnsByShop = await returns.GroupBy(r => r.LocationId).Select(g => new { g.Key, Total = g.Sum(r => r.Total) }).ToDictionaryAsync(x => x.Key, x => x.Total, ct);
        var shopRows = shops.Select(l =>
            {
                var certificates = certificatesByShop.GetValueOrDefault(l.Id);
                var returned = returnsByShop.GetValueOrDefault(l.Id);
                return byShop.TryGetValue(l.Id, out var x)
                    ? new ShopSalesRow(l.Id, l.Code, l.Name, x.Count, x.Subtotal - certificates, x.Discount,
                        LocalTime.ToLocal(x.First, l.TimeZoneId), LocalTime.ToLocal(x.Last, l.TimeZoneId), returned, certificates,
                        x.Count - certificateOnlyByShop.GetValueOrDefault(l.Id))
                    : new ShopSalesRow(l.Id, l.Code, l.Name, 0, 0m, 0m, null, null, returned);
            })
            .ToList();

        var byProduct = await sales.SelectMany(s => s.Lines).Where(l => !l.IsGiftCertificate).GroupBy(l => l.ProductId)
            .Select(g => new { g.Key, Qty = g.Sum(l => l.Quantity), Total = g.Sum(l => l.Total), Discount = g.Sum(l => l.Discount) })
            .ToDictionaryAsync(x => x.Key, ct);
        var returnedByProduct = await returns.SelectMany(r => r.Lines).GroupBy(l => l.ProductId)
            .Select(g => new { g.Key, Qty = g.Sum(l => l.Quantity), Amount = g.Sum(l => l.Amount) })
            .ToDictionaryAsync(x => x.Key, ct);
        var productIds = byProduct.Keys.Union(returnedByProduct.Keys).ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => new { p.Sku, p.Name, p.Brand }, ct);
        var productRows = productIds
            .Select(id =>
            {
                var sold = byProduct.GetValueOrDefault(id);
                var back = returnedByProduct.GetValueOrDefault(id);
                var p = products.GetValueOrDefault(id);
                return new ProductSalesRow(p?.Sku ?? "", p?.Name ?? "", p?.Brand, (sold?.Qty ?? 0) - (back?.Qty ?? 0),
                    (sold?.Total ?? 0) - (back?.Amount ?? 0), sold?.Discount ?? 0);
            })
            .OrderByDescending(p => p.Revenue).ThenBy(p => p.Name).ToList();

        var byMethod = await sales.SelectMany(s => s.Payments).GroupBy(p => p.Method)
            .Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(p => p.Amount) })
            .ToDictionaryAsync(x => x.Key, ct);
        var refundedByMethod = await returns.SelectMany(r => r.Payments).GroupBy(p => p.Method)
            .Select(g => new { g.Key, Amount = g.Sum(p => p.Amount) })
            .ToDictionaryAsync(x => x.Key, x => x.Amount, ct);
        var paymentRows = byMethod.Keys.Union(refundedByMethod.Keys).Order()
            .Select(m => new PaymentSalesRow(m, byMethod.GetValueOrDefault(m)?.Count ?? 0, byMethod.GetValueOrDefault(m)?.Amount ?? 0, refundedByMethod.GetValueOrDefault(m)))
            .ToList();

        // Returns know the cashier only by name: cashiers are matched on it.
        var byCashier = await sales.GroupBy(s => s.CashierId)
            .Select(g => new { g.Key, Name = g.Max(s => s.CashierName), Count = g.Count(), Total = g.Sum(s => s.Total) })
            .ToListAsync(ct);
        var certificatesByCashier = await certificateLines.GroupBy(x => x.CashierId).Select(g => new { g.Key, Amount = g.Sum(x => x.Total) }).ToDictionaryAsync(x => x.Key, x => x.Amount, ct);
        var certificateOnlyByCashier = await certificateOnly.GroupBy(s => s.CashierId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var returnsByCashier = await returns.GroupBy(r => r.CashierName).Select(g => new { g.Key, Total = g.Sum(r => r.Total) }).ToDictionaryAsync(x => x.Key, x => x.Total, ct);
        var cashierRows = byCashier
            .Select(c =>
            {
                var goods = c.Total - certificatesByCashier.GetValueOrDefault(c.Key);
                return new CashierSalesRow(c.Name ?? "", c.Count, goods - returnsByCashier.GetValueOrDefault(c.Name ?? ""), goods, c.Count - certificateOnlyByCashier.GetValueOrDefault(c.Key));
            })
            .Concat(returnsByCashier.Where(r => byCashier.All(c => c.Name != r.Key)).Select(r => new CashierSalesRow(r.Key, 0, -r.Value)))
            .OrderByDescending(c => c.Revenue).ThenBy(c => c.Name).ToList();

        return new DailySales(d, scopeLabel, locationId, LocalTime.ToLocal(now.UtcDateTime, tzId), tzId,
            shopRows, productRows, paymentRows, cashierRows);
    }

    /// <summary>
    /// Ids of the sales made at <paramref name="shops"/> on local day <paramref name="day"/>: one UTC range per time
    /// zone (usually one), combined with UNION ALL in a single SQL subquery.
    /// </summary>
    public static IQueryable<long> SaleIdsOfDay(AppDbContext db, IReadOnlyList<Location> shops, DateOnly day) =>
        IdsOfDay(shops, day, (locationIds, from, to) =>
            db.Sales.Where(s => locationIds.Contains(s.LocationId) && s.CreatedAtUtc >= from && s.CreatedAtUtc < to).Select(s => s.Id));

    /// <summary>Ids of the returns made at <paramref name="shops"/> on local day <paramref name="day"/>, as <see cref="SaleIdsOfDay"/>.</summary>
    public static IQueryable<long> ReturnIdsOfDay(AppDbContext db, IReadOnlyList<Location> shops, DateOnly day) =>
        IdsOfDay(shops, day, (locationIds, from, to) =>
            db.SaleReturns.Where(r => locationIds.Contains(r.LocationId) && r.CreatedAtUtc >= from && r.CreatedAtUtc < to).Select(r => r.Id));

    private static IQueryable<long> IdsOfDay(IReadOnlyList<Location> shops, DateOnly day, Func<List<int>, DateTime, DateTime, IQueryable<long>> inRange)
    {
        IQueryable<long>? ids = null;
        foreach (var zone in shops.GroupBy(s => s.TimeZoneId))
        {
            var (from, to) = LocalTime.UtcRange(day, zone.Key);
            var part = inRange(zone.Select(s => s.Id).ToList(), from, to);
            ids = ids is null ? part : ids.Concat(part);
        }
        return ids ?? inRange([], DateTime.UnixEpoch, DateTime.UnixEpoch);
    }
}
