using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Warehouse.Transfers;

/// <summary>
/// "Принять": Shipped → Received in one transaction with the counted quantity per line; what arrived is put on the
/// destination's stock (TransferIn). A difference to the shipped quantity stays on the lines as the transit
/// discrepancy ("Расхождение"); resolving it as loss or return is a later document.
/// </summary>
public sealed class ReceiveTransfer(AppDbContext db, LocationScope scope, TimeProvider clock, ICurrentUser user)
{
    /// <summary>Receives the transfer and returns its number and whether there was a discrepancy.</summary>
    /// <param name="id">Transfer id.</param>
    /// <param name="received">Units counted per line id; a missing line counts as received in full.</param>
    /// <param name="ct">Cancellation.</param>
    /// <exception cref="BusinessRuleException">Not in transit, a bad quantity, or the destination is not the user's location.</exception>
    public async Task<(string Number, bool Discrepancy)> HandleAsync(long id, IReadOnlyDictionary<long, int> received, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var transfer = await DocumentLocks.TransferAsync(db, id, ct);
        await WarehouseAccess.EnsureAsync(db, scope, transfer.ToLocationId, "принимать товар", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        transfer.Receive(received, now, user.UserName);
        await StockLedger.ApplyAsync(db, transfer.Lines.Select(l => new StockChange(transfer.ToLocationId, l.ProductId, l.ReceivedQuantity ?? 0)),
            MovementKind.TransferIn, transfer.Number, transfer.Id, now, user.UserName, ct);
        await WarehouseBell.TransferReceivedAsync(db, transfer, now, user.UserId, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (transfer.Number, transfer.HasDiscrepancy);
    }
}
