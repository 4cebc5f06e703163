using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Warehouse.Transfers;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.LowStock;

/// <summary>
/// "К заказу": products below their threshold at the user's locations, with the suggested order
/// (threshold × 2 − on hand − in transit, see <see cref="LowStockRule.SuggestedOrder"/>).
/// </summary>
public sealed class ListReorder(AppDbContext db, LocationScope scope)
{
    /// <summary>Filters from the query string.</summary>
    public sealed class Input
    {
        /// <summary>One location; empty = every allowed location.</summary>
        public int? LocationId { get; set; }
    }

    /// <summary>A product to order at a location; quantities in units.</summary>
    public sealed record Row(int LocationId, string Location, string LocationCode, int ProductId, string Sku, string Name, string? Brand,
        int Quantity, int MinQuantity, int InTransit)
    {
        /// <summary>Units to order.</summary>
        public int Suggested => LowStockRule.SuggestedOrder(MinQuantity, Quantity, InTransit);
    }

    /// <summary>The page.</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Location> Locations, IReadOnlyList<Row> Rows);

    /// <summary>Every row below threshold, by location then product name.</summary>
    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var allowed = await scope.AllowedAsync(ct);
        var ids = allowed.Where(l => input.LocationId is null || l.Id == input.LocationId).Select(l => l.Id).ToList();
        if (input.LocationId is not null && ids.Count == 0) input.LocationId = null;
        var rows = await BelowMinimum(db, ids).ToListAsync(ct);
        return new Model(input, allowed, rows);
    }

    /// <summary>
    /// The one "below minimum" query: balances at <paramref name="locationIds"/> under their threshold
    /// (<see cref="Stocks.StockBalance.MinQuantity"/>), with what is in transit to them, by location code then product
    /// name. Used by this page, its export and the morning low-stock e-mail (<see cref="EmailLowStockDigest"/>).
    /// </summary>
    public static IQueryable<Row> BelowMinimum(AppDbContext db, List<int> locationIds)
    {
        var transit = from t in db.Transfers
                      where t.Status == TransferStatus.Shipped
                      from l in t.Lines
                      group l by new { t.ToLocationId, l.ProductId } into g
                      select new { g.Key.ToLocationId, g.Key.ProductId, Qty = g.Sum(x => x.Quantity) };
        return from b in db.StockBalances
               where locationIds.Contains(b.LocationId) && b.MinQuantity != null && b.Quantity < b.MinQuantity
               join p in db.Products on b.ProductId equals p.Id
               join l in db.Locations on b.LocationId equals l.Id
               join tr in transit on new { L = b.LocationId, P = b.ProductId } equals new { L = tr.ToLocationId, P = tr.ProductId } into ts
               from tr in ts.DefaultIfEmpty()
               orderby l.Code, p.Name, p.Id
               select new Row(l.Id, l.Name, l.Code, p.Id, p.Sku, p.Name, p.Brand, b.Quantity, b.MinQuantity!.Value, (int?)tr.Qty ?? 0);
    }
}
