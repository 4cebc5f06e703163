using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse;

/// <summary>
/// Editing the lines of a draft transfer by the source location: a barcode scan (+1 unit), a product found by
/// search with a quantity, a changed quantity, a removed line. One transaction under the document's row lock per
/// edit. Stock is checked when shipping, not here. Returns the refreshed document.
/// </summary>
public sealed class EditTransferLines(AppDbContext db, LocationScope scope, FindProducts products, GetTransfer get)
{
    /// <summary>A scanned barcode adds one unit or increments the product's line.</summary>
    /// <exception cref="BusinessRuleException">Unknown barcode, not a draft, or not the user's source location; nothing changes.</exception>
    public async Task<GetTransfer.Model> ScanAsync(long id, string? barcode, CancellationToken ct)
    {
        var (productId, _) = await products.ByBarcodeAsync(barcode, ct);
        return await EditAsync(id, t => t.AddLine(productId, 1), ct);
    }

    /// <summary>Adds <paramref name="quantity"/> units of a product.</summary>
    /// <exception cref="BusinessRuleException">Unknown product, quantity ≤ 0, not a draft, or not the user's source location.</exception>
    public async Task<GetTransfer.Model> AddAsync(long id, int productId, int quantity, CancellationToken ct)
    {
        if (!await db.Products.AnyAsync(p => p.Id == productId && p.IsActive, ct)) throw new BusinessRuleException("Товар не найден или снят с продажи.");
        return await EditAsync(id, t => t.AddLine(productId, quantity), ct);
    }

    /// <summary>Sets the quantity of a line.</summary>
    /// <exception cref="BusinessRuleException">Quantity ≤ 0, not a draft, or not the user's source location.</exception>
    public Task<GetTransfer.Model> ChangeAsync(long id, long lineId, int quantity, CancellationToken ct) =>
        EditAsync(id, t => t.ChangeLine(lineId, quantity), ct);

    /// <summary>Removes a line.</summary>
    /// <exception cref="BusinessRuleException">Not a draft, or not the user's source location.</exception>
    public Task<GetTransfer.Model> RemoveAsync(long id, long lineId, CancellationToken ct) =>
        EditAsync(id, t => t.RemoveLine(lineId), ct);

    private async Task<GetTransfer.Model> EditAsync(long id, Action<Transfer> change, CancellationToken ct)
    {
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var transfer = await DocumentLocks.TransferAsync(db, id, ct);
            await WarehouseAccess.EnsureAsync(db, scope, transfer.FromLocationId, "изменять перемещения", ct);
            change(transfer);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return (await get.HandleAsync(id, ct))!;
    }
}
