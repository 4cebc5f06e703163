using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Reports;

/// <summary>
/// Stock of one product at one location: units on hand, valued at the moving-average cost and at the current
/// retail price (₽, rounded to kopecks).
/// </summary>
public sealed record StockBalanceRow(string LocationCode, string LocationName, string Sku, string Name, string? Brand, int Quantity,
    decimal UnitCost, decimal CostValue, decimal RetailPrice, decimal RetailValue);

/// <summary>Totals of one location in the stock balances report (₽).</summary>
public sealed record StockLocationRow(string LocationCode, string LocationName, int Products, int Quantity, decimal CostValue, decimal RetailValue);

/// <summary>The stock balances report now, over one location or all the user's locations.</summary>
/// <param name="ScopeLabel">"все точки" or the location's name.</param>
/// <param name="GeneratedAtLocal">When it was made, local time of <paramref name="TimeZoneId"/>.</param>
public sealed record StockBalances(string ScopeLabel, int? LocationId, string? LocationCode, DateTime GeneratedAtLocal, string TimeZoneId,
    IReadOnlyList<StockBalanceRow> Rows)
{
    /// <summary>Units on hand over all rows.</summary>
    public int Quantity => Rows.Sum(r => r.Quantity);

    /// <summary>Stock at cost, ₽.</summary>
    public decimal CostValue => Rows.Sum(r => r.CostValue);

    /// <summary>Stock at retail prices, ₽.</summary>
    public decimal RetailValue => Rows.Sum(r => r.RetailValue);

    /// <summary>One totals row per location, in the order of <see cref="Rows"/>.</summary>
    public IReadOnlyList<StockLocationRow> ByLocation => Rows.GroupBy(r => (r.LocationCode, r.LocationName))
        .Select(g => new StockLocationRow(g.Key.LocationCode, g.Key.LocationName, g.Count(), g.Sum(r => r.Quantity), g.Sum(r => r.CostValue), g.Sum(r => r.RetailValue)))
        .ToList();
}

/// <summary>Which location's stock to report (null = every location the user may see).</summary>
public sealed record StockBalancesQuery(int? LocationId);

/// <summary>
/// Builds <see cref="StockBalances"/>: one row per (location, product) with stock other than zero, warehouse first,
/// then shops by code, products by name.
/// </summary>
public sealed class GetStockBalances(AppDbContext db, LocationScope scope, TimeProvider clock)
{
    /// <summary>Label of the report over every location.</summary>
    public const string AllLocationsLabel = "все точки";

    /// <summary>The report for the signed-in user.</summary>
    /// <exception cref="BusinessRuleException">The location is not one of the user's.</exception>
    public async Task<StockBalances> HandleAsync(StockBalancesQuery query, CancellationToken ct)
    {
        var locations = await scope.AllowedAsync(ct);
        if (query.LocationId is { } id)
        {
            var one = locations.FirstOrDefault(l => l.Id == id)
                ?? throw new BusinessRuleException("Эта точка вам недоступна. Выберите точку из списка.");
            locations = [one];
        }
        return await ForLocationsAsync(locations, query.LocationId is null ? AllLocationsLabel : locations[0].Name, query.LocationId, ct);
    }

    /// <summary>The report over <paramref name="locations"/> regardless of who asks (page and scheduled jobs).</summary>
    public async Task<StockBalances> ForLocationsAsync(IReadOnlyList<Location> locations, string scopeLabel, int? locationId, CancellationToken ct)
    {
        var ids = locations.Select(l => l.Id).ToList();
        var rows = await (from b in db.StockBalances.AsNoTracking()
                          join p in db.Products.AsNoTracking() on b.ProductId equals p.Id
                          where ids.Contains(b.LocationId) && b.Quantity != 0
                          select new { b.LocationId, p.Sku, p.Name, p.Brand, b.Quantity, p.AverageCost, p.RetailPrice })
            .ToListAsync(ct);
        var byId = locations.ToDictionary(l => l.Id);
        var result = rows
            .Select(r => (Location: byId[r.LocationId], Row: r))
            .OrderBy(x => x.Location.Kind).ThenBy(x => x.Location.Code).ThenBy(x => x.Row.Name).ThenBy(x => x.Row.Sku)
            .Select(x => new StockBalanceRow(x.Location.Code, x.Location.Name, x.Row.Sku, x.Row.Name, x.Row.Brand, x.Row.Quantity,
                x.Row.AverageCost, Money.Round(x.Row.Quantity * x.Row.AverageCost), x.Row.RetailPrice, Money.Round(x.Row.Quantity * x.Row.RetailPrice)))
            .ToList();
        var tzId = locations.Count == 1 ? locations[0].TimeZoneId : LocalTime.DefaultZone;
        return new StockBalances(scopeLabel, locationId, locationId is null ? null : locations[0].Code,
            LocalTime.ToLocal(clock.GetUtcNow().UtcDateTime, tzId), tzId, result);
    }
}
