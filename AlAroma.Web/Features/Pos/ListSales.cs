using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>Filters of the receipts list (/pos/sales). Dates are local days of the chosen shop (the chain default zone for all shops), inclusive.</summary>
/// <param name="Sort">Column key of <see cref="ListSales.Sorts"/>, "-" in front for descending.</param>
public sealed record SalesFilter(DateOnly? From = null, DateOnly? To = null, int? LocationId = null, string? Q = null, long? ShiftId = null, int Page = 1,
    string? Sort = null);

/// <summary>The receipts list: newest first unless sorted otherwise, 50 per page, totals over the whole filter; <see cref="Export"/> gives all of it.</summary>
public sealed class ListSales(AppDbContext db, LocationScope scope)
{
    public const int PageSize = 50;

    /// <summary>Columns the list sorts by; newest first unless asked.</summary>
    public static readonly SortColumns<Sale> Sorts = new SortColumns<Sale>("date", defaultDescending: true)
        .Add("number", s => s.Number).Add("date", s => s.CreatedAtUtc).Add("cashier", s => s.CashierName).Add("total", s => s.Total);

    /// <param name="Returned">Refunded by returns of this receipt so far, ₽ (0 when nothing came back).</param>
    public sealed record Row(long Id, string Number, DateTime CreatedAtUtc, string Shop, string TimeZoneId, string Cashier, int Units, decimal Total, string Methods,
        decimal Returned = 0);

    public sealed record Model(SalesFilter Filter, IReadOnlyList<Location> Shops, IReadOnlyList<Row> Rows, int Count, decimal Sum, int Pages, ListSort Sort);

    /// <summary>One page of the filtered, sorted receipts with the count and sum of all of them.</summary>
    public async Task<Model> HandleAsync(SalesFilter f, CancellationToken ct)
    {
        var (shops, q) = await FilteredAsync(f, ct);
        var count = await q.CountAsync(ct);
        var sum = await q.SumAsync(s => (decimal?)s.Total, ct) ?? 0;
        var page = Math.Max(1, f.Page);
        var sort = Sorts.Parse(f.Sort);
        var rows = await RowsAsync(Sorts.Apply(q, sort).ThenByDescending(s => s.Id).Skip((page - 1) * PageSize).Take(PageSize), shops, ct);
        return new Model(f with { Page = page }, shops, rows, count, sum, Math.Max(1, (count + PageSize - 1) / PageSize), sort);
    }

    /// <summary>Every receipt the filter finds (at most <see cref="Infrastructure.Excel.ListWorkbook.MaxRows"/>), in the list's sort.</summary>
    public async Task<IReadOnlyList<Row>> Export(SalesFilter f, CancellationToken ct)
    {
        var (shops, q) = await FilteredAsync(f, ct);
        return await RowsAsync(Sorts.Apply(q, Sorts.Parse(f.Sort)).ThenByDescending(s => s.Id).Take(Infrastructure.Excel.ListWorkbook.MaxRows), shops, ct);
    }

    private async Task<(List<Location> Shops, IQueryable<Sale> Sales)> FilteredAsync(SalesFilter f, CancellationToken ct)
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
        return (shops, q);
    }

    private async Task<List<Row>> RowsAsync(IQueryable<Sale> ordered, List<Location> shops, CancellationToken ct)
    {
        var rows = await ordered
            .Select(s => new { s.Id, s.Number, s.CreatedAtUtc, s.LocationId, s.CashierName, Units = s.Lines.Sum(l => l.Quantity), s.Total, Methods = s.Payments.Select(p => p.Method).ToList(),
                Returned = db.SaleReturns.Where(r => r.SaleId == s.Id).Sum(r => (decimal?)r.Total) ?? 0 })
            .ToListAsync(ct);
        var byId = shops.ToDictionary(s => s.Id);
        return rows.Select(r => new Row(r.Id, r.Number, r.CreatedAtUtc, byId[r.LocationId].Name, byId[r.LocationId].TimeZoneId, r.CashierName, r.Units, r.Total,
            string.Join(" + ", r.Methods.Distinct().Order().Select(Sale.MethodLabel)), r.Returned)).ToList();
    }
}
