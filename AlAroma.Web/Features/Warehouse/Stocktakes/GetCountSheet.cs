using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Stocktakes;

/// <summary>
/// The printable count sheet ("Лист подсчёта", A4): every product in scope with SKU and barcode and an empty
/// column to write the count in. Blind like the counting screen: no book quantities.
/// </summary>
public sealed class GetCountSheet(AppDbContext db, LocationScope scope)
{
    /// <summary>A row of the sheet.</summary>
    public sealed record Row(string Sku, string Name, string? Brand, string? Barcode);

    /// <summary>The sheet; rows by brand, then name.</summary>
    public sealed record Model(StocktakeHeader Header, IReadOnlyList<Row> Rows);

    /// <summary>The sheet, or null when missing or not the user's location.</summary>
    public async Task<Model?> HandleAsync(long id, CancellationToken ct)
    {
        if (await StocktakeDocs.HeaderAsync(db, scope, id, ct) is not { } h) return null;
        var rows = await StocktakeDocs.InScope(db, h.LocationId, h.Scope, h.ScopeValues)
            .OrderBy(p => p.Brand).ThenBy(p => p.Name)
            .Select(p => new Row(p.Sku, p.Name, p.Brand, p.Barcodes.Where(b => !b.IsTester).OrderBy(b => b.Id).Select(b => b.Code).FirstOrDefault()))
            .ToListAsync(ct);
        return new Model(h, rows);
    }
}
