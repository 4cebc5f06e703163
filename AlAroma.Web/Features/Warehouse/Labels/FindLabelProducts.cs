using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Labels;

/// <summary>Search of active products for labels by name, brand, SKU or the beginning of a barcode, with stock at the current location.</summary>
public sealed class FindLabelProducts(AppDbContext db, LocationScope scope)
{
    /// <summary>Most results shown under the search box.</summary>
    public const int Limit = 20;

    /// <summary>Up to <see cref="Limit"/> matches ordered by name; empty for a term shorter than 2 characters.</summary>
    public async Task<IReadOnlyList<LabelProduct>> HandleAsync(string? term, CancellationToken ct)
    {
        term = term?.Trim();
        if (string.IsNullOrEmpty(term) || term.Length < 2) return [];
        var location = await scope.CurrentAsync(ct);
        return await Matching(db.Products.AsNoTracking(), term).OrderBy(p => p.Name).ThenBy(p => p.Sku).Take(Limit)
            .ToLabelProducts(db, location?.Id).ToListAsync(ct);
    }

    /// <summary>Active products whose name, brand or SKU contains <paramref name="term"/>, or a barcode starts with it (case-insensitive).</summary>
    public static IQueryable<Product> Matching(IQueryable<Product> products, string term)
    {
        var escaped = term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
        var contains = $"%{escaped}%";
        var prefix = $"{escaped}%";
        return products.Where(p => p.IsActive && (EF.Functions.ILike(p.Name, contains) || EF.Functions.ILike(p.Brand ?? "", contains)
            || EF.Functions.ILike(p.Sku, contains) || p.Barcodes.Any(b => EF.Functions.ILike(b.Code, prefix))));
    }
}
