using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.GoodsReceipts;

/// <summary>
/// Posts a draft goods receipt ("Провести") in one transaction: the stock arrives at the receipt's location
/// through <see cref="StockLedger"/> (GoodsReceipt movements) and each product's moving-average cost is updated
/// with <see cref="MovingAverageCost"/> from the stock at all locations before posting. Product rows are locked
/// in id order, so concurrent receipts of the same product compute their averages one after another.
/// </summary>
public sealed class PostGoodsReceipt(AppDbContext db, LocationScope scope, TimeProvider clock, ICurrentUser user)
{
    /// <summary>Posts the receipt and returns its number; refuses lines at 0,00 ₽ (see the other overload).</summary>
    /// <exception cref="BusinessRuleException">Not a draft, no lines, a line at 0,00 ₽, or not the user's location; nothing changes.</exception>
    public Task<string> HandleAsync(long id, CancellationToken ct) => HandleAsync(id, freeLinesConfirmed: false, ct);

    /// <summary>Posts the receipt and returns its number.</summary>
    /// <param name="freeLinesConfirmed">The person confirmed that lines at 0,00 ₽ purchase price are meant (free samples).</param>
    /// <exception cref="BusinessRuleException">Not a draft, no lines, unconfirmed lines at 0,00 ₽, or not the user's location; nothing changes.</exception>
    public async Task<string> HandleAsync(long id, bool freeLinesConfirmed, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Document first (its lines cannot change any more), then its products in id order, then load fresh values.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM goods_receipts WHERE id = {id} FOR UPDATE", ct);
        var productIds = await db.Set<GoodsReceiptLine>().Where(l => l.GoodsReceiptId == id).Select(l => l.ProductId).Distinct().ToArrayAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM products WHERE id = ANY({productIds}) ORDER BY id FOR UPDATE", ct);
        var receipt = await DocumentLocks.GoodsReceiptAsync(db, id, ct);
        await WarehouseAccess.EnsureAsync(db, scope, receipt.LocationId, "проводить приходы", ct);
        if (receipt.FreeLineCount is > 0 and var free && !freeLinesConfirmed)
            throw new BusinessRuleException($"Закупочная цена 0,00 ₽ в строках: {free}. Себестоимость этих товаров станет нулевой. "
                                            + "Укажите цену или, если это бесплатные образцы, подтвердите проведение.");
        var now = clock.GetUtcNow().UtcDateTime;
        receipt.Post(now, user.UserName);

        var onHand = await db.StockBalances.Where(b => productIds.Contains(b.ProductId))
            .GroupBy(b => b.ProductId).Select(g => new { g.Key, Qty = g.Sum(b => b.Quantity) })
            .ToDictionaryAsync(x => x.Key, x => x.Qty, ct);
        foreach (var g in receipt.Lines.GroupBy(l => l.Product!))
            g.Key.AverageCost = MovingAverageCost.NextForTotal(onHand.GetValueOrDefault(g.Key.Id), g.Key.AverageCost,
                g.Sum(l => l.Quantity), g.Sum(l => l.Quantity * l.PurchasePrice));

        await StockLedger.ApplyAsync(db, receipt.Lines.Select(l => new StockChange(receipt.LocationId, l.ProductId, l.Quantity)),
            MovementKind.GoodsReceipt, receipt.Number, receipt.Id, now, user.UserName, ct);
        await tx.CommitAsync(ct);
        return receipt.Number;
    }
}
