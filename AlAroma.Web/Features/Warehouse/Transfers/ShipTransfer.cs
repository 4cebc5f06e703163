using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Warehouse.Transfers;

/// <summary>
/// "Отгрузить": Draft → Shipped in one transaction; every line leaves the source through <see cref="StockLedger"/>
/// (TransferOut). A shortage of any line refuses the whole shipment with the product and what is on hand, and
/// nothing moves. Concurrent shipments of one product queue on its balance row and never overdraw it.
/// </summary>
public sealed class ShipTransfer(AppDbContext db, LocationScope scope, TimeProvider clock, ICurrentUser user)
{
    /// <summary>Ships the transfer and returns its number.</summary>
    /// <exception cref="BusinessRuleException">Not a draft, no lines, short stock, or the source is not the user's location.</exception>
    public async Task<string> HandleAsync(long id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var transfer = await DocumentLocks.TransferAsync(db, id, ct);
        await WarehouseAccess.EnsureAsync(db, scope, transfer.FromLocationId, "отгружать товар", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        transfer.Ship(now, user.UserName);
        await StockLedger.ApplyAsync(db, transfer.Lines.Select(l => new StockChange(transfer.FromLocationId, l.ProductId, -l.Quantity)),
            MovementKind.TransferOut, transfer.Number, transfer.Id, now, user.UserName, ct);
        await WarehouseBell.TransferShippedAsync(db, transfer, now, user.UserId, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return transfer.Number;
    }
}
