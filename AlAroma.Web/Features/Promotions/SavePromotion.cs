using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Promotions;

/// <summary>Creates a promotion (status Active) or saves changes to one; the status is changed only by <see cref="SetPromotionPaused"/>.</summary>
public sealed class SavePromotion(AppDbContext db, TimeProvider clock, ICurrentUser user, LocationScope scope)
{
    /// <summary>
    /// Validates and saves <paramref name="form"/> in one SaveChanges (audited).
    /// Returns the promotion's id, or the Russian errors keyed by field name (nothing saved).
    /// Throws <see cref="BusinessRuleException"/> when the promotion is gone or lies outside the user's locations.
    /// </summary>
    public async Task<(int? Id, Dictionary<string, string> Errors)> HandleAsync(PromotionForm form, CancellationToken ct)
    {
        var record = form.Id is { } id
            ? await db.Set<PromotionRecord>().FindAsync([id], ct) ?? throw new BusinessRuleException("Акция не найдена — возможно, её удалили. Обновите список.")
            : new PromotionRecord();
        if (record.Id != 0) await PromotionScope.EnsureMayManageAsync(scope, record.LocationIds, ct);
        var errors = await form.ToRecordAsync(db, record, ct);
        if (errors.Count > 0) return (null, errors);
        await PromotionScope.EnsureMayManageAsync(scope, record.LocationIds, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (record.Id == 0)
        {
            record.CreatedAtUtc = now;
            record.CreatedBy = user.UserName;
            db.Add(record);
        }
        record.UpdatedAtUtc = now;
        record.UpdatedBy = user.UserName;
        await db.SaveChangesAsync(ct);
        return (record.Id, []);
    }
}
