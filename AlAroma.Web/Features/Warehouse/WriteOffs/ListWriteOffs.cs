using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Lists;
using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.WriteOffs;

/// <summary>
/// The list of write-offs at the user's locations: filters (period, location, status, reason), sortable columns, keyset
/// pages (newest first unless sorted otherwise), totals; <see cref="ExportAsync"/> gives all of it in the same order.
/// </summary>
public sealed class ListWriteOffs(AppDbContext db, LocationScope scope)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>Columns the list sorts by; newest first unless asked. Cost in ₽ (known once posted).</summary>
    public static readonly SortColumns<WriteOff> Sorts = new SortColumns<WriteOff>("date", defaultDescending: true)
        .Add("number", w => w.Number).Add("date", w => w.CreatedAtUtc)
        .Add("quantity", w => w.Lines.Sum(x => x.Quantity)).Add("cost", w => w.Lines.Sum(x => x.Quantity * x.UnitCost));

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

        /// <summary>Column key of <see cref="Sorts"/>, "-" in front for descending.</summary>
        public string? Sort { get; set; }

        /// <summary>Keyset cursor of «Следующая».</summary>
        public string? After { get; set; }

        /// <summary>Keyset cursor of «Предыдущая».</summary>
        public string? Before { get; set; }
    }

    /// <summary>A row: units and cost sum in ₽ (cost is known once posted).</summary>
    public sealed record Row(long Id, string Number, DateTime CreatedAtUtc, string TimeZoneId, string Location, WriteOffReason Reason,
        WriteOffStatus Status, int Quantity, decimal Total, string CreatedBy, DateTime? DecidedAtUtc);

    /// <summary>The page: filter, locations, rows, paging, count and totals over the filter (rejected ones left out).</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Location> Locations, IReadOnlyList<Row> Rows, KeysetPage Page, int Count,
        int TotalQuantity, decimal TotalCost, ListSort Sort);

    /// <summary>One page of the filtered, sorted write-offs with the count and totals of all of them.</summary>
    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var (allowed, q) = await ListedAsync(input, ct);
        var sort = Sorts.Parse(input.Sort);
        var page = await Sorts.PageAsync(q, sort, w => w.Id, input.After, input.Before, PageSize, ct);
        var ids = page.Ids.ToList();
        var rows = page.InOrder(await RowsAsync(q.Where(w => ids.Contains(w.Id)), ct), r => r.Id);
        var lines = q.Where(w => w.Status != WriteOffStatus.Rejected).SelectMany(w => w.Lines);
        var qty = await lines.SumAsync(x => (int?)x.Quantity, ct) ?? 0;
        var cost = await lines.SumAsync(x => (decimal?)(x.Quantity * x.UnitCost), ct) ?? 0m;
        return new Model(input, allowed, rows, page, await q.CountAsync(ct), qty, cost, sort);
    }

    /// <summary>Every write-off the filter finds (at most <see cref="ListWorkbook.MaxRows"/>), in the list's sort.</summary>
    public async Task<IReadOnlyList<Row>> ExportAsync(Input input, CancellationToken ct)
    {
        var (_, q) = await ListedAsync(input, ct);
        var ids = await Sorts.Order(q, Sorts.Parse(input.Sort), w => w.Id).Select(w => w.Id).Take(ListWorkbook.MaxRows).ToListAsync(ct);
        return KeysetPage.ByIds(await RowsAsync(q.Where(w => ids.Contains(w.Id)), ct), ids, r => r.Id);
    }

    /// <summary>The list's rows: <see cref="Filtered"/> plus the period of the document date and the status.</summary>
    private async Task<(List<Location> Allowed, IQueryable<WriteOff> Query)> ListedAsync(Input input, CancellationToken ct)
    {
        var allowed = await scope.AllowedAsync(ct);
        var q = Filtered(input, allowed.Select(l => l.Id).ToList());
        var (fromUtc, toUtc) = LocalTime.Period(input.From, input.To);
        if (fromUtc is { } f) q = q.Where(w => w.CreatedAtUtc >= f);
        if (toUtc is { } u) q = q.Where(w => w.CreatedAtUtc < u);
        if (input.Status is { } st) q = q.Where(w => w.Status == st);
        return (allowed, q);
    }

    private Task<List<Row>> RowsAsync(IQueryable<WriteOff> q, CancellationToken ct) =>
        (from w in q
         join l in db.Locations on w.LocationId equals l.Id
         select new Row(w.Id, w.Number, w.CreatedAtUtc, l.TimeZoneId, l.Name, w.Reason, w.Status,
             w.Lines.Sum(x => x.Quantity), w.Lines.Sum(x => x.Quantity * x.UnitCost), w.CreatedBy, w.DecidedAtUtc))
        .ToListAsync(ct);

    /// <summary>Write-offs at <paramref name="allowedIds"/> matching the location and reason of <paramref name="input"/>.</summary>
    public IQueryable<WriteOff> Filtered(Input input, IReadOnlyCollection<int> allowedIds)
    {
        var q = db.WriteOffs.AsNoTracking().Where(w => allowedIds.Contains(w.LocationId));
        if (input.LocationId is { } loc) q = q.Where(w => w.LocationId == loc);
        if (input.Reason is { } r) q = q.Where(w => w.Reason == r);
        return q;
    }
}
