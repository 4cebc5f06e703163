using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.TransferRequests;

/// <summary>"Заявки на перемещение" from or to the user's locations; open requests first.</summary>
public sealed class ListTransferRequests(AppDbContext db, LocationScope scope)
{
    /// <summary>Filters from the query string; empty fields do not filter.</summary>
    public sealed class Input
    {
        public TransferRequestStatus? Status { get; set; }
        public int Page { get; set; } = 1;
    }

    /// <summary>A row with the units asked for.</summary>
    public sealed record Row(long Id, string Number, DateTime CreatedAtUtc, string TimeZoneId, string Requester, string Warehouse,
        TransferRequestStatus Status, int Quantity, string CreatedBy, long? TransferId);

    /// <summary>The page and the count of open requests.</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Row> Rows, Paging Paging, int OpenCount);

    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var ids = (await scope.AllowedAsync(ct)).Select(l => l.Id).ToList();
        var mine = db.TransferRequests.AsNoTracking().Where(r => ids.Contains(r.RequestingLocationId) || ids.Contains(r.SupplyingLocationId));
        var q = input.Status is { } st ? mine.Where(r => r.Status == st) : mine;
        var paging = Paging.For(input.Page, await q.CountAsync(ct));
        input.Page = paging.Number;
        var rows = await (from r in q
                          join lr in db.Locations on r.RequestingLocationId equals lr.Id
                          join lw in db.Locations on r.SupplyingLocationId equals lw.Id
                          orderby r.Status == TransferRequestStatus.Open descending, r.CreatedAtUtc descending, r.Id descending
                          select new Row(r.Id, r.Number, r.CreatedAtUtc, lr.TimeZoneId, lr.Name, lw.Name, r.Status, r.Lines.Sum(l => l.Quantity), r.CreatedBy, r.TransferId))
            .Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        var open = await mine.CountAsync(r => r.Status == TransferRequestStatus.Open, ct);
        return new Model(input, rows, paging, open);
    }
}
