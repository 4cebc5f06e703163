using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Loyalty.Settings;

/// <summary>
/// Saves a new version of the loyalty terms from <see cref="LoyaltyTerms.EffectiveFrom"/> (a local day of the chain's
/// time zone, today or later: past sales keep the terms they were made under). A version already dated on that day
/// is replaced while it has not started; today's version, once in force, is not. Audited by the interceptor.
/// </summary>
public sealed class SaveLoyaltyTerms(AppDbContext db, LoyaltyTermsStore store, TimeProvider clock, IHttpContextAccessor http)
{
    /// <returns>The field mistakes (empty when saved).</returns>
    public async Task<IReadOnlyList<(string Field, string Message)>> HandleAsync(LoyaltyTerms input, CancellationToken ct)
    {
        var mistakes = input.Mistakes().ToList();
        var today = LocalTime.Today(clock.GetUtcNow());
        if (input.EffectiveFrom < today)
            mistakes.Add((nameof(input.EffectiveFrom), $"Условия нельзя изменить задним числом: укажите {today:dd.MM.yyyy} или более позднюю дату."));
        var same = await db.Set<LoyaltyTerms>().FirstOrDefaultAsync(t => t.EffectiveFrom == input.EffectiveFrom, ct);
        if (same is not null && same.EffectiveFrom <= today)
            mistakes.Add((nameof(input.EffectiveFrom), "С этого дня уже действуют другие условия: новые можно ввести с завтрашнего дня."));
        if (mistakes.Count > 0) return mistakes;

        var user = http.HttpContext?.User;
        var target = same ?? db.Add(new LoyaltyTerms()).Entity;
        input.Id = target.Id;
        db.Entry(target).CurrentValues.SetValues(input);
        target.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
        target.CreatedBy = user?.FindFirst(StaffClaimsFactory.FullNameClaim)?.Value ?? user?.Identity?.Name ?? "Система";
        target.Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        await db.SaveChangesAsync(ct);
        store.Invalidate();
        return [];
    }
}
