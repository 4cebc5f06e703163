using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Warehouse.GoodsReceipts;
using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.WriteOffs;
using AlAroma.Web.Features.Warehouse.TransferRequests;
using AlAroma.Web.Features.Reports;
using AlAroma.Web.Features.Warehouse;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Home;

/// <summary>
/// The home dashboard for the role (SCREENS.md "Navigation by role"), over the user's locations. A manager (or
/// admin): today's sales by shop (the daily sales report's revenue: goods sold − goods returned, certificates sold
/// left out) with a chart, low stock, transfers in transit and open discrepancies, write-offs waiting for approval.
/// A storekeeper: documents to process — drafts, transfers coming to their locations, shop requests.
/// </summary>
public sealed class GetDashboard(AppDbContext db, LocationScope scope, GetDailySales dailySales)
{
    /// <summary>One warehouse document waiting for someone: a link, what it is and where.</summary>
    /// <param name="Href">Its page.</param>
    /// <param name="Kind">"Приход", "Перемещение"…</param>
    /// <param name="Where">Location(s) in words.</param>
    /// <param name="State">Status in words.</param>
    public sealed record DocumentRow(string Href, string Kind, string Number, string Where, string State);

    /// <summary>A product below its low-stock threshold at a location.</summary>
    public sealed record LowStockRow(string Location, string Product, int Quantity, int Min);

    /// <summary>The manager's half (null for a storekeeper).</summary>
    public sealed record SalesPart(DailySales Today, SalesChart Chart);

    /// <summary>Everything the home page shows; empty lists are shown as "nothing to do".</summary>
    /// <param name="ForManager">Sales figures and approvals (manager, admin) rather than documents to process (storekeeper).</param>
    /// <param name="InTransit">Transfers shipped and not yet received.</param>
    /// <param name="Discrepancies">Transfers received with a shortfall or surplus nobody has settled.</param>
    /// <param name="WriteOffsToApprove">Write-offs submitted for approval.</param>
    /// <param name="Drafts">Receipts, transfers, write-offs and requests not yet sent on.</param>
    /// <param name="Incoming">Transfers on their way to the user's locations.</param>
    /// <param name="Requests">Shop requests waiting for the user's warehouse.</param>
    public sealed record Model(bool ForManager, SalesPart? Sales, IReadOnlyList<DocumentRow> InTransit, IReadOnlyList<DocumentRow> Discrepancies,
        IReadOnlyList<DocumentRow> WriteOffsToApprove, IReadOnlyList<LowStockRow> LowStock,
        IReadOnlyList<DocumentRow> Drafts, IReadOnlyList<DocumentRow> Incoming, IReadOnlyList<DocumentRow> Requests);

    /// <summary>Rows per block: the lists behind the links hold the rest.</summary>
    public const int Rows = 20;

    /// <summary>The dashboard of the signed-in user; <paramref name="forManager"/> from their role.</summary>
    public async Task<Model> HandleAsync(bool forManager, CancellationToken ct)
    {
        var allowed = await scope.AllowedAsync(ct);
        var ids = allowed.Select(l => l.Id).ToList();
        var names = await db.Locations.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        string Route(int from, int to) => $"{names.GetValueOrDefault(from)} → {names.GetValueOrDefault(to)}";

        var transfers = db.Transfers.AsNoTracking().Where(t => ids.Contains(t.FromLocationId) || ids.Contains(t.ToLocationId));
        DocumentRow TransferRow(Transfer t, string state) => new($"/warehouse/transfers/{t.Id}", "Перемещение", t.Number, Route(t.FromLocationId, t.ToLocationId), state);

        if (!forManager)
        {
            var drafts = new List<DocumentRow>();
            drafts.AddRange((await db.GoodsReceipts.AsNoTracking().Where(r => r.Status == DocumentStatus.Draft && ids.Contains(r.LocationId)).OrderBy(r => r.Id).Take(Rows).ToListAsync(ct))
                .Select(r => new DocumentRow($"/warehouse/receipts/{r.Id}", "Приход", r.Number, names.GetValueOrDefault(r.LocationId) ?? "", "Черновик")));
            drafts.AddRange((await transfers.Where(t => t.Status == TransferStatus.Draft && ids.Contains(t.FromLocationId)).OrderBy(t => t.Id).Take(Rows).ToListAsync(ct))
                .Select(t => TransferRow(t, "Черновик")));
            drafts.AddRange((await db.WriteOffs.AsNoTracking().Where(w => w.Status == WriteOffStatus.Draft && ids.Contains(w.LocationId)).OrderBy(w => w.Id).Take(Rows).ToListAsync(ct))
                .Select(w => new DocumentRow($"/warehouse/writeoffs/{w.Id}", "Списание", w.Number, names.GetValueOrDefault(w.LocationId) ?? "", "Черновик")));
            var incoming = (await transfers.Where(t => t.Status == TransferStatus.Shipped && ids.Contains(t.ToLocationId)).OrderBy(t => t.ShippedAtUtc).Take(Rows).ToListAsync(ct))
                .Select(t => TransferRow(t, "В пути")).ToList();
            var requests = (await db.TransferRequests.AsNoTracking().Where(r => r.Status == TransferRequestStatus.Open && ids.Contains(r.SupplyingLocationId))
                    .OrderBy(r => r.SubmittedAtUtc).Take(Rows).ToListAsync(ct))
                .Select(r => new DocumentRow($"/warehouse/requests/{r.Id}", "Заявка", r.Number, Route(r.SupplyingLocationId, r.RequestingLocationId), "Ждёт отгрузки")).ToList();
            return new Model(false, null, [], [], [], [], drafts, incoming, requests);
        }

        var shops = allowed.Where(l => l.Kind == LocationKind.Shop).OrderBy(l => l.Code).ToList();
        var today = await dailySales.ForShopsAsync(shops, null, GetDailySales.AllShopsLabel, null, ct);
        var chart = await SalesChart.LoadAsync(db, shops.Select(s => s.Id).ToList(), today.Day, today.TimeZoneId, ct);

        var inTransit = (await transfers.Where(t => t.Status == TransferStatus.Shipped).OrderBy(t => t.ShippedAtUtc).Take(Rows).ToListAsync(ct))
            .Select(t => TransferRow(t, "В пути")).ToList();
        var discrepancies = (await transfers
                .Where(t => t.Status == TransferStatus.Received && t.Resolution == null && t.Lines.Any(l => l.ReceivedQuantity != null && l.ReceivedQuantity != l.Quantity))
                .OrderBy(t => t.ReceivedAtUtc).Take(Rows).ToListAsync(ct))
            .Select(t => TransferRow(t, "Расхождение не разобрано")).ToList();
        var writeOffs = (await db.WriteOffs.AsNoTracking().Where(w => w.Status == WriteOffStatus.Submitted && ids.Contains(w.LocationId)).OrderBy(w => w.SubmittedAtUtc).Take(Rows).ToListAsync(ct))
            .Select(w => new DocumentRow($"/warehouse/writeoffs/{w.Id}", "Списание", w.Number, names.GetValueOrDefault(w.LocationId) ?? "", WriteOff.ReasonLabel(w.Reason))).ToList();
        var low = await (from b in db.StockBalances
                         join p in db.Products on b.ProductId equals p.Id
                         where ids.Contains(b.LocationId) && b.MinQuantity != null && b.Quantity < b.MinQuantity
                         orderby b.Quantity
                         select new { b.LocationId, p.Name, b.Quantity, Min = b.MinQuantity!.Value }).Take(Rows).ToListAsync(ct);
        return new Model(true, new SalesPart(today, chart), inTransit, discrepancies, writeOffs,
            low.Select(l => new LowStockRow(names.GetValueOrDefault(l.LocationId) ?? "", l.Name, l.Quantity, l.Min)).ToList(), [], [], []);
    }
}
