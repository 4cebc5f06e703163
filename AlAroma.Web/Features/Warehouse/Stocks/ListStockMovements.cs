using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Stocks;

/// <summary>
/// "Движение товаров": the stock ledger at the user's locations, newest first, filtered, with keyset paging
/// ("Показать ещё" asks for the rows with id below the last one shown), so any depth is one index range scan
/// over (location_id, id) or the primary key and never counts or skips rows. "Кто" is the person's full name for
/// every kind: warehouse documents record the login (e-mail), the till records the cashier's name already.
/// </summary>
public sealed class ListStockMovements(AppDbContext db, LocationScope scope, StaffNames staff)
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

        /// <summary>Keyset cursor: only movements with an id below this one (the last row already shown); empty = newest.</summary>
        public long? Before { get; set; }
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

    /// <summary>Rows per "page" (one "Показать ещё").</summary>
    public const int PageSize = 50;

    /// <summary>The page: filters, allowed locations, rows and the cursor of the next rows (null = no more).</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Location> Locations, IReadOnlyList<Row> Rows, long? NextBefore);

    /// <summary>The newest <see cref="PageSize"/> rows below <see cref="Input.Before"/>.</summary>
    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var (allowed, q) = await FilterAsync(input, ct);
        if (input.Before is { } before) q = q.Where(m => m.Id < before);
        var rows = await Project(q).Take(PageSize + 1).ToListAsync(ct);
        long? next = rows.Count > PageSize ? rows[PageSize - 1].Id : null;
        if (rows.Count > PageSize) rows.RemoveAt(PageSize);
        return new Model(input, allowed, await WithFullNamesAsync(rows), next);
    }

    /// <summary>The newest <paramref name="limit"/> rows of the filter, ignoring the cursor (for the Excel export).</summary>
    public async Task<List<Row>> AllAsync(Input input, int limit, CancellationToken ct)
    {
        var (_, q) = await FilterAsync(input, ct);
        return await WithFullNamesAsync(await Project(q).Take(limit).ToListAsync(ct));
    }

    private async Task<List<Row>> WithFullNamesAsync(List<Row> rows)
    {
        for (var i = 0; i < rows.Count; i++)
            rows[i] = rows[i] with { UserName = await staff.NameAsync(rows[i].UserName) };
        return rows;
    }

    private async Task<(List<Location> Allowed, IQueryable<StockMovement> Query)> FilterAsync(Input input, CancellationToken ct)
    {
        var allowed = await scope.AllowedAsync(ct);
        if (input.LocationId is { } asked && allowed.All(l => l.Id != asked)) input.LocationId = null;
        var q = db.StockMovements.AsNoTracking();
        // One location: an equality the (location_id, id) index serves; otherwise the user's locations (all of them
        // for a manager, where the filter is dropped so the primary key serves the order).
        if (input.LocationId is { } loc) q = q.Where(m => m.LocationId == loc);
        else if (!scope.SeesAll)
        {
            var ids = allowed.Select(l => l.Id).ToList();
            q = q.Where(m => ids.Contains(m.LocationId));
        }
        var (fromUtc, toUtc) = LocalTime.Period(input.From, input.To, allowed.FirstOrDefault(l => l.Id == input.LocationId)?.TimeZoneId);
        if (fromUtc is { } f) q = q.Where(m => m.OccurredAtUtc >= f);
        if (toUtc is { } t) q = q.Where(m => m.OccurredAtUtc < t);
        if (input.Kind is { } k) q = q.Where(m => m.Kind == k);
        if (!string.IsNullOrWhiteSpace(input.Q))
        {
            var products = (await db.Products.MatchingAsync(db, input.Q, ct)).Select(x => x.Id);
            q = q.Where(m => products.Contains(m.ProductId));
        }
        return (allowed, q);
    }

    private IQueryable<Row> Project(IQueryable<StockMovement> q) =>
        from m in q
        join l in db.Locations on m.LocationId equals l.Id
        join p in db.Products on m.ProductId equals p.Id
        orderby m.Id descending
        select new Row(m.Id, m.OccurredAtUtc, l.TimeZoneId, l.Name, m.DocumentNumber, m.DocumentId, m.Kind, p.Sku, p.Name,
            m.Quantity, m.BalanceAfter, m.UserName);
}
