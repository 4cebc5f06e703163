using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.GoodsReceipts;

/// <summary>A goods receipt for its page and print view; null when missing or at a location the user may not see.</summary>
public sealed class GetGoodsReceipt(AppDbContext db, LocationScope scope)
{
    /// <summary>A line: quantity in units, price and sum in ₽.</summary>
    public sealed record Line(long Id, int ProductId, string Sku, string Name, string? Barcode, int Quantity, decimal PurchasePrice)
    {
        public decimal Sum => Infrastructure.Money.Round(Quantity * PurchasePrice);
    }

    /// <summary>The document. Times are UTC; show them with <see cref="LocalTime.Format(DateTime, string?)"/> and <see cref="TimeZoneId"/>.</summary>
    public sealed record Model(long Id, string Number, DocumentStatus Status, int LocationId, string Location, string LocationAddress, string TimeZoneId,
        string Supplier, string InvoiceNumber, DateOnly? InvoiceDate, string? Comment, DateTime CreatedAtUtc, string CreatedBy,
        DateTime? PostedAtUtc, string? PostedBy, IReadOnlyList<Line> Lines, IReadOnlyList<DocumentHistory.Event> History)
    {
        /// <summary>Lines may be changed and the document posted or cancelled.</summary>
        public bool Editable => Status == DocumentStatus.Draft;
        public int TotalQuantity => Lines.Sum(l => l.Quantity);
        public decimal Total => Lines.Sum(l => l.Sum);

        /// <summary>Lines at 0,00 ₽ purchase price: warned on the line, confirmed before posting.</summary>
        public int FreeLineCount => Lines.Count(l => l.PurchasePrice == 0);
    }

    public async Task<Model?> HandleAsync(long id, CancellationToken ct)
    {
        var r = await db.GoodsReceipts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !await scope.MayAccessAsync(r.LocationId, ct)) return null;
        var location = await db.Locations.AsNoTracking().FirstAsync(l => l.Id == r.LocationId, ct);
        var lines = await db.Set<GoodsReceiptLine>().AsNoTracking().Where(l => l.GoodsReceiptId == id).OrderBy(l => l.Id)
            .Select(l => new Line(l.Id, l.ProductId, l.Product!.Sku, l.Product.Name,
                l.Product.Barcodes.Where(b => !b.IsTester).OrderBy(b => b.Id).Select(b => b.Code).FirstOrDefault(), l.Quantity, l.PurchasePrice))
            .ToListAsync(ct);
        var history = await DocumentHistory.ForAsync(db, nameof(GoodsReceipt), id, s => GoodsReceipt.StatusLabel(Enum.Parse<DocumentStatus>(s)), ct);
        return new Model(r.Id, r.Number, r.Status, r.LocationId, location.Name, location.Address, location.TimeZoneId, r.SupplierName,
            r.SupplierInvoiceNumber, r.SupplierInvoiceDate, r.Comment, r.CreatedAtUtc, r.CreatedBy, r.PostedAtUtc, r.PostedBy, lines, history);
    }
}
