using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Transfers;

/// <summary>A transfer for its page and print view; null when missing or when neither end is the user's location.</summary>
public sealed class GetTransfer(AppDbContext db, LocationScope scope, IHttpContextAccessor http)
{
    /// <summary>A line: shipped units, received units (null until received), on hand at the source now.</summary>
    public sealed record Line(long Id, int ProductId, string Sku, string Name, string? Barcode, int Quantity, int? ReceivedQuantity, int OnHandAtSource)
    {
        /// <summary>Shipped − received ("Расхождение"), 0 until received.</summary>
        public int Discrepancy => ReceivedQuantity is { } r ? Quantity - r : 0;
    }

    /// <summary>The document and what the user may do with it. Times are UTC (show in <see cref="TimeZoneId"/>).</summary>
    public sealed record Model(long Id, string Number, TransferStatus Status, int FromLocationId, int ToLocationId, string From, string FromAddress, string To, string ToAddress,
        string TimeZoneId, string? Comment, DateTime CreatedAtUtc, string CreatedBy, DateTime? ShippedAtUtc, string? ShippedBy,
        DateTime? ReceivedAtUtc, string? ReceivedBy, IReadOnlyList<Line> Lines, bool AtSource, bool AtDestination,
        IReadOnlyList<DocumentHistory.Event> History)
    {
        /// <summary>How the discrepancy was settled, with who/when (UTC) and a comment; null while open.</summary>
        public DiscrepancyResolution? Resolution { get; init; }
        public DateTime? ResolvedAtUtc { get; init; }
        public string? ResolvedBy { get; init; }
        public string? ResolutionComment { get; init; }

        /// <summary>The shop's request this transfer was made from: id and number.</summary>
        public (long Id, string Number)? Request { get; init; }

        /// <summary>The user is a manager or administrator (may settle a discrepancy).</summary>
        public bool MayResolve { get; init; }

        /// <summary>Received with a discrepancy that nobody has settled yet.</summary>
        public bool DiscrepancyOpen => Status == TransferStatus.Received && HasDiscrepancy && Resolution is null;

        /// <summary>Lines may be edited, the draft shipped or cancelled (by the source).</summary>
        public bool Editable => Status == TransferStatus.Draft && AtSource;

        /// <summary>The destination may receive it.</summary>
        public bool Receivable => Status == TransferStatus.Shipped && AtDestination;
        public bool HasDiscrepancy => Lines.Any(l => l.Discrepancy != 0);
        public int TotalQuantity => Lines.Sum(l => l.Quantity);
        public int TotalReceived => Lines.Sum(l => l.ReceivedQuantity ?? 0);
    }

    public async Task<Model?> HandleAsync(long id, CancellationToken ct)
    {
        var t = await db.Transfers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return null;
        bool atSource = await scope.MayAccessAsync(t.FromLocationId, ct), atDestination = await scope.MayAccessAsync(t.ToLocationId, ct);
        if (!atSource && !atDestination) return null;
        var from = await db.Locations.AsNoTracking().FirstAsync(l => l.Id == t.FromLocationId, ct);
        var to = await db.Locations.AsNoTracking().FirstAsync(l => l.Id == t.ToLocationId, ct);
        var lines = await db.Set<TransferLine>().AsNoTracking().Where(l => l.TransferId == id).OrderBy(l => l.Id)
            .Select(l => new Line(l.Id, l.ProductId, l.Product!.Sku, l.Product.Name,
                l.Product.Barcodes.Where(b => !b.IsTester).OrderBy(b => b.Id).Select(b => b.Code).FirstOrDefault(), l.Quantity, l.ReceivedQuantity,
                db.StockBalances.Where(b => b.LocationId == t.FromLocationId && b.ProductId == l.ProductId).Select(b => b.Quantity).FirstOrDefault()))
            .ToListAsync(ct);
        var history = await DocumentHistory.ForAsync(db, nameof(Transfer), id, s => Transfer.StatusLabel(Enum.Parse<TransferStatus>(s)), ct);
        return new Model(t.Id, t.Number, t.Status, t.FromLocationId, t.ToLocationId, from.Name, from.Address, to.Name, to.Address, from.TimeZoneId, t.Comment, t.CreatedAtUtc, t.CreatedBy,
            t.ShippedAtUtc, t.ShippedBy, t.ReceivedAtUtc, t.ReceivedBy, lines, atSource, atDestination, history)
        {
            Resolution = t.Resolution, ResolvedAtUtc = t.ResolvedAtUtc, ResolvedBy = t.ResolvedBy, ResolutionComment = t.ResolutionComment,
            Request = t.RequestId is { } rid ? (rid, await db.TransferRequests.Where(r => r.Id == rid).Select(r => r.Number).FirstAsync(ct)) : null,
            MayResolve = WarehouseAccess.IsApprover(http.HttpContext?.User),
        };
    }
}
