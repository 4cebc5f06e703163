using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Warehouse.GoodsReceipts;

/// <summary>Cancels a draft goods receipt ("Отменить"); a posted one stays as it is.</summary>
public sealed class CancelGoodsReceipt(AppDbContext db, LocationScope scope)
{
    /// <summary>Cancels the draft and returns its number.</summary>
    /// <exception cref="BusinessRuleException">Not a draft, or not the user's location; nothing changes.</exception>
    public async Task<string> HandleAsync(long id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var receipt = await DocumentLocks.GoodsReceiptAsync(db, id, ct);
        await WarehouseAccess.EnsureAsync(db, scope, receipt.LocationId, "отменять приходы", ct);
        receipt.Cancel();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return receipt.Number;
    }
}
