using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Catalog;

/// <summary>
/// The catalog list: search by name, SKU, barcode or brand; filters by brand, category and active flag; sortable
/// columns; pages. <see cref="Export"/> gives the whole filtered list in the same order.
/// </summary>
public sealed class ListProducts(AppDbContext db)
{
    /// <summary>Products per page.</summary>
    public const int PageSize = 50;

    /// <summary>The query string of the list.</summary>
    /// <param name="Sort">Column key of <see cref="Sorts"/>, "-" in front for descending.</param>
    public sealed record Query(string? Q = null, string? Brand = null, string? Category = null, string? Active = null, int Page = 1, string? Sort = null);

    /// <summary>Columns the list sorts by; by name unless asked.</summary>
    public static readonly SortColumns<Product> Sorts = new SortColumns<Product>("name")
        .Add("sku", p => p.Sku).Add("name", p => p.Name).Add("brand", p => p.Brand).Add("category", p => p.Category)
        .Add("volume", p => p.VolumeMl).Add("price", p => p.RetailPrice).Add("active", p => p.IsActive);

    /// <summary>One line of the table.</summary>
    public sealed record Row(int Id, string Sku, string Name, string? Brand, string? Category, int? VolumeMl, Concentration? Concentration,
        string? Barcode, decimal RetailPrice, bool IsActive);

    /// <summary>The page: rows, the total found, and the choices of the filters.</summary>
    public sealed record Model(Query Query, IReadOnlyList<Row> Rows, int Total, int Page, int Pages, IReadOnlyList<string> Brands, IReadOnlyList<string> Categories,
        ListSort Sort);

    /// <summary>One page of the filtered, sorted list with the filters' choices.</summary>
    public async Task<Model> HandleAsync(Query query, CancellationToken ct)
    {
        // A name spelt two ways in the catalog ("BYREDO", "Byredo") is one choice in the filter and finds both.
        var brands = await CatalogFacets.BrandsAsync(db, ct);
        var categories = await CatalogFacets.CategoriesAsync(db, ct);
        var q = await FilteredAsync(query, brands, categories, ct);
        var total = await q.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pages);
        var sort = Sorts.Parse(query.Sort);
        var rows = await Rows(Sorts.Apply(q, sort).ThenBy(p => p.Id).Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        return new Model(query with { Page = page }, rows, total, page, pages, CatalogNames.Distinct(brands), CatalogNames.Distinct(categories), sort);
    }

    /// <summary>Every product the filters find (at most <see cref="Infrastructure.Excel.ListWorkbook.MaxRows"/>), in the list's sort.</summary>
    public async Task<IReadOnlyList<Row>> Export(Query query, CancellationToken ct)
    {
        var q = await FilteredAsync(query, await CatalogFacets.BrandsAsync(db, ct), await CatalogFacets.CategoriesAsync(db, ct), ct);
        return await Rows(Sorts.Apply(q, Sorts.Parse(query.Sort)).ThenBy(p => p.Id).Take(Infrastructure.Excel.ListWorkbook.MaxRows)).ToListAsync(ct);
    }

    private async Task<IQueryable<Product>> FilteredAsync(Query query, IReadOnlyList<string> brands, IReadOnlyList<string> categories, CancellationToken ct)
    {
        var q = await db.Products.AsNoTracking().MatchingAsync(db, query.Q, ct);
        if (!string.IsNullOrWhiteSpace(query.Brand))
        {
            var spellings = CatalogNames.SpellingsOf(brands, query.Brand);
            q = q.Where(p => spellings.Contains(p.Brand!));
        }
        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            var spellings = CatalogNames.SpellingsOf(categories, query.Category);
            q = q.Where(p => spellings.Contains(p.Category!));
        }
        if (query.Active == "yes") q = q.Where(p => p.IsActive);
        else if (query.Active == "no") q = q.Where(p => !p.IsActive);
        return q;
    }

    private static IQueryable<Row> Rows(IQueryable<Product> q) =>
        q.Select(p => new Row(p.Id, p.Sku, p.Name, p.Brand, p.Category, p.VolumeMl, p.Concentration,
            p.Barcodes.Where(b => !b.IsTester).OrderBy(b => b.Id).Select(b => b.Code).FirstOrDefault(), p.RetailPrice, p.IsActive));
}
