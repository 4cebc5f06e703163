using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Promotions;

/// <summary>Pauses a promotion (the till stops applying it at once) or resumes it.</summary>
public sealed class SetPromotionPaused(AppDbContext db, TimeProvider clock, ICurrentUser user, LocationScope scope)
{
    /// <summary>
    /// Sets the status to Paused (<paramref name="paused"/>) or Active and returns the promotion's name.
    /// Throws <see cref="BusinessRuleException"/> when it is gone or outside the user's locations.
    /// </summary>
    public async Task<string> HandleAsync(int id, bool paused, CancellationToken ct)
    {
        var record = await db.Set<PromotionRecord>().FindAsync([id], ct)
            ?? throw new BusinessRuleException("Акция не найдена — возможно, её удалили. Обновите список.");
        await PromotionScope.EnsureMayManageAsync(scope, record.LocationIds, ct);
        var status = paused ? PromotionStatus.Paused : PromotionStatus.Active;
        if (record.Status == status) return record.Name;
        record.Status = status;
        record.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        record.UpdatedBy = user.UserName;
        await db.SaveChangesAsync(ct);
        return record.Name;
    }
}
