using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Notifications.Outbox;

/// <summary>
/// «Повторить» on the «Уведомления» page: puts failed messages back in the queue, due now, with a fresh set of
/// attempts (the attempt log keeps the earlier ones). Rows that are not "failed" are left alone.
/// </summary>
public sealed class RetryNotifications(AppDbContext db, TimeProvider clock)
{
    /// <summary>Requeues the failed rows among <paramref name="ids"/>; returns how many.</summary>
    public Task<int> HandleAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Notifications.Where(n => ids.Contains(n.Id) && n.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, OutboxStatus.Pending).SetProperty(n => n.Attempts, 0)
                .SetProperty(n => n.NextAttemptAtUtc, now), ct);
    }
}
