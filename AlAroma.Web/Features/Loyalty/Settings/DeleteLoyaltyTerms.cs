using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Loyalty.Settings;

/// <summary>Withdraws a version that has not started yet (a mistaken plan); versions in force stay as history.</summary>
public sealed class DeleteLoyaltyTerms(AppDbContext db, LoyaltyTermsStore store, TimeProvider clock)
{
    /// <exception cref="BusinessRuleException">The version is unknown or already in force.</exception>
    public async Task HandleAsync(int id, CancellationToken ct)
    {
        var terms = await db.Set<LoyaltyTerms>().FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new BusinessRuleException("Такой версии условий нет: обновите страницу.");
        if (terms.EffectiveFrom <= LocalTime.Today(clock.GetUtcNow()))
            throw new BusinessRuleException("Эти условия уже действуют и остаются в истории: чтобы изменить их, введите новую версию с завтрашнего дня.");
        db.Remove(terms);
        await db.SaveChangesAsync(ct);
        store.Invalidate();
    }
}
