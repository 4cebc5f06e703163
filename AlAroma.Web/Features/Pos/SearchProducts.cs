using AlAroma.Web.Data;
using AlAroma.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>Product search at the till for goods without a readable barcode: words of the name, brand or SKU, or a typed barcode (<see cref="ProductSearch"/>); the first 20 by name (of at most the first <see cref="ProductSearch.SuggestionCandidates"/> matches).</summary>
public sealed class SearchProducts(AppDbContext db, TillAccess till)
{
    /// <summary>Most products shown; a full list means "type more to narrow it".</summary>
    public const int Limit = 20;

    /// <summary>A found product with its price (₽) and units on hand at the register's shop.</summary>
    public sealed record Row(int ProductId, string Name, string Details, string Sku, string? Barcode, decimal Price, int OnHand, bool Sellable);

    /// <summary>Up to 20 matches of <paramref name="query"/> (empty for fewer than 2 characters or a register the user may not use).</summary>
    public async Task<IReadOnlyList<Row>> HandleAsync(int registerId, string? query, CancellationToken ct)
    {
        var q = (query ?? "").Trim();
        if (q.Length < 2 || await till.FindRegisterAsync(registerId, ct) is not { } found) return [];
        var location = found.Location;
        // The first 20 by name of the candidates; inactive products show as not for sale.
        var (candidates, _) = await db.Products.AsNoTracking().SuggestAsync(db, q, ct);
        var rows = await candidates.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(Limit)
            .Select(p => new
            {
                p.Id, p.Name, p.Brand, p.VolumeMl, p.Concentration, p.Sku, p.RetailPrice, p.IsActive,
                Barcode = p.Barcodes.Where(b => !b.IsTester).OrderBy(b => b.Id).Select(b => b.Code).FirstOrDefault(),
                OnHand = db.StockBalances.Where(b => b.LocationId == location.Id && b.ProductId == p.Id).Select(b => (int?)b.Quantity).FirstOrDefault() ?? 0,
            }).ToListAsync(ct);
        return rows.Select(r => new Row(r.Id, r.Name, GetTill.Details(r.Brand, r.VolumeMl, r.Concentration), r.Sku, r.Barcode, r.RetailPrice, r.OnHand,
            r.IsActive && r.RetailPrice > 0)).ToList();
    }
}
