using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Warehouse.WriteOffs;

/// <summary>"Отправить на утверждение": Draft → Submitted by someone at the write-off's location. Nothing moves yet.</summary>
public sealed class SubmitWriteOff(AppDbContext db, LocationScope scope, TimeProvider clock, ICurrentUser user)
{
    /// <summary>Submits the draft and returns its number.</summary>
    /// <exception cref="BusinessRuleException">Not a draft, no lines, or not the user's location.</exception>
    public async Task<string> HandleAsync(long id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var doc = await DocumentLocks.WriteOffAsync(db, id, ct);
        await WarehouseAccess.EnsureAsync(db, scope, doc.LocationId, "оформлять списания", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        doc.Submit(now, user.UserName);
        await WarehouseBell.WriteOffSubmittedAsync(db, doc, now, user.UserId, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return doc.Number;
    }
}
