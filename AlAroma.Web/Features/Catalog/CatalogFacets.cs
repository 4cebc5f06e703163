using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Catalog;

/// <summary>
/// The brands and categories of the catalog for filter drop-downs. Read as a loose index scan (a recursive query
/// that jumps from one value to the next through the column's index), so the cost grows with the number of
/// distinct values (tens to hundreds), not with the 300 000 products, and the lists are never stale.
/// </summary>
public static class CatalogFacets
{
    /// <summary>Distinct non-empty brands, in the database's order.</summary>
    public static Task<List<string>> BrandsAsync(AppDbContext db, CancellationToken ct) => db.Database.SqlQueryRaw<string>(Distinct("brand")).ToListAsync(ct);

    /// <summary>Distinct non-empty categories, in the database's order.</summary>
    public static Task<List<string>> CategoriesAsync(AppDbContext db, CancellationToken ct) => db.Database.SqlQueryRaw<string>(Distinct("category")).ToListAsync(ct);

    // Only the two fixed column names above reach this string.
    private static string Distinct(string column) => $"""
        WITH RECURSIVE v AS (
            (SELECT {column} AS x FROM products WHERE {column} > '' ORDER BY {column} LIMIT 1)
            UNION ALL
            SELECT (SELECT {column} FROM products WHERE {column} > v.x ORDER BY {column} LIMIT 1) FROM v WHERE v.x IS NOT NULL
        )
        SELECT x AS "Value" FROM v WHERE x IS NOT NULL
        """;
}
