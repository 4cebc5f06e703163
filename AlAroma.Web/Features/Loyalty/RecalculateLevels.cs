using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Loyalty;

/// <summary>
/// Nightly loyalty level recalculation (DOMAIN.md "Loyalty": downgrade in the nightly run): each customer's level
/// becomes <see cref="LoyaltyRules.LevelFor"/> of the goods bought in the last 12 months net of returns (sales of
/// the window minus what was returned of them; certificates sold do not count). The till upgrades at once, so
/// this mostly lowers levels; it also catches an upgrade the till could not see. Idempotent: a second run finds
/// every level already right.
/// </summary>
public sealed class RecalculateLevels(AppDbContext db, LoyaltyRules rules, TimeProvider clock)
{
    /// <returns>Customers whose level changed, in words.</returns>
    public async Task<JobOutcome> RunAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddMonths(-12);
        var bought = await db.Sales.Where(s => s.CustomerId != null && s.CreatedAtUtc > since)
            .GroupBy(s => s.CustomerId!.Value)
            .Select(g => new { Id = g.Key, Sum = g.Sum(s => s.Total - s.Lines.Where(l => l.IsGiftCertificate).Sum(l => l.Total)) })
            .ToDictionaryAsync(x => x.Id, x => x.Sum, ct);
        var returned = await db.SaleReturns
            .Join(db.Sales, r => r.SaleId, s => s.Id, (r, s) => new { r.Total, s.CustomerId, s.CreatedAtUtc })
            .Where(x => x.CustomerId != null && x.CreatedAtUtc > since)
            .GroupBy(x => x.CustomerId!.Value).Select(g => new { Id = g.Key, Sum = g.Sum(x => x.Total) })
            .ToDictionaryAsync(x => x.Id, x => x.Sum, ct);
        // Customers above Standard, plus everyone who bought in the window: the others are Standard and stay so.
        var buyers = bought.Keys.ToList();
        var customers = await db.Customers.Where(c => c.Level != LoyaltyLevel.Standard || buyers.Contains(c.Id)).ToListAsync(ct);
        var (down, up) = (0, 0);
        foreach (var c in customers)
        {
            var level = rules.LevelFor(bought.GetValueOrDefault(c.Id) - returned.GetValueOrDefault(c.Id));
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
