using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Lists;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Transfers;

/// <summary>
/// The list of transfers from or to the user's locations: filters, sortable columns, keyset pages (newest first unless
/// sorted otherwise), the total of units over the filter; <see cref="ExportAsync"/> gives all of it in the same order.
/// </summary>
public sealed class ListTransfers(AppDbContext db, LocationScope scope)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>Columns the list sorts by; newest first unless asked. Quantity = units shipped (planned for a draft).</summary>
    public static readonly SortColumns<Transfer> Sorts = new SortColumns<Transfer>("date", defaultDescending: true)
        .Add("number", t => t.Number).Add("date", t => t.CreatedAtUtc).Add("quantity", t => t.Lines.Sum(x => x.Quantity));

    /// <summary>Filters from the query string; empty fields do not filter.</summary>
    public sealed class Input
    {
        /// <summary>First local day of the period (document date), inclusive.</summary>
        public DateOnly? From { get; set; }

        /// <summary>Last local day of the period, inclusive.</summary>
        public DateOnly? To { get; set; }
        public int? FromLocationId { get; set; }
        public int? ToLocationId { get; set; }

        /// <summary>Status; Shipped is "В пути".</summary>
        public TransferStatus? Status { get; set; }

        /// <summary>Only received transfers whose discrepancy nobody has settled yet.</summary>
        public bool OpenDiscrepancy { get; set; }

        /// <summary>Part of the document number.</summary>
        public string? Q { get; set; }

        /// <summary>Column key of <see cref="Sorts"/>, "-" in front for descending.</summary>
        public string? Sort { get; set; }

        /// <summary>Keyset cursor of «Следующая».</summary>
        public string? After { get; set; }

        /// <summary>Keyset cursor of «Предыдущая».</summary>
        public string? Before { get; set; }
    }

    /// <summary>A list row; Quantity = units shipped (planned for a draft), Received = units received.</summary>
    public sealed record Row(long Id, string Number, DateTime CreatedAtUtc, string TimeZoneId, string From, string To, TransferStatus Status,
        int Quantity, int? Received, DateTime? ShippedAtUtc, DateTime? ReceivedAtUtc, DiscrepancyResolution? Resolution)
    {
        /// <summary>Shipped − received units once received.</summary>
        public int Discrepancy => Status == TransferStatus.Received && Received is { } r ? Quantity - r : 0;
    }

    /// <summary>The page: filters, location choices, rows, paging, count and the total of units of non-cancelled transfers.</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Location> Allowed, IReadOnlyList<Location> AllLocations, IReadOnlyList<Row> Rows, KeysetPage Page,
        int Count, int TotalQuantity, ListSort Sort);

    /// <summary>One page of the filtered, sorted transfers with the count and units of all of them.</summary>
    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var (allowed, q) = await FilteredAsync(input, ct);
        var all = await db.Locations.AsNoTracking().OrderBy(l => l.Kind).ThenBy(l => l.Code).ToListAsync(ct);
        var sort = Sorts.Parse(input.Sort);
        var page = await Sorts.PageAsync(q, sort, t => t.Id, input.After, input.Before, PageSize, ct);
        var ids = page.Ids.ToList();
        var rows = page.InOrder(await RowsAsync(q.Where(t => ids.Contains(t.Id)), ct), r => r.Id);
        var total = await q.Where(t => t.Status != TransferStatus.Cancelled).SelectMany(t => t.Lines).SumAsync(x => (int?)x.Quantity, ct) ?? 0;
        return new Model(input, allowed, all, rows, page, await q.CountAsync(ct), total, sort);
    }

    /// <summary>Every transfer the filter finds (at most <see cref="ListWorkbook.MaxRows"/>), in the list's sort.</summary>
    public async Task<IReadOnlyList<Row>> ExportAsync(Input input, CancellationToken ct)
    {
        var (_, q) = await FilteredAsync(input, ct);
        var ids = await Sorts.Order(q, Sorts.Parse(input.Sort), t => t.Id).Select(t => t.Id).Take(ListWorkbook.MaxRows).ToListAsync(ct);
        return KeysetPage.ByIds(await RowsAsync(q.Where(t => ids.Contains(t.Id)), ct), ids, r => r.Id);
    }

    private async Task<(List<Location> Allowed, IQueryable<Transfer> Query)> FilteredAsync(Input input, CancellationToken ct)
    {
        var allowed = await scope.AllowedAsync(ct);
        var ids = allowed.Select(l => l.Id).ToList();
        var q = db.Transfers.AsNoTracking().Where(t => ids.Contains(t.FromLocationId) || ids.Contains(t.ToLocationId));
        if (input.FromLocationId is { } from) q = q.Where(t => t.FromLocationId == from);
        if (input.ToLocationId is { } to) q = q.Where(t => t.ToLocationId == to);
        var (fromUtc, toUtc) = LocalTime.Period(input.From, input.To);
        if (fromUtc is { } f) q = q.Where(t => t.CreatedAtUtc >= f);
        if (toUtc is { } u) q = q.Where(t => t.CreatedAtUtc < u);
        if (input.Status is { } st) q = q.Where(t => t.Status == st);
        if (input.OpenDiscrepancy)
            q = q.Where(t => t.Status == TransferStatus.Received && t.Resolution == null && t.Lines.Any(l => l.ReceivedQuantity != l.Quantity));
        if (!string.IsNullOrWhiteSpace(input.Q))
        {
            var p = SqlLike.Contains(input.Q);
            q = q.Where(t => EF.Functions.ILike(t.Number, p, SqlLike.Escape));
        }
        return (allowed, q);
    }

    private Task<List<Row>> RowsAsync(IQueryable<Transfer> q, CancellationToken ct) =>
        (from t in q
         join lf in db.Locations on t.FromLocationId equals lf.Id
         join lt in db.Locations on t.ToLocationId equals lt.Id
         select new Row(t.Id, t.Number, t.CreatedAtUtc, lf.TimeZoneId, lf.Name, lt.Name, t.Status,
             t.Lines.Sum(x => x.Quantity), t.Lines.Sum(x => x.ReceivedQuantity), t.ShippedAtUtc, t.ReceivedAtUtc, t.Resolution))
        .ToListAsync(ct);
}
