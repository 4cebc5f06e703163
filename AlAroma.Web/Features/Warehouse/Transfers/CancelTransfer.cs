using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Warehouse.Transfers;

/// <summary>Cancels a draft transfer ("Отменить"); a shipped one must be received instead.</summary>
public sealed class CancelTransfer(AppDbContext db, LocationScope scope)
{
    /// <summary>Cancels the draft and returns its number.</summary>
    /// <exception cref="BusinessRuleException">Not a draft, or the source is not the user's location; nothing changes.</exception>
    public async Task<string> HandleAsync(long id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var transfer = await DocumentLocks.TransferAsync(db, id, ct);
        await WarehouseAccess.EnsureAsync(db, scope, transfer.FromLocationId, "отменять перемещения", ct);
        transfer.Cancel();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return transfer.Number;
    }
}
