using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>The shifts list (/pos/shifts): newest first, 50 per page, of the shops the user sees.</summary>
public sealed class ListShifts(AppDbContext db, LocationScope scope)
{
    public const int PageSize = 50;

    public sealed record Row(long Id, string Shop, string TimeZoneId, string Register, string Cashier, DateTime OpenedAtUtc, DateTime? ClosedAtUtc,
        decimal OpeningFloat, int Receipts, decimal Revenue, decimal? Discrepancy);

    public sealed record Model(int? LocationId, IReadOnlyList<Location> Shops, IReadOnlyList<Row> Rows, int Page, int Pages);

    public async Task<Model> HandleAsync(int? locationId, int page, CancellationToken ct)
    {
        var shops = (await scope.AllowedAsync(ct)).Where(l => l.Kind == LocationKind.Shop).ToList();
        var ids = shops.Select(s => s.Id).Where(i => locationId is null || i == locationId).ToList();
        var q = db.Shifts.AsNoTracking().Where(s => ids.Contains(s.LocationId));
        var count = await q.CountAsync(ct);
        page = Math.Max(1, page);
        var rows = await q.OrderByDescending(s => s.OpenedAtUtc).Skip((page - 1) * PageSize).Take(PageSize)
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
        return new Model(locationId, shops, rows.Select(r => new Row(r.Id, byId[r.LocationId].Name, byId[r.LocationId].TimeZoneId, r.Register, r.OpenedByName,
            r.OpenedAtUtc, r.ClosedAtUtc, r.OpeningFloat, r.Receipts, r.Revenue,
            r.CountedCash is { } c && r.ExpectedCash is { } e ? c - e : null)).ToList(), page, Math.Max(1, (count + PageSize - 1) / PageSize));
    }
}
