using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Warehouse.WriteOffs;

/// <summary>"Отклонить": a manager or administrator refuses a submitted write-off with a reason; nothing moves.</summary>
public sealed class RejectWriteOff(AppDbContext db, LocationScope scope, TimeProvider clock, ICurrentUser user, IHttpContextAccessor http)
{
    /// <summary>Rejects and returns the number.</summary>
    /// <exception cref="BusinessRuleException">Not a manager/admin, not submitted, no reason, or not the user's location.</exception>
    public async Task<string> HandleAsync(long id, string? reason, CancellationToken ct)
    {
        WarehouseAccess.EnsureApprover(http.HttpContext?.User, "отклонять списания");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var doc = await DocumentLocks.WriteOffAsync(db, id, ct);
        await WarehouseAccess.EnsureAsync(db, scope, doc.LocationId, "отклонять списания", ct);
        doc.Reject(reason, clock.GetUtcNow().UtcDateTime, user.UserName);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return doc.Number;
    }
}
