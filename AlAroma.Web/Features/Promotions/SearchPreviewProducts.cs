using AlAroma.Web.Data;
using AlAroma.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Promotions;

/// <summary>Finds products for the preview cart by name, SKU or barcode.</summary>
public sealed class SearchPreviewProducts(AppDbContext db)
{
    /// <summary>Most products returned.</summary>
    public const int Limit = 10;

    /// <summary>Active products matching <paramref name="text"/> (a scanned code, or words in the name, brand or SKU: <see cref="ProductSearch"/>); empty for less than 2 characters.</summary>
    public async Task<IReadOnlyList<PreviewProduct>> HandleAsync(string? text, CancellationToken ct)
    {
        var t = text?.Trim() ?? "";
        if (t.Length < 2) return [];
        return await (await db.Products.AsNoTracking().Where(p => p.IsActive).SuggestAsync(db, t, ct)).Products
            .OrderBy(p => p.Name).ThenBy(p => p.Id).Take(Limit)
            .Select(p => new PreviewProduct(p.Id, p.Name, p.Sku, p.Brand, p.Category, p.RetailPrice))
            .ToListAsync(ct);
    }
}
