using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Labels;

/// <summary>One row of the chosen products on the labels page.</summary>
/// <param name="QuantityText">The quantity input's value.</param>
/// <param name="ByStock">The "по остатку" box is ticked.</param>
public sealed record LabelRow(LabelProduct Product, string QuantityText, bool ByStock);

/// <summary>The labels page: the current location (whose stock "по остатку" uses), the chosen rows, the format, errors to show.</summary>
public sealed record LabelsPage(Location? Location, LabelRequest Request, IReadOnlyList<LabelRow> Rows, IReadOnlyList<string> Errors);

/// <summary>
/// Builds the labels page from a <see cref="LabelRequest"/> (so coming back from the print view, or a refused print,
/// shows the same choice). With <c>withStock</c> it also adds every active product on hand at the current location,
/// "по остатку" — relabelling a whole shop in two clicks.
/// </summary>
public sealed class GetLabelsPage(AppDbContext db, LocationScope scope)
{
    /// <summary>The page for the signed-in user at their current location.</summary>
    /// <param name="errors">Messages of a refused print, shown above the form.</param>
    public async Task<LabelsPage> HandleAsync(LabelRequest request, bool withStock, IReadOnlyList<string>? errors, CancellationToken ct)
    {
        var location = await scope.CurrentAsync(ct);
        var ids = request.Lines.Select(l => l.ProductId).ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToLabelProducts(db, location?.Id).ToListAsync(ct);
        var byId = products.ToDictionary(p => p.Id);
        var rows = request.Lines.Where(l => byId.ContainsKey(l.ProductId))
            .Select(l => new LabelRow(byId[l.ProductId], l.QuantityText, l.ByStock)).ToList();
        if (withStock && location is not null)
        {
            var locationId = location.Id;
            var onHand = await db.Products.AsNoTracking()
                .Where(p => p.IsActive && !ids.Contains(p.Id) && db.StockBalances.Any(b => b.LocationId == locationId && b.ProductId == p.Id && b.Quantity > 0))
                .OrderBy(p => p.Name).ThenBy(p => p.Sku)
                .ToLabelProducts(db, locationId).ToListAsync(ct);
            rows.AddRange(onHand.Select(p => new LabelRow(p, p.Stock.ToString(), ByStock: true)));
        }
        var lines = rows.Select(r => new LabelLine(r.Product.Id, null, r.QuantityText, r.ByStock)).ToList();
        return new LabelsPage(location, request with { Lines = lines }, rows, errors ?? []);
    }
}
