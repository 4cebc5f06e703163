using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Promotions;

/// <summary>Finds products for the preview cart by name, SKU or barcode.</summary>
public sealed class SearchPreviewProducts(AppDbContext db)
{
    /// <summary>Most products returned.</summary>
    public const int Limit = 10;

    /// <summary>Active products whose name or SKU contains <paramref name="text"/> (case-insensitive) or whose barcode starts with it; empty for less than 2 characters.</summary>
    public async Task<IReadOnlyList<PreviewProduct>> HandleAsync(string? text, CancellationToken ct)
    {
        var t = text?.Trim() ?? "";
        if (t.Length < 2) return [];
        var escaped = t.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_"); // typed % and _ match themselves
        var like = "%" + escaped + "%";
        var prefix = escaped + "%";
        return await db.Products.AsNoTracking()
            .Where(p => p.IsActive && (EF.Functions.ILike(p.Name, like) || EF.Functions.ILike(p.Sku, like)
                || p.Barcodes.Any(b => EF.Functions.Like(b.Code, prefix))))
            .OrderBy(p => p.Name).Take(Limit)
            .Select(p => new PreviewProduct(p.Id, p.Name, p.Sku, p.Brand, p.Category, p.RetailPrice))
            .ToListAsync(ct);
    }
}
