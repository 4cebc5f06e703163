using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Features.Warehouse.Transfers;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Stocks;

/// <summary>
/// "Остатки": products with their balance at one location or at all the user's locations (a column per location),
/// units in transit to them (shipped transfers), retail and cost value. Ordered by (name, id) with keyset paging:
/// "Показать ещё" continues after the last product shown, so any depth walks the products' (name, id) index and
/// probes the balances by primary key; nothing counts or skips the whole list. Totals of the whole filtered list come
/// from <see cref="TotalsAsync"/>, a separate request the page loads after it is shown.
/// </summary>
public sealed class ListStockBalances(AppDbContext db, LocationScope scope)
{
    /// <summary><see cref="Input.LocationId"/> value meaning "all my locations".</summary>
    public const int AllLocations = 0;

    /// <summary>Rows per page ("Показать ещё" adds as many).</summary>
    public const int PageSize = 50;

    /// <summary>Filters from the query string.</summary>
    public sealed class Input
    {
        /// <summary>Location to show; <see cref="AllLocations"/> = every location the user may see; empty = the current one from the header.</summary>
        public int? LocationId { get; set; }

        /// <summary>Words of the name, brand or SKU, or a scanned barcode (<see cref="ProductSearch"/>).</summary>
        public string? Q { get; set; }
        public string? Brand { get; set; }
        public string? Category { get; set; }

        /// <summary>Only products with stock or in transit (default on).</summary>
        public bool NonZero { get; set; } = true;

        /// <summary>Keyset cursor: the id of the last product already shown; the rows after it in (name, id) order follow.</summary>
        public int? After { get; set; }
    }

    /// <summary>A row. Quantities in units, values in ₽ (quantity × retail price, quantity × average cost).</summary>
    /// <param name="ByLocation">Units per location id when the list shows several locations; null for one.</param>
    public sealed record Row(int ProductId, string Sku, string Name, string? Barcode, string? Brand, string? Category, int Quantity, int InTransit,
        decimal RetailPrice, decimal AverageCost, int? MinQuantity = null, IReadOnlyDictionary<int, int>? ByLocation = null)
    {
        public decimal RetailValue => Infrastructure.Money.Round(Quantity * RetailPrice);
        public decimal CostValue => Infrastructure.Money.Round(Quantity * AverageCost);

        /// <summary>Units at <paramref name="locationId"/> (0 when none).</summary>
        public int At(int locationId) => ByLocation?.GetValueOrDefault(locationId) ?? Quantity;
    }

    /// <summary>Totals of the whole filtered list: products listed, units, units in transit, ₽ at retail and at cost.</summary>
    /// <param name="QuantityByLocation">Units per shown location, in the order of <see cref="Model.Shown"/>; null when one location is shown.</param>
    public sealed record Totals(int Products, int Quantity, int InTransit, decimal RetailValue, decimal CostValue, IReadOnlyList<int>? QuantityByLocation);

    /// <summary>The page.</summary>
    /// <param name="Allowed">Locations the user may choose.</param>
    /// <param name="Shown">Locations in the list: one, all allowed ("Все точки"), or none when the user has no location.</param>
    /// <param name="NextAfter">Cursor of the next rows; null when this is the end of the list.</param>
    public sealed record Model(Input Filter, IReadOnlyList<Location> Allowed, IReadOnlyList<Location> Shown, IReadOnlyList<string> Brands,
        IReadOnlyList<string> Categories, IReadOnlyList<Row> Rows, int? NextAfter)
    {
        /// <summary>The one location shown, or null for "Все точки" and for a user without locations.</summary>
        public Location? Location => Filter.LocationId == AllLocations || Shown.Count != 1 ? null : Shown[0];

        /// <summary>True when the list shows every allowed location with a column each.</summary>
        public bool IsAllLocations => Filter.LocationId == AllLocations && Shown.Count > 0;

        /// <summary>Columns of the table: SKU, name, barcode, brand, then a column per location + total (all locations) or balance and threshold (one), in transit, the two values.</summary>
        public int ColumnCount => IsAllLocations ? 8 + Shown.Count : 9;
    }

    /// <summary>The first <see cref="PageSize"/> rows after <see cref="Input.After"/>.</summary>
    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var allowed = await scope.AllowedAsync(ct);
        var shown = await ResolveAsync(input, allowed, ct);
        var brands = await CatalogFacets.BrandsAsync(db, ct);
        var categories = await CatalogFacets.CategoriesAsync(db, ct);
        if (shown.Count == 0) return new Model(input, allowed, shown, brands, categories, [], null);
        var (rows, next) = await PageAsync(await PlanAsync(input, shown, ct), input.After, PageSize, ct);
        return new Model(input, allowed, shown, brands, categories, rows, next);
    }

    /// <summary>Every row of the filtered list in (name, id) order (for the Excel export), read in keyset pages; null when no location is allowed.</summary>
    public async Task<(IReadOnlyList<Location> Shown, List<Row> Rows)?> AllAsync(Input input, CancellationToken ct)
    {
        var shown = await ResolveAsync(input, await scope.AllowedAsync(ct), ct);
        if (shown.Count == 0) return null;
        var plan = await PlanAsync(input, shown, ct);
        var all = new List<Row>();
        int? after = null;
        do
        {
            (var rows, after) = await PageAsync(plan, after, 5_000, ct);
            all.AddRange(rows);
        } while (after is not null);
        return (shown, all);
    }

    /// <summary>
    /// Totals of the whole filtered list: an aggregate per location over the balances of the shown locations joined to
    /// the filtered products (a scan of the location's balances — the reason it is a request of its own).
    /// </summary>
    public async Task<Totals?> TotalsAsync(Input input, CancellationToken ct)
    {
        var shown = await ResolveAsync(input, await scope.AllowedAsync(ct), ct);
        if (shown.Count == 0) return null;
        var ids = shown.Select(l => l.Id).ToList();
        var products = await FilteredAsync(input, db.Products.AsNoTracking(), ct);
        var transit = await InTransitAsync(ids, products, ct);
        var stocked = from b in db.StockBalances
                      where ids.Contains(b.LocationId) && b.Quantity != 0
                      join p in products on b.ProductId equals p.Id
                      select new { b.LocationId, b.ProductId, b.Quantity, p.RetailPrice, p.AverageCost };
        var perLocation = await stocked.GroupBy(x => x.LocationId).Select(g => new
        {
            LocationId = g.Key, Products = g.Count(), Quantity = g.Sum(x => x.Quantity),
            Retail = g.Sum(x => x.Quantity * x.RetailPrice), Cost = g.Sum(x => x.Quantity * x.AverageCost),
        }).ToListAsync(ct);
        var withStock = ids.Count == 1 ? perLocation.Sum(x => x.Products) : await stocked.Select(x => x.ProductId).Distinct().CountAsync(ct);
        var transitIds = transit.Keys.Select(k => k.ProductId).Distinct().ToList();
        var transitOnly = transitIds.Count == 0 ? 0
            : await products.CountAsync(p => transitIds.Contains(p.Id)
                && !db.StockBalances.Any(b => b.ProductId == p.Id && ids.Contains(b.LocationId) && b.Quantity != 0), ct);
        var count = input.NonZero ? withStock + transitOnly : await Listed(products, ids, transitIds, nonZero: false).CountAsync(ct);
        return new Totals(count, perLocation.Sum(x => x.Quantity), transit.Values.Sum(),
            Infrastructure.Money.Round(perLocation.Sum(x => x.Retail)), Infrastructure.Money.Round(perLocation.Sum(x => x.Cost)),
            ids.Count == 1 ? null : ids.Select(id => perLocation.FirstOrDefault(x => x.LocationId == id)?.Quantity ?? 0).ToList());
    }

    /// <summary>The asked location (or all allowed ones for <see cref="AllLocations"/>) when the user may see it, else the current one.</summary>
    private async Task<IReadOnlyList<Location>> ResolveAsync(Input input, List<Location> allowed, CancellationToken ct)
    {
        if (input.LocationId == AllLocations && allowed.Count > 1) return allowed;
        var location = allowed.FirstOrDefault(l => l.Id == input.LocationId) ?? await scope.CurrentAsync(ct);
        input.LocationId = location?.Id;
        return location is null ? [] : [location];
    }

    /// <summary>What to list: the filtered products of the shown locations and the units in transit to them.</summary>
    private sealed record Plan(IReadOnlyList<Location> Shown, IQueryable<Product> Listed, Dictionary<(int LocationId, int ProductId), int> Transit);

    private async Task<Plan> PlanAsync(Input input, IReadOnlyList<Location> shown, CancellationToken ct)
    {
        var ids = shown.Select(l => l.Id).ToList();
        // Every shipment on its way (a handful): the product filters below decide which of them are listed.
        var transit = await InTransitAsync(ids, null, ct);
        var transitIds = transit.Keys.Select(k => k.ProductId).Distinct().ToList();
        // A shop that carries a small part of the catalog: its products by id (a few thousand rows sorted) instead of
        // walking every product name looking for the ones it has.
        var listed = input.NonZero && await FewStockedAsync(ids, ct) is { } stocked
            ? await FilteredAsync(input, ProductSearch.WithIds(db, stocked.Union(transitIds).ToList()), ct)
            : Listed(await FilteredAsync(input, db.Products.AsNoTracking(), ct), ids, transitIds, input.NonZero);
        return new Plan(shown, listed, transit);
    }

    /// <summary>Up to <paramref name="size"/> rows of the plan after the product <paramref name="after"/>, and the cursor of the rows after them.</summary>
    private async Task<(List<Row> Rows, int? Next)> PageAsync(Plan plan, int? after, int size, CancellationToken ct)
    {
        var (shown, listed, transit) = plan;
        var ids = shown.Select(l => l.Id).ToList();
        if (after is { } a && await db.Products.Where(p => p.Id == a).Select(p => p.Name).FirstOrDefaultAsync(ct) is { } name)
            listed = listed.Where(p => EF.Functions.GreaterThan(ValueTuple.Create(p.Name, p.Id), ValueTuple.Create(name, a)));

        var page = await listed.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(size + 1)
            .Select(p => new
            {
                p.Id, p.Sku, p.Name, p.Brand, p.Category, p.RetailPrice, p.AverageCost,
                Barcode = p.Barcodes.Where(c => !c.IsTester).OrderBy(c => c.Id).Select(c => c.Code).FirstOrDefault(),
            }).ToListAsync(ct);
        int? next = page.Count > size ? page[size - 1].Id : null;
        if (page.Count > size) page.RemoveAt(size);

        var pageIds = page.Select(p => p.Id).ToList();
        var balances = await db.StockBalances.AsNoTracking()
            .Where(b => ids.Contains(b.LocationId) && pageIds.Contains(b.ProductId))
            .Select(b => new { b.LocationId, b.ProductId, b.Quantity, b.MinQuantity })
            .ToListAsync(ct);
        var byProduct = balances.ToLookup(b => b.ProductId);
        var single = shown.Count == 1;
        var rows = page.Select(p =>
        {
            var mine = byProduct[p.Id].ToList();
            return new Row(p.Id, p.Sku, p.Name, p.Barcode, p.Brand, p.Category, mine.Sum(b => b.Quantity),
                ids.Sum(l => transit.GetValueOrDefault((l, p.Id))), p.RetailPrice, p.AverageCost,
                single ? mine.FirstOrDefault()?.MinQuantity : null,
                single ? null : mine.ToDictionary(b => b.LocationId, b => b.Quantity));
        }).ToList();
        return (rows, next);
    }

    /// <summary>A location with at most this many products in stock is listed from its balances.</summary>
    public const int FewStocked = 5_000;

    /// <summary>Ids of the products in stock at the locations when there are at most <see cref="FewStocked"/> balance rows, else null.</summary>
    private async Task<List<int>?> FewStockedAsync(List<int> locationIds, CancellationToken ct)
    {
        var rows = await db.StockBalances.Where(b => locationIds.Contains(b.LocationId) && b.Quantity != 0)
            .OrderBy(b => b.LocationId).ThenBy(b => b.ProductId).Select(b => b.ProductId).Take(FewStocked + 1).ToListAsync(ct);
        return rows.Count > FewStocked ? null : rows.Distinct().ToList();
    }

    /// <summary>Products of the brand, category and search filters.</summary>
    private async Task<IQueryable<Product>> FilteredAsync(Input input, IQueryable<Product> q, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(input.Brand)) q = q.Where(p => p.Brand == input.Brand);
        if (!string.IsNullOrWhiteSpace(input.Category)) q = q.Where(p => p.Category == input.Category);
        return await q.MatchingAsync(db, input.Q, ct);
    }

    /// <summary>
    /// The listed products: with stock at one of <paramref name="locationIds"/> or in transit to it; without
    /// <paramref name="nonZero"/> also every active product. The in-transit ids (a handful of shipped transfers) are a
    /// constant list, so with none in transit the condition is a plain semi-join the planner can drive either way.
    /// </summary>
    private IQueryable<Product> Listed(IQueryable<Product> products, List<int> locationIds, List<int> inTransit, bool nonZero)
    {
        var balances = db.StockBalances.Where(b => locationIds.Contains(b.LocationId) && b.Quantity != 0);
        return (nonZero, inTransit.Count > 0) switch
        {
            (true, false) => products.Where(p => balances.Any(b => b.ProductId == p.Id)),
            (true, true) => products.Where(p => balances.Any(b => b.ProductId == p.Id) || inTransit.Contains(p.Id)),
            (false, false) => products.Where(p => p.IsActive || balances.Any(b => b.ProductId == p.Id)),
            (false, true) => products.Where(p => p.IsActive || balances.Any(b => b.ProductId == p.Id) || inTransit.Contains(p.Id)),
        };
    }

    /// <summary>Units in shipped (not yet received) transfers to the locations, per (destination, product), only of <paramref name="products"/> when given.</summary>
    private async Task<Dictionary<(int LocationId, int ProductId), int>> InTransitAsync(List<int> locationIds, IQueryable<Product>? products, CancellationToken ct)
    {
        var lines = from t in db.Transfers
                    where t.Status == TransferStatus.Shipped && locationIds.Contains(t.ToLocationId)
                    from l in t.Lines
                    select new { t.ToLocationId, l.ProductId, l.Quantity };
        if (products is not null) lines = lines.Where(l => products.Any(p => p.Id == l.ProductId));
        var rows = await (from l in lines
                          group l by new { l.ToLocationId, l.ProductId } into g
                          select new { g.Key.ToLocationId, g.Key.ProductId, Quantity = g.Sum(x => x.Quantity) }).ToListAsync(ct);
        return rows.ToDictionary(r => (r.ToLocationId, r.ProductId), r => r.Quantity);
    }
}
