using AlAroma.Web.Data;
using AlAroma.Web.Features.Catalog;

namespace AlAroma.Web.Features.Warehouse.Labels;

/// <summary>What a label needs of a product, with its stock at one location.</summary>
/// <param name="Price">Retail price, ₽.</param>
/// <param name="Barcode">First non-tester barcode (<see cref="Product.MainBarcode"/>), null when it has none.</param>
/// <param name="Stock">Units on hand at the current location (0 when no balance row).</param>
public sealed record LabelProduct(int Id, string Sku, string Name, string? Brand, int? VolumeMl, Concentration? Concentration,
    decimal Price, string? Barcode, int Stock)
{
    /// <summary>"100 мл · EDP" — volume and concentration as printed on the label (empty parts left out).</summary>
    public string Meta => string.Join(" · ", new[] { VolumeMl is { } ml ? $"{ml} мл" : "", Product.ConcentrationLabel(Concentration) }.Where(s => s.Length > 0));

    /// <summary>True when the barcode can be printed (<see cref="Ean.IsValid"/>).</summary>
    public bool HasPrintableBarcode => Ean.IsValid(Barcode);
}

/// <summary>The projection of products into <see cref="LabelProduct"/>, shared by the labels page, search and print.</summary>
public static class LabelProductQuery
{
    /// <summary>Projects <paramref name="products"/> with stock at <paramref name="locationId"/> (0 everywhere when null).</summary>
    public static IQueryable<LabelProduct> ToLabelProducts(this IQueryable<Product> products, AppDbContext db, int? locationId) =>
        products.Select(p => new LabelProduct(p.Id, p.Sku, p.Name, p.Brand, p.VolumeMl, p.Concentration, p.RetailPrice,
            p.Barcodes.Where(b => !b.IsTester).OrderBy(b => b.Id).Select(b => b.Code).FirstOrDefault(),
            db.StockBalances.Where(b => b.LocationId == locationId && b.ProductId == p.Id).Select(b => b.Quantity).FirstOrDefault()));
}
