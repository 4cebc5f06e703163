using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.WriteOffs;

/// <summary>
/// "Утвердить": a manager or administrator posts a submitted write-off in one transaction — every line leaves the
/// location's stock through <see cref="StockLedger"/> (WriteOff) and the lines keep the average cost of the moment.
/// A shortage of any line refuses the whole approval with the product and what is on hand, and nothing moves.
/// </summary>
public sealed class ApproveWriteOff(AppDbContext db, LocationScope scope, TimeProvider clock, ICurrentUser user, IHttpContextAccessor http)
{
    /// <summary>Approves and returns the number.</summary>
    /// <exception cref="BusinessRuleException">Not a manager/admin, not submitted, short stock, or not the user's location.</exception>
    public async Task<string> HandleAsync(long id, CancellationToken ct)
    {
        WarehouseAccess.EnsureApprover(http.HttpContext?.User, "утверждать списания");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var doc = await DocumentLocks.WriteOffAsync(db, id, ct);
        await WarehouseAccess.EnsureAsync(db, scope, doc.LocationId, "утверждать списания", ct);
        var ids = doc.Lines.Select(l => l.ProductId).ToList();
        var costs = await db.Products.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.AverageCost, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        doc.Approve(costs, now, user.UserName);
        await StockLedger.ApplyAsync(db, doc.Lines.Select(l => new StockChange(doc.LocationId, l.ProductId, -l.Quantity)),
            MovementKind.WriteOff, doc.Number, doc.Id, now, user.UserName, ct);
        await tx.CommitAsync(ct);
        return doc.Number;
    }
}
