using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.GoodsReceipts;

/// <summary>
/// Editing the lines of a draft goods receipt: a barcode scan (+1 unit), a product found by search with quantity
/// and price, a changed line, a removed line. Each edit is one transaction under the document's row lock, so it
/// cannot slip in beside a concurrent posting. Returns the refreshed document.
/// </summary>
public sealed class EditGoodsReceiptLines(AppDbContext db, LocationScope scope, FindProducts products, GetGoodsReceipt get)
{
    /// <summary>A scanned barcode adds one unit (or increments the product's line) at the current average cost.</summary>
    /// <exception cref="BusinessRuleException">Unknown barcode, not a draft, or not the user's location; nothing changes.</exception>
    public async Task<GetGoodsReceipt.Model> ScanAsync(long id, string? barcode, CancellationToken ct)
    {
        var (productId, cost) = await products.ByBarcodeAsync(barcode, ct);
        return await EditAsync(id, r => r.AddScanned(productId, cost), ct);
    }

    /// <summary>Adds <paramref name="quantity"/> units at <paramref name="purchasePrice"/> (text as typed: "1 990,50").</summary>
    /// <exception cref="BusinessRuleException">Unknown product, bad quantity or price, not a draft, or not the user's location.</exception>
    public async Task<GetGoodsReceipt.Model> AddAsync(long id, int productId, int quantity, string? purchasePrice, CancellationToken ct)
    {
        var price = ParsePrice(purchasePrice);
        if (!await db.Products.AnyAsync(p => p.Id == productId && p.IsActive, ct)) throw new BusinessRuleException("Товар не найден или снят с продажи.");
        return await EditAsync(id, r => r.AddLine(productId, quantity, price), ct);
    }

    /// <summary>Sets quantity and price of a line.</summary>
    /// <exception cref="BusinessRuleException">Bad quantity or price, not a draft, or not the user's location.</exception>
    public Task<GetGoodsReceipt.Model> ChangeAsync(long id, long lineId, int quantity, string? purchasePrice, CancellationToken ct)
    {
        var price = ParsePrice(purchasePrice);
        return EditAsync(id, r => r.ChangeLine(lineId, quantity, price), ct);
    }

    /// <summary>Removes a line.</summary>
    /// <exception cref="BusinessRuleException">Not a draft, or not the user's location.</exception>
    public Task<GetGoodsReceipt.Model> RemoveAsync(long id, long lineId, CancellationToken ct) =>
        EditAsync(id, r => r.RemoveLine(lineId), ct);

    private static decimal ParsePrice(string? text) =>
        Money.Parse(text) ?? throw new BusinessRuleException("Введите закупочную цену числом, например 1 990,50.");

    private async Task<GetGoodsReceipt.Model> EditAsync(long id, Action<GoodsReceipt> change, CancellationToken ct)
    {
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var receipt = await DocumentLocks.GoodsReceiptAsync(db, id, ct);
            await WarehouseAccess.EnsureAsync(db, scope, receipt.LocationId, "изменять приходы", ct);
            change(receipt);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return (await get.HandleAsync(id, ct))!;
    }
}
