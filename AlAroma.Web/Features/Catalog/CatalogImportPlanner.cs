using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Catalog;

/// <summary>
/// Reads an import's rows and decides each against the catalog as it is now (<see cref="CatalogImportPlan"/>): the one
/// place the preview and the run get the same plan from, so what the preview promised is what the run does.
/// </summary>
public sealed class CatalogImportPlanner(AppDbContext db)
{
    /// <summary>The import's table as the mapping reads it, and the decision for every row in file order.</summary>
    public async Task<(ImportTable Table, List<PlannedRow> Plan)> PlanAsync(CatalogImport import, ImportMapping mapping, CancellationToken ct)
    {
        var table = import.ReadTable(mapping);
        var brands = new CatalogNames(await CatalogFacets.BrandsAsync(db, ct));
        var categories = new CatalogNames(await CatalogFacets.CategoriesAsync(db, ct));
        return (table, CatalogImportPlan.Plan(table, mapping, await LoadExistingAsync(ct), brands, categories));
    }

    /// <summary>Every product with its barcodes, untracked, as the matching needs them.</summary>
    private async Task<List<ExistingProduct>> LoadExistingAsync(CancellationToken ct)
    {
        var products = await db.Products.AsNoTracking().Select(p => new { p.Id, p.Sku, p.Name, p.Brand }).ToListAsync(ct);
        var barcodes = (await db.Barcodes.AsNoTracking().Select(b => new { b.ProductId, b.Code }).ToListAsync(ct))
            .ToLookup(b => b.ProductId, b => b.Code);
        return products.Select(p => new ExistingProduct(p.Id, p.Sku, p.Name, p.Brand, barcodes[p.Id].ToList())).ToList();
    }
}
