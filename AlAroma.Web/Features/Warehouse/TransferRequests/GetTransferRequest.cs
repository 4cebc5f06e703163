using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.TransferRequests;

/// <summary>A transfer request for its page; null when missing or when neither side is the user's location.</summary>
public sealed class GetTransferRequest(AppDbContext db, LocationScope scope)
{
    /// <summary>A line: units asked for and what the warehouse has now.</summary>
    public sealed record Line(long Id, int ProductId, string Sku, string Name, string? Barcode, int Quantity, int OnHandAtWarehouse);

    /// <summary>The request and what the user may do. Times are UTC (show in <see cref="TimeZoneId"/>).</summary>
    public sealed record Model(long Id, string Number, TransferRequestStatus Status, int RequestingLocationId, int SupplyingLocationId,
        string Requester, string Warehouse, string TimeZoneId, string? Comment, DateTime CreatedAtUtc, string CreatedBy, DateTime? SubmittedAtUtc,
        DateTime? DecidedAtUtc, string? DecidedBy, string? RejectionReason, long? TransferId, string? TransferNumber,
        IReadOnlyList<Line> Lines, bool AtRequester, bool AtWarehouse)
    {
        /// <summary>The requesting side may edit and send the draft.</summary>
        public bool Editable => Status == TransferRequestStatus.Draft && AtRequester;

        /// <summary>The warehouse may turn it into a transfer or reject it.</summary>
        public bool Decidable => Status == TransferRequestStatus.Open && AtWarehouse;
        public int TotalQuantity => Lines.Sum(l => l.Quantity);
    }

    public async Task<Model?> HandleAsync(long id, CancellationToken ct)
    {
        var r = await db.TransferRequests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        bool atRequester = await scope.MayAccessAsync(r.RequestingLocationId, ct), atWarehouse = await scope.MayAccessAsync(r.SupplyingLocationId, ct);
        if (!atRequester && !atWarehouse) return null;
        var requester = await db.Locations.AsNoTracking().FirstAsync(l => l.Id == r.RequestingLocationId, ct);
        var warehouse = await db.Locations.AsNoTracking().FirstAsync(l => l.Id == r.SupplyingLocationId, ct);
        var lines = await db.Set<TransferRequestLine>().AsNoTracking().Where(l => l.TransferRequestId == id).OrderBy(l => l.Id)
            .Select(l => new Line(l.Id, l.ProductId, l.Product!.Sku, l.Product.Name,
                l.Product.Barcodes.Where(b => !b.IsTester).OrderBy(b => b.Id).Select(b => b.Code).FirstOrDefault(), l.Quantity,
                db.StockBalances.Where(b => b.LocationId == r.SupplyingLocationId && b.ProductId == l.ProductId).Select(b => b.Quantity).FirstOrDefault()))
            .ToListAsync(ct);
        var transferNumber = r.TransferId is { } tid ? await db.Transfers.Where(t => t.Id == tid).Select(t => t.Number).FirstAsync(ct) : null;
        return new Model(r.Id, r.Number, r.Status, r.RequestingLocationId, r.SupplyingLocationId, requester.Name, warehouse.Name, requester.TimeZoneId,
            r.Comment, r.CreatedAtUtc, r.CreatedBy, r.SubmittedAtUtc, r.DecidedAtUtc, r.DecidedBy, r.RejectionReason, r.TransferId, transferNumber,
            lines, atRequester, atWarehouse);
    }
}
