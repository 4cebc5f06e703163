using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Lists;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.GoodsReceipts;

/// <summary>
/// The list of goods receipts at the user's locations: filters, sortable columns, keyset pages (newest first unless
/// sorted otherwise), totals over the whole filter; <see cref="ExportAsync"/> gives all of it in the same order.
/// </summary>
public sealed class ListGoodsReceipts(AppDbContext db, LocationScope scope)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>Columns the list sorts by; newest first unless asked. Quantity in units, total in ₽ at purchase price.</summary>
    public static readonly SortColumns<GoodsReceipt> Sorts = new SortColumns<GoodsReceipt>("date", defaultDescending: true)
        .Add("number", r => r.Number).Add("date", r => r.CreatedAtUtc).Add("supplier", r => r.SupplierName)
        .Add("quantity", r => r.Lines.Sum(x => x.Quantity)).Add("total", r => r.Lines.Sum(x => x.Quantity * x.PurchasePrice));

    /// <summary>Filters from the query string; empty fields do not filter.</summary>
    public sealed class Input
    {
        /// <summary>First local day of the period (document date), inclusive.</summary>
        public DateOnly? From { get; set; }

        /// <summary>Last local day of the period, inclusive.</summary>
        public DateOnly? To { get; set; }
        public int? LocationId { get; set; }
        public DocumentStatus? Status { get; set; }

        /// <summary>Part of the number, supplier name or supplier invoice number.</summary>
        public string? Q { get; set; }

        /// <summary>Column key of <see cref="Sorts"/>, "-" in front for descending.</summary>
        public string? Sort { get; set; }

        /// <summary>Keyset cursor of «Следующая».</summary>
        public string? After { get; set; }

        /// <summary>Keyset cursor of «Предыдущая».</summary>
        public string? Before { get; set; }
    }

    /// <summary>A list row. Quantity in units; Total in ₽.</summary>
    public sealed record Row(long Id, string Number, DateTime CreatedAtUtc, string Location, string TimeZoneId, string Supplier,
        string InvoiceNumber, DateOnly? InvoiceDate, DocumentStatus Status, int Quantity, decimal Total);

    /// <summary>The page: filters, allowed locations for the filter, rows, paging, count and totals of non-cancelled documents.</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Location> Locations, IReadOnlyList<Row> Rows, KeysetPage Page, int Count,
        int TotalQuantity, decimal TotalSum, ListSort Sort);

    /// <summary>One page of the filtered, sorted receipts with the count and totals of all of them.</summary>
    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var (allowed, q) = await FilteredAsync(input, ct);
        var sort = Sorts.Parse(input.Sort);
        var page = await Sorts.PageAsync(q, sort, r => r.Id, input.After, input.Before, PageSize, ct);
        var ids = page.Ids.ToList();
        var rows = page.InOrder(await RowsAsync(q.Where(r => ids.Contains(r.Id)), ct), r => r.Id);
        var totals = await q.Where(r => r.Status != DocumentStatus.Cancelled).SelectMany(r => r.Lines)
            .GroupBy(_ => 1).Select(g => new { Qty = g.Sum(x => x.Quantity), Sum = g.Sum(x => x.Quantity * x.PurchasePrice) })
            .FirstOrDefaultAsync(ct);
        return new Model(input, allowed, rows, page, await q.CountAsync(ct), totals?.Qty ?? 0, totals?.Sum ?? 0, sort);
    }

    /// <summary>Every receipt the filter finds (at most <see cref="ListWorkbook.MaxRows"/>), in the list's sort.</summary>
    public async Task<IReadOnlyList<Row>> ExportAsync(Input input, CancellationToken ct)
    {
        var (_, q) = await FilteredAsync(input, ct);
        var ids = await Sorts.Order(q, Sorts.Parse(input.Sort), r => r.Id).Select(r => r.Id).Take(ListWorkbook.MaxRows).ToListAsync(ct);
        return KeysetPage.ByIds(await RowsAsync(q.Where(r => ids.Contains(r.Id)), ct), ids, r => r.Id);
    }

    private async Task<(List<Location> Allowed, IQueryable<GoodsReceipt> Query)> FilteredAsync(Input input, CancellationToken ct)
    {
        var allowed = await scope.AllowedAsync(ct);
        var ids = allowed.Select(l => l.Id).ToList();
        var q = db.GoodsReceipts.AsNoTracking().Where(r => ids.Contains(r.LocationId));
        if (input.LocationId is { } loc) q = q.Where(r => r.LocationId == loc);
        var tz = allowed.FirstOrDefault(l => l.Id == input.LocationId)?.TimeZoneId;
        var (fromUtc, toUtc) = LocalTime.Period(input.From, input.To, tz);
        if (fromUtc is { } f) q = q.Where(r => r.CreatedAtUtc >= f);
        if (toUtc is { } t) q = q.Where(r => r.CreatedAtUtc < t);
        if (input.Status is { } st) q = q.Where(r => r.Status == st);
        if (!string.IsNullOrWhiteSpace(input.Q))
        {
            var p = SqlLike.Contains(input.Q);
            q = q.Where(r => EF.Functions.ILike(r.Number, p, SqlLike.Escape) || EF.Functions.ILike(r.SupplierName, p, SqlLike.Escape) || EF.Functions.ILike(r.SupplierInvoiceNumber, p, SqlLike.Escape));
        }
        return (allowed, q);
    }

    private Task<List<Row>> RowsAsync(IQueryable<GoodsReceipt> q, CancellationToken ct) =>
        (from r in q
         join l in db.Locations on r.LocationId equals l.Id
         select new Row(r.Id, r.Number, r.CreatedAtUtc, l.Name, l.TimeZoneId, r.SupplierName, r.SupplierInvoiceNumber,
             r.SupplierInvoiceDate, r.Status, r.Lines.Sum(x => x.Quantity), r.Lines.Sum(x => x.Quantity * x.PurchasePrice)))
        .ToListAsync(ct);
}
