using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>The shifts list (/pos/shifts): newest first unless sorted otherwise, 50 per page, of the shops the user sees; <see cref="Export"/> gives all of it.</summary>
public sealed class ListShifts(AppDbContext db, LocationScope scope)
{
    public const int PageSize = 50;

    /// <summary>Columns the list sorts by; last opened first unless asked.</summary>
    public static readonly SortColumns<Shift> Sorts = new SortColumns<Shift>("opened", defaultDescending: true)
        .Add("id", s => s.Id).Add("cashier", s => s.OpenedByName).Add("opened", s => s.OpenedAtUtc).Add("closed", s => s.ClosedAtUtc);

    public sealed record Row(long Id, string Shop, string TimeZoneId, string Register, string Cashier, DateTime OpenedAtUtc, DateTime? ClosedAtUtc,
        decimal OpeningFloat, int Receipts, decimal Revenue, decimal? Discrepancy);

    public sealed record Model(int? LocationId, IReadOnlyList<Location> Shops, IReadOnlyList<Row> Rows, int Page, int Pages, ListSort Sort);

    /// <summary>One page of the shifts at <paramref name="locationId"/> (null = all the user's shops) in <paramref name="sort"/>.</summary>
    public async Task<Model> HandleAsync(int? locationId, int page, CancellationToken ct, string? sort = null)
    {
        var (shops, q) = await FilteredAsync(locationId, ct);
        var count = await q.CountAsync(ct);
        page = Math.Max(1, page);
        var order = Sorts.Parse(sort);
        var rows = await RowsAsync(Sorts.Apply(q, order).ThenByDescending(s => s.Id).Skip((page - 1) * PageSize).Take(PageSize), shops, ct);
        return new Model(locationId, shops, rows, page, Math.Max(1, (count + PageSize - 1) / PageSize), order);
    }

    /// <summary>Every shift of the filter (at most <see cref="Infrastructure.Excel.ListWorkbook.MaxRows"/>), in the list's sort.</summary>
    public async Task<IReadOnlyList<Row>> Export(int? locationId, string? sort, CancellationToken ct)
    {
        var (shops, q) = await FilteredAsync(locationId, ct);
        return await RowsAsync(Sorts.Apply(q, Sorts.Parse(sort)).ThenByDescending(s => s.Id).Take(Infrastructure.Excel.ListWorkbook.MaxRows), shops, ct);
    }

    private async Task<(List<Location> Shops, IQueryable<Shift> Shifts)> FilteredAsync(int? locationId, CancellationToken ct)
    {
        var shops = (await scope.AllowedAsync(ct)).Where(l => l.Kind == LocationKind.Shop).ToList();
        var ids = shops.Select(s => s.Id).Where(i => locationId is null || i == locationId).ToList();
        return (shops, db.Shifts.AsNoTracking().Where(s => ids.Contains(s.LocationId)));
    }

    private async Task<List<Row>> RowsAsync(IQueryable<Shift> ordered, List<Location> shops, CancellationToken ct)
    {
        var rows = await ordered
            .Select(s => new
            {
                s.Id, s.LocationId, Register = s.Register!.Name, s.OpenedByName, s.OpenedAtUtc, s.ClosedAtUtc, s.OpeningFloat, s.CountedCash, s.ExpectedCash,
                Receipts = db.Sales.Count(x => x.ShiftId == s.Id),
                // The Z-report's revenue (ShiftFigures.Revenue): goods sold − goods returned, certificates sold left out.
                Revenue = (db.Sales.Where(x => x.ShiftId == s.Id).Sum(x => (decimal?)x.Total) ?? 0)
                    - (db.Sales.Where(x => x.ShiftId == s.Id).SelectMany(x => x.Lines).Where(l => l.IsGiftCertificate).Sum(l => (decimal?)l.Total) ?? 0)
                    - (db.SaleReturns.Where(r => r.ShiftId == s.Id).Sum(r => (decimal?)r.Total) ?? 0),
            }).ToListAsync(ct);
        var byId = shops.ToDictionary(s => s.Id);
        return rows.Select(r => new Row(r.Id, byId[r.LocationId].Name, byId[r.LocationId].TimeZoneId, r.Register, r.OpenedByName,
            r.OpenedAtUtc, r.ClosedAtUtc, r.OpeningFloat, r.Receipts, r.Revenue,
            r.CountedCash is { } c && r.ExpectedCash is { } e ? c - e : null)).ToList();
    }
}
