using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.GoodsReceipts;

/// <summary>The list of goods receipts at the user's locations: filters, page, totals.</summary>
public sealed class ListGoodsReceipts(AppDbContext db, LocationScope scope)
{
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
        public int Page { get; set; } = 1;
    }

    /// <summary>A list row. Quantity in units; Total in ₽.</summary>
    public sealed record Row(long Id, string Number, DateTime CreatedAtUtc, string Location, string TimeZoneId, string Supplier,
        string InvoiceNumber, DateOnly? InvoiceDate, DocumentStatus Status, int Quantity, decimal Total);

    /// <summary>The page: filters, allowed locations for the filter, rows, paging, totals of non-cancelled documents.</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Location> Locations, IReadOnlyList<Row> Rows, Paging Paging, int TotalQuantity, decimal TotalSum);

    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
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

        var paging = Paging.For(input.Page, await q.CountAsync(ct));
        input.Page = paging.Number;
        var rows = await (from r in q
                          join l in db.Locations on r.LocationId equals l.Id
                          orderby r.CreatedAtUtc descending, r.Id descending
                          select new Row(r.Id, r.Number, r.CreatedAtUtc, l.Name, l.TimeZoneId, r.SupplierName, r.SupplierInvoiceNumber,
                              r.SupplierInvoiceDate, r.Status, r.Lines.Sum(x => x.Quantity), r.Lines.Sum(x => x.Quantity * x.PurchasePrice)))
            .Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        var totals = await q.Where(r => r.Status != DocumentStatus.Cancelled).SelectMany(r => r.Lines)
            .GroupBy(_ => 1).Select(g => new { Qty = g.Sum(x => x.Quantity), Sum = g.Sum(x => x.Quantity * x.PurchasePrice) })
            .FirstOrDefaultAsync(ct);
        return new Model(input, allowed, rows, paging, totals?.Qty ?? 0, totals?.Sum ?? 0);
    }
}
