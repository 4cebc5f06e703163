using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Warehouse.Transfers;

/// <summary>
/// Settles the transit discrepancy of a received transfer, once, by a manager or administrator:
/// "Списать как потерю" records who/when/how only (the missing units already left the source when shipped);
/// "Вернуть на склад-источник" also puts the missing units back on the source's stock through
/// <see cref="StockLedger"/> (Correction, the transfer's number). One transaction under the transfer's row lock.
/// </summary>
public sealed class ResolveTransferDiscrepancy(AppDbContext db, LocationScope scope, TimeProvider clock, ICurrentUser user, IHttpContextAccessor http)
{
    /// <summary>Resolves and returns the transfer number.</summary>
    /// <exception cref="BusinessRuleException">Not a manager/admin, not received, no discrepancy, already resolved, or the source is not the user's.</exception>
    public async Task<string> HandleAsync(long id, DiscrepancyResolution how, string? comment, CancellationToken ct)
    {
        WarehouseAccess.EnsureApprover(http.HttpContext?.User, "разбирать расхождения");
        if (!Enum.IsDefined(how)) throw new BusinessRuleException("Выберите, как разобрать расхождение: списать как потерю или вернуть на склад-источник.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var transfer = await DocumentLocks.TransferAsync(db, id, ct);
        await WarehouseAccess.EnsureAsync(db, scope, transfer.FromLocationId, "разбирать расхождения", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        transfer.Resolve(how, comment, now, user.UserName);
        await db.SaveChangesAsync(ct);
        if (how == DiscrepancyResolution.ReturnToSource)
            await StockLedger.ApplyAsync(db, transfer.Lines.Where(l => l.Discrepancy > 0).Select(l => new StockChange(transfer.FromLocationId, l.ProductId, l.Discrepancy)),
                MovementKind.Correction, transfer.Number, transfer.Id, now, user.UserName, ct);
        await tx.CommitAsync(ct);
        return transfer.Number;
    }
}
