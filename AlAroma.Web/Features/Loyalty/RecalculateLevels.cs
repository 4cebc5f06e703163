using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Jobs;
using AlAroma.Web.Features.Loyalty.Settings;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Loyalty;

/// <summary>
/// Nightly loyalty level recalculation (DOMAIN.md "Loyalty": downgrade in the nightly run): each customer's level
/// becomes <see cref="LoyaltyRules.LevelFor"/> (terms in force today) of <see cref="LoyaltyPurchases"/> of the last
/// 12 months (net of returns; certificates sold do not count). The till upgrades at once, so
/// this mostly lowers levels; it also catches an upgrade the till could not see. Idempotent: a second run finds
/// every level already right.
/// </summary>
public sealed class RecalculateLevels(AppDbContext db, LoyaltyTermsStore terms, TimeProvider clock)
{
    /// <returns>Customers whose level changed, in words.</returns>
    public async Task<JobOutcome> RunAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddMonths(-12);
        var rules = (await terms.ForNowAsync(null, ct)).Rules;
        var bought = await LoyaltyPurchases.NetByCustomerAsync(db, since, ct);
        // Customers above Standard, plus everyone who bought in the window: the others are Standard and stay so.
        var buyers = bought.Keys.ToList();
        var customers = await db.Customers.Where(c => c.Level != LoyaltyLevel.Standard || buyers.Contains(c.Id)).ToListAsync(ct);
        var (down, up) = (0, 0);
        foreach (var c in customers)
        {
            var level = rules.LevelFor(bought.GetValueOrDefault(c.Id));
            if (level == c.Level) continue;
            if (level < c.Level) down++; else up++;
            c.Level = level;
        }
        await db.SaveChangesAsync(ct);
        var changed = down + up;
        return new JobOutcome(changed, changed == 0
            ? "Уровни клиентов не изменились"
            : $"Понижен уровень у {down} {Plural.Of(down, "клиента", "клиентов", "клиентов")}, повышен у {up}");
    }
}
