using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>Filters of the receipts list (/pos/sales). Dates are local days of the chosen shop (the chain default zone for all shops), inclusive.</summary>
public sealed record SalesFilter(DateOnly? From = null, DateOnly? To = null, int? LocationId = null, string? Q = null, long? ShiftId = null, int Page = 1);

/// <summary>The receipts list: newest first, 50 per page, totals over the whole filter.</summary>
public sealed class ListSales(AppDbContext db, LocationScope scope)
{
    public const int PageSize = 50;

    /// <param name="Returned">Refunded by returns of this receipt so far, ₽ (0 when nothing came back).</param>
    public sealed record Row(long Id, string Number, DateTime CreatedAtUtc, string Shop, string TimeZoneId, string Cashier, int Units, decimal Total, string Methods,
        decimal Returned = 0);

    public sealed record Model(SalesFilter Filter, IReadOnlyList<Location> Shops, IReadOnlyList<Row> Rows, int Count, decimal Sum, int Pages);

    public async Task<Model> HandleAsync(SalesFilter f, CancellationToken ct)
    {
        var shops = (await scope.AllowedAsync(ct)).Where(l => l.Kind == LocationKind.Shop).ToList();
        var ids = shops.Select(s => s.Id).ToList();
        if (f.LocationId is { } only) ids = ids.Where(i => i == only).ToList();
        var q = db.Sales.AsNoTracking().Where(s => ids.Contains(s.LocationId));
        // Days of the chosen shop; of the chain default zone when the list spans several shops.
        var zone = shops.FirstOrDefault(l => l.Id == f.LocationId)?.TimeZoneId;
        var (fromUtc, toUtc) = LocalTime.Period(f.From, f.To, zone);
        if (fromUtc is { } start) q = q.Where(s => s.CreatedAtUtc >= start);
        if (toUtc is { } end) q = q.Where(s => s.CreatedAtUtc < end);
        if (!string.IsNullOrWhiteSpace(f.Q)) { var n = f.Q.Trim(); q = q.Where(s => s.Number.Contains(n)); }
        if (f.ShiftId is { } shiftId) q = q.Where(s => s.ShiftId == shiftId);

        var count = await q.CountAsync(ct);
        var sum = await q.SumAsync(s => (decimal?)s.Total, ct) ?? 0;
        var page = Math.Max(1, f.Page);
        var rows = await q.OrderByDescending(s => s.CreatedAtUtc).ThenByDescending(s => s.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(s => new { s.Id, s.Number, s.CreatedAtUtc, s.LocationId, s.CashierName, Units = s.Lines.Sum(l => l.Quantity), s.Total, Methods = s.Payments.Select(p => p.Method).ToList(),
                Returned = db.SaleReturns.Where(r => r.SaleId == s.Id).Sum(r => (decimal?)r.Total) ?? 0 })
            .ToListAsync(ct);
        var byId = shops.ToDictionary(s => s.Id);
        return new Model(f with { Page = page }, shops,
            rows.Select(r => new Row(r.Id, r.Number, r.CreatedAtUtc, byId[r.LocationId].Name, byId[r.LocationId].TimeZoneId, r.CashierName, r.Units, r.Total,
                string.Join(" + ", r.Methods.Distinct().Order().Select(Sale.MethodLabel)), r.Returned)).ToList(),
            count, sum, Math.Max(1, (count + PageSize - 1) / PageSize));
    }
}
