using AlAroma.Web.Features.Locations;
using System.Globalization;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Labels;

/// <summary>A scan or a pick from the search: <paramref name="Code"/> (barcode, SKU or a name) or <paramref name="ProductId"/>, and what is chosen already.</summary>
public sealed record AddLabelInput(string? Code, int? ProductId, LabelRequest Current);

/// <summary>The row to show: new (quantity 1), or the existing one with one more label.</summary>
public sealed record AddedLabelRow(LabelRow Row, bool AlreadyListed);

/// <summary>
/// Adds a product to the labels being chosen. A code is tried as an exact barcode (testers' too), then an exact SKU,
/// then as a search that must find exactly one product; scanning a product already listed adds one label to it.
/// </summary>
public sealed class AddLabelProduct(AppDbContext db, LocationScope scope)
{
    /// <summary>Finds the product and the row to show.</summary>
    /// <exception cref="BusinessRuleException">Nothing entered, nothing found, several found, or the product is out of the range.</exception>
    public async Task<AddedLabelRow> HandleAsync(AddLabelInput input, CancellationToken ct)
    {
        var location = await scope.CurrentAsync(ct);
        var products = db.Products.AsNoTracking();
        var code = input.Code?.Trim() ?? "";
        int? id = input.ProductId;
        if (id is null)
        {
            if (code.Length == 0) throw new BusinessRuleException("Отсканируйте штрихкод или введите название или артикул товара.");
            id = await products.Where(p => p.Barcodes.Any(b => b.Code == code)).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct)
                ?? await products.Where(p => p.Sku.ToLower() == code.ToLower()).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        }
        if (id is null)
        {
            var found = await (await FindLabelProducts.MatchingAsync(db, products, code, ct)).Select(p => p.Id).Take(2).ToListAsync(ct);
            if (found.Count == 0) throw new BusinessRuleException($"Товар «{code}» не найден. Проверьте штрихкод или найдите товар по названию.");
            if (found.Count > 1) throw new BusinessRuleException($"По запросу «{code}» найдено несколько товаров — выберите нужный в списке под полем поиска.");
            id = found[0];
        }

        var productId = id.Value;
        var product = await products.Where(p => p.Id == productId).ToLabelProducts(db, location?.Id).FirstOrDefaultAsync(ct)
            ?? throw new BusinessRuleException("Товар не найден: возможно, его удалили. Обновите страницу.");
        if (!await products.AnyAsync(p => p.Id == productId && p.IsActive, ct))
            throw new BusinessRuleException($"Товар «{product.Name}» выведен из ассортимента — ценник на него не печатается.");

        var existing = input.Current.Lines.FirstOrDefault(l => l.ProductId == productId);
        if (existing is null) return new AddedLabelRow(new LabelRow(product, "1", false), false);
        var more = Math.Min((existing.Quantity ?? 0) + 1, LabelRequest.MaxPerProduct);
        return new AddedLabelRow(new LabelRow(product, more.ToString(CultureInfo.InvariantCulture), existing.ByStock), true);
    }
}
