using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.WriteOffs;

/// <summary>The list of write-offs at the user's locations: filters (period, location, status, reason), page, totals.</summary>
public sealed class ListWriteOffs(AppDbContext db, LocationScope scope)
{
    /// <summary>Filters from the query string; empty fields do not filter.</summary>
    public sealed class Input
    {
        /// <summary>First local day (document date), inclusive.</summary>
        public DateOnly? From { get; set; }

        /// <summary>Last local day, inclusive.</summary>
        public DateOnly? To { get; set; }
        public int? LocationId { get; set; }
        public WriteOffStatus? Status { get; set; }
        public WriteOffReason? Reason { get; set; }
        public int Page { get; set; } = 1;
    }

    /// <summary>A row: units and cost sum in ₽ (cost is known once posted).</summary>
    public sealed record Row(long Id, string Number, DateTime CreatedAtUtc, string TimeZoneId, string Location, WriteOffReason Reason,
        WriteOffStatus Status, int Quantity, decimal Total, string CreatedBy, DateTime? DecidedAtUtc);

    /// <summary>The page: filter, locations, rows, paging, totals over the filter.</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Location> Locations, IReadOnlyList<Row> Rows, Paging Paging, int TotalQuantity, decimal TotalCost);

    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var allowed = await scope.AllowedAsync(ct);
        var q = Filtered(input, allowed.Select(l => l.Id).ToList());
        var (fromUtc, toUtc) = LocalTime.Period(input.From, input.To);
        if (fromUtc is { } f) q = q.Where(w => w.CreatedAtUtc >= f);
        if (toUtc is { } u) q = q.Where(w => w.CreatedAtUtc < u);
        if (input.Status is { } st) q = q.Where(w => w.Status == st);

        var paging = Paging.For(input.Page, await q.CountAsync(ct));
        input.Page = paging.Number;
        var rows = await (from w in q
                          join l in db.Locations on w.LocationId equals l.Id
                          orderby w.CreatedAtUtc descending, w.Id descending
                          select new Row(w.Id, w.Number, w.CreatedAtUtc, l.TimeZoneId, l.Name, w.Reason, w.Status,
                              w.Lines.Sum(x => x.Quantity), w.Lines.Sum(x => x.Quantity * x.UnitCost), w.CreatedBy, w.DecidedAtUtc))
            .Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        var lines = q.Where(w => w.Status != WriteOffStatus.Rejected).SelectMany(w => w.Lines);
        var qty = await lines.SumAsync(x => (int?)x.Quantity, ct) ?? 0;
        var cost = await lines.SumAsync(x => (decimal?)(x.Quantity * x.UnitCost), ct) ?? 0m;
        return new Model(input, allowed, rows, paging, qty, cost);
    }

    /// <summary>Write-offs at <paramref name="allowedIds"/> matching the location and reason of <paramref name="input"/>.</summary>
    public IQueryable<WriteOff> Filtered(Input input, IReadOnlyCollection<int> allowedIds)
    {
        var q = db.WriteOffs.AsNoTracking().Where(w => allowedIds.Contains(w.LocationId));
        if (input.LocationId is { } loc) q = q.Where(w => w.LocationId == loc);
        if (input.Reason is { } r) q = q.Where(w => w.Reason == r);
        return q;
    }
}
