using AlAroma.Web.Infrastructure.Import;
using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Catalog;

/// <summary>
/// Reads an import's rows and decides each against the catalog as it is now (<see cref="CatalogImportPlan"/>): the one
/// place the preview and the run get the same plan from, so what the preview promised is what the run does.
/// </summary>
public sealed class CatalogImportPlanner(AppDbContext db)
{
    /// <summary>
    /// The import's table as the mapping reads it (garbled text repaired when the mapping says so, see <see cref="Mojibake"/>),
    /// the decision for every row in file order, and the rows whose text the file brought garbled.
    /// </summary>
    public async Task<(ImportTable Table, List<PlannedRow> Plan, List<(int Row, string Garbled, string Repaired)> Garbled)> PlanAsync(
        CatalogImport import, ImportMapping mapping, CancellationToken ct)
    {
        var read = import.ReadTable(mapping);
        var garbled = Mojibake.Find(read);
        var table = mapping.RepairText && garbled.Count > 0 ? Mojibake.Repair(read) : read;
        var brands = new CatalogNames(await CatalogFacets.BrandsAsync(db, ct));
        var categories = new CatalogNames(await CatalogFacets.CategoriesAsync(db, ct));
        return (table, CatalogImportPlan.Plan(table, mapping, await LoadExistingAsync(ct), brands, categories), garbled);
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
