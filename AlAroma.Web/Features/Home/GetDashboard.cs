using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Warehouse.GoodsReceipts;
using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Home;

/// <summary>Dashboard figures for the user's locations: today's sales by shop, transfers in transit, drafts, low stock.</summary>
public sealed class GetDashboard(AppDbContext db, LocationScope scope, TimeProvider clock)
{
    public sealed record ShopSales(string Shop, int Receipts, decimal Revenue);
    public sealed record TransferRow(long Id, string Number, string From, string To, TransferStatus Status);
    public sealed record LowStockRow(string Location, string Product, int Quantity, int Min);
    public sealed record Model(IReadOnlyList<ShopSales> SalesToday, IReadOnlyList<TransferRow> Transfers, int DraftReceipts, IReadOnlyList<LowStockRow> LowStock);

    public async Task<Model> HandleAsync(CancellationToken ct)
    {
        var ids = (await scope.AllowedAsync(ct)).Select(l => l.Id).ToList();
        // "Today" is the business day of the viewer's current location (the chain default when they have none).
        var zone = (await scope.CurrentAsync(ct))?.TimeZoneId;
        var (fromUtc, toUtc) = LocalTime.UtcRange(LocalTime.Today(clock.GetUtcNow(), zone), zone);

        var sales = await db.Sales.Where(s => ids.Contains(s.LocationId) && s.CreatedAtUtc >= fromUtc && s.CreatedAtUtc < toUtc)
            .GroupBy(s => s.LocationId).Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(s => s.Total) }).ToListAsync(ct);
        var names = await db.Locations.Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var shopSales = sales.Select(s => new ShopSales(names[s.Key], s.Count, s.Sum)).OrderBy(s => s.Shop).ToList();

        var transfers = await db.Transfers.Where(t => (t.Status == TransferStatus.Shipped || t.Status == TransferStatus.Draft)
                && (ids.Contains(t.FromLocationId) || ids.Contains(t.ToLocationId)))
            .OrderByDescending(t => t.Id).Take(20).ToListAsync(ct);
        var allNames = await db.Locations.ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var transferRows = transfers.Select(t => new TransferRow(t.Id, t.Number, allNames[t.FromLocationId], allNames[t.ToLocationId], t.Status)).ToList();
        var drafts = await db.GoodsReceipts.CountAsync(r => r.Status == DocumentStatus.Draft && ids.Contains(r.LocationId), ct);

        var low = await (from b in db.StockBalances
                         join p in db.Products on b.ProductId equals p.Id
                         where ids.Contains(b.LocationId) && b.MinQuantity != null && b.Quantity < b.MinQuantity
                         orderby b.Quantity
                         select new { b.LocationId, p.Name, b.Quantity, Min = b.MinQuantity!.Value }).Take(20).ToListAsync(ct);
        return new Model(shopSales, transferRows, drafts, low.Select(l => new LowStockRow(allNames[l.LocationId], l.Name, l.Quantity, l.Min)).ToList());
    }
}
