using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Loyalty;

/// <summary>
/// Nightly: posts an «Expiry» ledger entry per customer for the points whose 12 months have passed, by the FIFO
/// rule of <see cref="PointsFifo"/> (only what is left of each accrual expires). Only customers with a positive
/// balance and an accrual past its date are looked at (with no live points nothing can expire). Each customer is
/// done in a transaction that holds the customer's row, so a till spending points meanwhile waits and the replay
/// sees its spend. Idempotent: the second run finds the expiry already posted and posts nothing.
/// </summary>
public sealed class ExpirePoints(AppDbContext db, TimeProvider clock)
{
    /// <returns>Customers whose points expired and how many points, in words.</returns>
    public async Task<JobOutcome> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Customers.AsNoTracking()
            .Where(c => c.PointsBalance > 0 && db.PointsEntries.Any(e => e.CustomerId == c.Id && e.ExpiresAtUtc <= now))
            .Select(c => c.Id).ToListAsync(ct);
        var (customers, points) = (0, 0);
        foreach (var id in candidates)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM customers WHERE id = {id} FOR UPDATE", ct);
            var ledger = await db.PointsEntries.AsNoTracking().Where(e => e.CustomerId == id).OrderBy(e => e.Id)
                .Select(e => new PointsFifo.Entry(e.AtUtc, e.Points, e.ExpiresAtUtc, e.Kind == PointsEntryKind.Expiry)).ToListAsync(ct);
            var posted = -ledger.Where(e => e.IsExpiry).Sum(e => e.Points);
            var due = PointsFifo.ExpiredBy(ledger, now) - posted;
            if (due <= 0) continue;
            await PointsLedger.PostAsync(db, id, PointsEntryKind.Expiry, -due, null, now, JobsSetup.SystemUserName, "Сгорание баллов старше 12 месяцев", ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            customers++;
            points += due;
        }
        return new JobOutcome(customers, customers == 0
            ? "Сгоревших баллов нет"
            : $"Сгорело {points} {Plural.Of(points, "балл", "балла", "баллов")} у {customers} {Plural.Of(customers, "клиента", "клиентов", "клиентов")}");
    }
}
