using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Transfers;

/// <summary>The list of transfers from or to the user's locations: filters, page, totals.</summary>
public sealed class ListTransfers(AppDbContext db, LocationScope scope)
{
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
        public int Page { get; set; } = 1;
    }

    /// <summary>A list row; Quantity = units shipped (planned for a draft), Received = units received.</summary>
    public sealed record Row(long Id, string Number, DateTime CreatedAtUtc, string TimeZoneId, string From, string To, TransferStatus Status,
        int Quantity, int? Received, DateTime? ShippedAtUtc, DateTime? ReceivedAtUtc, DiscrepancyResolution? Resolution)
    {
        /// <summary>Shipped − received units once received.</summary>
        public int Discrepancy => Status == TransferStatus.Received && Received is { } r ? Quantity - r : 0;
    }

    /// <summary>The page: filters, location choices, rows, paging and the total of units.</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Location> Allowed, IReadOnlyList<Location> AllLocations, IReadOnlyList<Row> Rows, Paging Paging, int TotalQuantity);

    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var allowed = await scope.AllowedAsync(ct);
        var ids = allowed.Select(l => l.Id).ToList();
        var all = await db.Locations.AsNoTracking().OrderBy(l => l.Kind).ThenBy(l => l.Code).ToListAsync(ct);
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

        var paging = Paging.For(input.Page, await q.CountAsync(ct));
        input.Page = paging.Number;
        var rows = await (from t in q
                          join lf in db.Locations on t.FromLocationId equals lf.Id
                          join lt in db.Locations on t.ToLocationId equals lt.Id
                          orderby t.CreatedAtUtc descending, t.Id descending
                          select new Row(t.Id, t.Number, t.CreatedAtUtc, lf.TimeZoneId, lf.Name, lt.Name, t.Status,
                              t.Lines.Sum(x => x.Quantity), t.Lines.Sum(x => x.ReceivedQuantity), t.ShippedAtUtc, t.ReceivedAtUtc, t.Resolution))
            .Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        var total = await q.Where(t => t.Status != TransferStatus.Cancelled).SelectMany(t => t.Lines).SumAsync(x => (int?)x.Quantity, ct) ?? 0;
        return new Model(input, allowed, all, rows, paging, total);
    }
}
