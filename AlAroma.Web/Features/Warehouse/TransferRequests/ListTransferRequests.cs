using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.TransferRequests;

/// <summary>"Заявки на перемещение" from or to the user's locations; open requests first, newest first among each; keyset pages.</summary>
public sealed class ListTransferRequests(AppDbContext db, LocationScope scope)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>Columns the list sorts by; by default "queue": open requests first, the newest first among them and among the rest.</summary>
    public static readonly SortColumns<TransferRequest> Sorts = new SortColumns<TransferRequest>("queue")
        .Add("queue", r => r.Status == TransferRequestStatus.Open ? 0 : 1, r => r.CreatedAtUtc, thenReversed: true)
        .Add("number", r => r.Number).Add("date", r => r.CreatedAtUtc);

    /// <summary>Filters from the query string; empty fields do not filter.</summary>
    public sealed class Input
    {
        public TransferRequestStatus? Status { get; set; }

        /// <summary>Column key of <see cref="Sorts"/>, "-" in front for descending.</summary>
        public string? Sort { get; set; }

        /// <summary>Keyset cursor of «Следующая».</summary>
        public string? After { get; set; }

        /// <summary>Keyset cursor of «Предыдущая».</summary>
        public string? Before { get; set; }
    }

    /// <summary>A row with the units asked for.</summary>
    public sealed record Row(long Id, string Number, DateTime CreatedAtUtc, string TimeZoneId, string Requester, string Warehouse,
        TransferRequestStatus Status, int Quantity, string CreatedBy, long? TransferId);

    /// <summary>The page and the count of open requests.</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Row> Rows, KeysetPage Page, int Count, int OpenCount, ListSort Sort);

    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var ids = (await scope.AllowedAsync(ct)).Select(l => l.Id).ToList();
        var mine = db.TransferRequests.AsNoTracking().Where(r => ids.Contains(r.RequestingLocationId) || ids.Contains(r.SupplyingLocationId));
        var q = input.Status is { } st ? mine.Where(r => r.Status == st) : mine;
        var sort = Sorts.Parse(input.Sort);
        var page = await Sorts.PageAsync(q, sort, r => r.Id, input.After, input.Before, PageSize, ct);
        var pageIds = page.Ids.ToList();
        var rows = await (from r in q.Where(r => pageIds.Contains(r.Id))
                          join lr in db.Locations on r.RequestingLocationId equals lr.Id
                          join lw in db.Locations on r.SupplyingLocationId equals lw.Id
                          select new Row(r.Id, r.Number, r.CreatedAtUtc, lr.TimeZoneId, lr.Name, lw.Name, r.Status, r.Lines.Sum(l => l.Quantity), r.CreatedBy, r.TransferId))
            .ToListAsync(ct);
        var open = await mine.CountAsync(r => r.Status == TransferRequestStatus.Open, ct);
        return new Model(input, page.InOrder(rows, r => r.Id), page, await q.CountAsync(ct), open, sort);
    }
}
