using AlAroma.Web.Data;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse;

/// <summary>Finds products for document lines: by a scanned barcode, or by name/SKU/barcode text.</summary>
public sealed class FindProducts(AppDbContext db)
{
    /// <summary>A search hit with what is on hand at the location of interest.</summary>
    public sealed record Hit(int Id, string Sku, string Name, string? Brand, string? Barcode, decimal AverageCost, int OnHand);

    /// <summary>The active product with exactly this barcode (tester barcodes included).</summary>
    /// <exception cref="BusinessRuleException">The code is empty or unknown; the message says what to do.</exception>
    public async Task<(int Id, decimal AverageCost)> ByBarcodeAsync(string? barcode, CancellationToken ct)
    {
        var code = (barcode ?? "").Trim();
        if (code.Length == 0) throw new BusinessRuleException("Отсканируйте штрихкод или введите его и нажмите Enter.");
        var hit = await db.Barcodes.Where(b => b.Code == code)
            .Join(db.Products.Where(p => p.IsActive), b => b.ProductId, p => p.Id, (b, p) => new { p.Id, p.AverageCost })
            .FirstOrDefaultAsync(ct);
        return hit is null
            ? throw new BusinessRuleException($"Штрихкод {code} не найден в каталоге. Найдите товар поиском по названию или артикулу — строки документа не изменились.")
            : (hit.Id, hit.AverageCost);
    }

    /// <summary>Up to <paramref name="take"/> active products matching <paramref name="text"/> (a scanned code, or words in the name, brand or SKU: <see cref="ProductSearch"/>).</summary>
    /// <param name="text">What the person typed; fewer than 2 characters gives nothing.</param>
    /// <param name="locationId">Location whose on-hand quantity to show.</param>
    /// <param name="take">Maximum hits.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<List<Hit>> SearchAsync(string? text, int locationId, int take, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2) return [];
        return await (await db.Products.AsNoTracking().Where(p => p.IsActive).SuggestAsync(db, text, ct)).Products
            .OrderBy(p => p.Name).ThenBy(p => p.Id).Take(take)
            .Select(p => new Hit(p.Id, p.Sku, p.Name, p.Brand,
                p.Barcodes.Where(b => !b.IsTester).OrderBy(b => b.Id).Select(b => b.Code).FirstOrDefault(),
                p.AverageCost,
                db.StockBalances.Where(b => b.LocationId == locationId && b.ProductId == p.Id).Select(b => b.Quantity).FirstOrDefault()))
            .ToListAsync(ct);
    }
}

/// <summary>The product search results partial of a document: hits, each with a small form posting to <paramref name="AddUrl"/>.</summary>
/// <param name="AddUrl">Where a hit's form posts (productId, quantity and, with <paramref name="WithPrice"/>, price).</param>
/// <param name="WithPrice">Ask for the purchase price (goods receipts).</param>
/// <param name="OnHandLabel">Column caption of the on-hand figure, e.g. "На складе".</param>
/// <param name="Query">What was searched.</param>
/// <param name="Hits">The products found.</param>
public sealed record ProductHitsModel(string AddUrl, bool WithPrice, string OnHandLabel, string? Query, IReadOnlyList<FindProducts.Hit> Hits);
