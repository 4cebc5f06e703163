using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Labels;

/// <summary>One printed label.</summary>
/// <param name="Price">Formatted retail price ("18 990,00 ₽").</param>
/// <param name="Svg">The barcode as inline SVG (generated from digits only: safe to emit raw).</param>
public sealed record LabelView(string Name, string Meta, string Price, string Sku, string Barcode, string Svg);

/// <summary>The labels to print, in the order chosen, each repeated by its quantity.</summary>
public sealed record LabelSheet(LabelRequest Request, Location? Location, IReadOnlyList<LabelView> Labels)
{
    /// <summary>The labels split into printed pages (<see cref="LabelLayout.PerPage"/> each).</summary>
    public IReadOnlyList<LabelView[]> Pages => Labels.Chunk(Request.Layout.PerPage).ToList();
}

/// <summary>Either the sheet, or the reasons it was refused (Russian sentences naming the products).</summary>
public sealed record LabelSheetResult(LabelSheet? Sheet, IReadOnlyList<string> Errors);

/// <summary>
/// Builds the print view's labels: resolves "по остатку" to the stock at the current location, refuses products
/// without a valid barcode or without a price, bad quantities, an empty or an oversized print — all reasons at once.
/// </summary>
public sealed class BuildLabelSheet(AppDbContext db, LocationScope scope)
{
    /// <summary>The sheet, or the errors (nothing is half-printed).</summary>
    public async Task<LabelSheetResult> HandleAsync(LabelRequest request, CancellationToken ct)
    {
        if (request.Lines.Count == 0)
            return Refused("Не выбрано ни одного товара: отсканируйте штрихкод или найдите товар по названию.");
        var location = await scope.CurrentAsync(ct);
        var ids = request.Lines.Select(l => l.ProductId).ToList();
        var byId = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToLabelProducts(db, location?.Id).ToDictionaryAsync(p => p.Id, ct);

        var errors = new List<string>();
        var missing = request.Lines.Count(l => !byId.ContainsKey(l.ProductId));
        if (missing > 0) errors.Add($"Не найдено товаров из списка: {missing}. Возможно, их удалили — уберите их из списка.");
        var lines = request.Lines.Where(l => byId.ContainsKey(l.ProductId)).Select(l => (Line: l, Product: byId[l.ProductId])).ToList();

        foreach (var (line, product) in lines.Where(x => !x.Line.ByStock && x.Line.Quantity is null))
            errors.Add($"Количество ценников для «{product.Name}» должно быть целым числом от 0 до {LabelRequest.MaxPerProduct} (введено «{line.QuantityText}»).");
        var noBarcode = lines.Where(x => !x.Product.HasPrintableBarcode).Select(x => Named(x.Product)).ToList();
        if (noBarcode.Count > 0)
            errors.Add($"Нет штрихкода EAN-13/EAN-8 у {(noBarcode.Count == 1 ? "товара" : "товаров")}: {string.Join(", ", noBarcode)}. Добавьте штрихкод в карточке товара или уберите товар из списка.");
        var noPrice = lines.Where(x => x.Product.Price <= 0).Select(x => Named(x.Product)).ToList();
        if (noPrice.Count > 0)
            errors.Add($"Не задана розничная цена у {(noPrice.Count == 1 ? "товара" : "товаров")}: {string.Join(", ", noPrice)}. Задайте цену в каталоге или уберите товар из списка.");
        if (lines.Any(x => x.Line.ByStock) && location is null)
            errors.Add("«По остатку» считается по текущей точке, а у вас нет ни одной точки. Обратитесь к администратору.");
        if (errors.Count > 0) return new LabelSheetResult(null, errors);

        var counted = lines.Select(x => (x.Product, Count: x.Line.ByStock ? Math.Max(x.Product.Stock, 0) : x.Line.Quantity!.Value)).ToList();
        var total = counted.Sum(x => (long)x.Count);
        if (total == 0)
            return Refused(lines.All(x => x.Line.ByStock)
                ? $"Нечего печатать: на точке «{location?.Name}» нет остатка выбранных товаров. Укажите количество вручную."
                : "Нечего печатать: у всех товаров количество ценников — 0.");
        if (total > LabelRequest.MaxLabels)
            return Refused($"Слишком много ценников за раз: {total}. Печатайте не больше {LabelRequest.MaxLabels} ({LabelRequest.MaxLabels / LabelLayout.A4.PerPage} листов A4) — разбейте список на части.");

        var labels = new List<LabelView>((int)total);
        foreach (var (product, count) in counted.Where(x => x.Count > 0))
        {
            var view = new LabelView(product.Name, product.Meta, Money.Format(product.Price), product.Sku, product.Barcode!,
                EanSvg.Render(product.Barcode!, request.Layout.Barcode));
            labels.AddRange(Enumerable.Repeat(view, count));
        }
        return new LabelSheetResult(new LabelSheet(request, location, labels), []);
    }

    private static LabelSheetResult Refused(string error) => new(null, [error]);

    private static string Named(LabelProduct p) => $"«{p.Name}» ({p.Sku})";
}
