using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse;

/// <summary>"Движение товаров": the stock ledger at the user's locations, newest first, filtered and paged.</summary>
public sealed class ListStockMovements(AppDbContext db, LocationScope scope)
{
    /// <summary>Filters from the query string; empty fields do not filter.</summary>
    public sealed class Input
    {
        public int? LocationId { get; set; }

        /// <summary>Part of the product's name, SKU or a barcode.</summary>
        public string? Q { get; set; }

        /// <summary>First local day, inclusive.</summary>
        public DateOnly? From { get; set; }

        /// <summary>Last local day, inclusive.</summary>
        public DateOnly? To { get; set; }
        public MovementKind? Kind { get; set; }
        public int Page { get; set; } = 1;
    }

    /// <summary>A ledger row: signed units and the balance right after, time in UTC.</summary>
    public sealed record Row(long Id, DateTime OccurredAtUtc, string TimeZoneId, string Location, string DocumentNumber, long DocumentId,
        MovementKind Kind, string Sku, string Product, int Quantity, int BalanceAfter, string? UserName)
    {
        /// <summary>The page of the document that moved the stock, when the warehouse has one.</summary>
        public string? DocumentUrl => Kind switch
        {
            MovementKind.GoodsReceipt => $"/warehouse/receipts/{DocumentId}",
            MovementKind.TransferIn or MovementKind.TransferOut => $"/warehouse/transfers/{DocumentId}",
            _ => null,
        };
    }

    /// <summary>The page: filters, allowed locations, rows and paging.</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Location> Locations, IReadOnlyList<Row> Rows, Paging Paging);

    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var allowed = await scope.AllowedAsync(ct);
        var ids = allowed.Select(l => l.Id).ToList();
        var q = db.StockMovements.AsNoTracking().Where(m => ids.Contains(m.LocationId));
        if (input.LocationId is { } loc) q = q.Where(m => m.LocationId == loc);
        var (fromUtc, toUtc) = LocalTime.Period(input.From, input.To, allowed.FirstOrDefault(l => l.Id == input.LocationId)?.TimeZoneId);
        if (fromUtc is { } f) q = q.Where(m => m.OccurredAtUtc >= f);
        if (toUtc is { } t) q = q.Where(m => m.OccurredAtUtc < t);
        if (input.Kind is { } k) q = q.Where(m => m.Kind == k);
        if (!string.IsNullOrWhiteSpace(input.Q))
        {
            var p = WarehouseAccess.ContainsPattern(input.Q);
            var products = db.Products.Where(x => EF.Functions.ILike(x.Name, p) || EF.Functions.ILike(x.Sku, p)
                                                  || x.Barcodes.Any(c => EF.Functions.ILike(c.Code, p))).Select(x => x.Id);
            q = q.Where(m => products.Contains(m.ProductId));
        }

        var paging = Paging.For(input.Page, await q.CountAsync(ct));
        input.Page = paging.Number;
        var rows = await (from m in q
                          join l in db.Locations on m.LocationId equals l.Id
                          join p in db.Products on m.ProductId equals p.Id
                          orderby m.Id descending
                          select new Row(m.Id, m.OccurredAtUtc, l.TimeZoneId, l.Name, m.DocumentNumber, m.DocumentId, m.Kind, p.Sku, p.Name,
                              m.Quantity, m.BalanceAfter, m.UserName))
            .Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return new Model(input, allowed, rows, paging);
    }
}
