using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.WriteOffs;

/// <summary>A write-off for its page and print view; null when missing or at a location the user may not see.</summary>
public sealed class GetWriteOff(AppDbContext db, LocationScope scope, IHttpContextAccessor http)
{
    /// <summary>A line: units, on hand at the location now, unit cost and sum in ₽ (0 until posted).</summary>
    public sealed record Line(long Id, int ProductId, string Sku, string Name, string? Barcode, int Quantity, int OnHand, decimal UnitCost)
    {
        public decimal Sum => Infrastructure.Money.Round(Quantity * UnitCost);
    }

    /// <summary>The document and what the user may do. Times are UTC (show in <see cref="TimeZoneId"/>).</summary>
    public sealed record Model(long Id, string Number, WriteOffStatus Status, WriteOffReason Reason, int LocationId, string Location, string LocationAddress,
        string TimeZoneId, string? Comment, DateTime CreatedAtUtc, string CreatedBy, DateTime? SubmittedAtUtc, string? SubmittedBy,
        DateTime? DecidedAtUtc, string? DecidedBy, string? RejectionReason, IReadOnlyList<Line> Lines, bool MayApprove,
        IReadOnlyList<DocumentHistory.Event> History)
    {
        /// <summary>Lines may be changed and the draft submitted.</summary>
        public bool Editable => Status == WriteOffStatus.Draft;

        /// <summary>The user may approve or reject it now.</summary>
        public bool Decidable => Status == WriteOffStatus.Submitted && MayApprove;
        public int TotalQuantity => Lines.Sum(l => l.Quantity);
        public decimal Total => Lines.Sum(l => l.Sum);
    }

    public async Task<Model?> HandleAsync(long id, CancellationToken ct)
    {
        var w = await db.WriteOffs.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null || !await scope.MayAccessAsync(w.LocationId, ct)) return null;
        var location = await db.Locations.AsNoTracking().FirstAsync(l => l.Id == w.LocationId, ct);
        var lines = await db.Set<WriteOffLine>().AsNoTracking().Where(l => l.WriteOffId == id).OrderBy(l => l.Id)
            .Select(l => new Line(l.Id, l.ProductId, l.Product!.Sku, l.Product.Name,
                l.Product.Barcodes.Where(b => !b.IsTester).OrderBy(b => b.Id).Select(b => b.Code).FirstOrDefault(), l.Quantity,
                db.StockBalances.Where(b => b.LocationId == w.LocationId && b.ProductId == l.ProductId).Select(b => b.Quantity).FirstOrDefault(), l.UnitCost))
            .ToListAsync(ct);
        var history = await DocumentHistory.ForAsync(db, nameof(WriteOff), id, s => WriteOff.StatusLabel(Enum.Parse<WriteOffStatus>(s)), ct);
        return new Model(w.Id, w.Number, w.Status, w.Reason, w.LocationId, location.Name, location.Address, location.TimeZoneId, w.Comment,
            w.CreatedAtUtc, w.CreatedBy, w.SubmittedAtUtc, w.SubmittedBy, w.DecidedAtUtc, w.DecidedBy, w.RejectionReason, lines,
            WarehouseAccess.IsApprover(http.HttpContext?.User), history);
    }
}
