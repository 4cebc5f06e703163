using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Labels;

/// <summary>Search of active products for labels by name, brand, SKU or barcode, with stock at the current location.</summary>
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
        return await (await db.Products.AsNoTracking().Where(p => p.IsActive).SuggestAsync(db, term, ct)).Products.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(Limit)
            .ToLabelProducts(db, location?.Id).ToListAsync(ct);
    }

    /// <summary>Active products matching <paramref name="term"/> (see <see cref="ProductSearch"/>: a scanned code, or words in the name, brand or SKU).</summary>
    public static async Task<IQueryable<Product>> MatchingAsync(AppDbContext db, IQueryable<Product> products, string term, CancellationToken ct) =>
        await products.Where(p => p.IsActive).MatchingAsync(db, term, ct);
}
