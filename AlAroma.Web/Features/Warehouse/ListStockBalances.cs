using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using System.Linq.Expressions;
using AlAroma.Web.Features.Admin;
using AlAroma.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse;

/// <summary>
/// "Остатки" of one location: every active product (and any inactive one still in stock or in transit) with its
/// balance, units in transit to the location (shipped transfers), retail and cost value; filters, page, totals.
/// </summary>
public sealed class ListStockBalances(AppDbContext db, LocationScope scope)
{
    /// <summary>Filters from the query string.</summary>
    public sealed class Input
    {
        /// <summary>Location to show; default the current one from the header.</summary>
        public int? LocationId { get; set; }

        /// <summary>Part of the name, SKU or a barcode.</summary>
        public string? Q { get; set; }
        public string? Brand { get; set; }
        public string? Category { get; set; }

        /// <summary>Only products with stock or in transit (default on).</summary>
        public bool NonZero { get; set; } = true;
        public int Page { get; set; } = 1;
    }

    /// <summary>A row. Quantities in units, values in ₽ (quantity × retail price, quantity × average cost).</summary>
    public sealed record Row(int ProductId, string Sku, string Name, string? Barcode, string? Brand, string? Category, int Quantity, int InTransit,
        decimal RetailPrice, decimal AverageCost, int? MinQuantity = null)
    {
        public decimal RetailValue => Infrastructure.Money.Round(Quantity * RetailPrice);
        public decimal CostValue => Infrastructure.Money.Round(Quantity * AverageCost);
    }

    /// <summary>Totals of the whole filtered list (not only the page).</summary>
    public sealed record Totals(int Quantity, int InTransit, decimal RetailValue, decimal CostValue);

    /// <summary>The page; <see cref="Location"/> is null when the user has no location at all.</summary>
    public sealed record Model(Input Filter, Location? Location, IReadOnlyList<Location> Locations, IReadOnlyList<string> Brands,
        IReadOnlyList<string> Categories, IReadOnlyList<Row> Rows, Paging Paging, Totals Totals);

    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var allowed = await scope.AllowedAsync(ct);
        var location = await ResolveAsync(input, ct);
        var brands = await db.Products.Where(p => p.Brand != null && p.Brand != "").Select(p => p.Brand!).Distinct().OrderBy(b => b).ToListAsync(ct);
        var categories = await db.Products.Where(p => p.Category != null && p.Category != "").Select(p => p.Category!).Distinct().OrderBy(c => c).ToListAsync(ct);
        if (location is null)
            return new Model(input, null, allowed, brands, categories, [], Paging.For(1, 0), new Totals(0, 0, 0, 0));

        var q = Query(location.Id, input);
        var paging = Paging.For(input.Page, await q.CountAsync(ct));
        input.Page = paging.Number;
        var rows = await q.OrderBy(x => x.P.Name).ThenBy(x => x.P.Id).Skip(paging.Skip).Take(paging.Size).Select(ToRow).ToListAsync(ct);
        var t = await q.GroupBy(_ => 1).Select(g => new
        {
            Qty = g.Sum(x => x.Qty), Transit = g.Sum(x => x.Transit),
            Retail = g.Sum(x => x.Qty * x.P.RetailPrice), Cost = g.Sum(x => x.Qty * x.P.AverageCost),
        }).FirstOrDefaultAsync(ct);
        var totals = t is null ? new Totals(0, 0, 0, 0) : new Totals(t.Qty, t.Transit, Infrastructure.Money.Round(t.Retail), Infrastructure.Money.Round(t.Cost));
        return new Model(input, location, allowed, brands, categories, rows, paging, totals);
    }

    /// <summary>Every row of the filtered list, ordered by name (for the Excel export), and the location; null when none is allowed.</summary>
    public async Task<(Location Location, List<Row> Rows)?> AllAsync(Input input, CancellationToken ct)
    {
        var location = await ResolveAsync(input, ct);
        if (location is null) return null;
        return (location, await Query(location.Id, input).OrderBy(x => x.P.Name).ThenBy(x => x.P.Id).Select(ToRow).ToListAsync(ct));
    }

    /// <summary>The asked location when the user may see it, else the current one from the header.</summary>
    private async Task<Location?> ResolveAsync(Input input, CancellationToken ct)
    {
        var allowed = await scope.AllowedAsync(ct);
        var location = allowed.FirstOrDefault(l => l.Id == input.LocationId) ?? await scope.CurrentAsync(ct);
        input.LocationId = location?.Id;
        return location;
    }

    /// <summary>A product with its balance at the location and units in transit to it (before projection, so EF can sort and sum).</summary>
    private sealed class Item
    {
        public required Product P { get; init; }
        public int Qty { get; init; }
        public int Transit { get; init; }
        public int? Min { get; init; }
    }

    private static readonly Expression<Func<Item, Row>> ToRow = x => new Row(x.P.Id, x.P.Sku, x.P.Name,
        x.P.Barcodes.Where(c => !c.IsTester).OrderBy(c => c.Id).Select(c => c.Code).FirstOrDefault(),
        x.P.Brand, x.P.Category, x.Qty, x.Transit, x.P.RetailPrice, x.P.AverageCost, x.Min);

    private IQueryable<Item> Query(int locationId, Input input)
    {
        var transit = from t in db.Transfers
                      where t.Status == TransferStatus.Shipped && t.ToLocationId == locationId
                      from l in t.Lines
                      group l by l.ProductId into g
                      select new { ProductId = g.Key, Qty = g.Sum(x => x.Quantity) };
        var q = from p in db.Products
                join b in db.StockBalances.Where(b => b.LocationId == locationId) on p.Id equals b.ProductId into bs
                from b in bs.DefaultIfEmpty()
                join tr in transit on p.Id equals tr.ProductId into ts
                from tr in ts.DefaultIfEmpty()
                select new Item { P = p, Qty = (int?)b.Quantity ?? 0, Transit = (int?)tr.Qty ?? 0, Min = b.MinQuantity };
        q = input.NonZero ? q.Where(x => x.Qty != 0 || x.Transit != 0) : q.Where(x => x.P.IsActive || x.Qty != 0 || x.Transit != 0);
        if (!string.IsNullOrWhiteSpace(input.Brand)) q = q.Where(x => x.P.Brand == input.Brand);
        if (!string.IsNullOrWhiteSpace(input.Category)) q = q.Where(x => x.P.Category == input.Category);
        if (!string.IsNullOrWhiteSpace(input.Q))
        {
            var pattern = WarehouseAccess.ContainsPattern(input.Q);
            q = q.Where(x => EF.Functions.ILike(x.P.Name, pattern) || EF.Functions.ILike(x.P.Sku, pattern)
                             || x.P.Barcodes.Any(c => EF.Functions.ILike(c.Code, pattern)));
        }
        return q;
    }
}
