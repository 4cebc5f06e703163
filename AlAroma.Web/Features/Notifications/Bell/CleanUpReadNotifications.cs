using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Jobs;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Notifications.Bell;

/// <summary>Settings of the bell (section "Notifications:Bell").</summary>
public sealed class BellOptions
{
    /// <summary>Days a read notification is kept before the clean-up deletes it (DOMAIN.md: 30).</summary>
    public int ReadRetentionDays { get; set; } = 30;
}

/// <summary>
/// Nightly clean-up (the lead schedules it): deletes notifications read before the start of the business day
/// (chain zone, Europe/Moscow by default) <see cref="BellOptions.ReadRetentionDays"/> days ago. The cut-off is a day
/// boundary, so a second run on the same day deletes nothing: idempotent. Unread ones are never deleted.
/// </summary>
public sealed class CleanUpReadNotifications(AppDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<BellOptions> options)
{
    /// <summary>Deletes the old read notifications and says how many.</summary>
    public async Task<JobOutcome> RunAsync(CancellationToken ct)
    {
        var days = Math.Max(1, options.Value.ReadRetentionDays);
        var today = LocalTime.Today(clock.GetUtcNow());
        var cutoff = LocalTime.UtcRange(today.AddDays(-days)).FromUtc;
        var deleted = await db.Set<UserNotification>().Where(n => n.ReadUtc != null && n.ReadUtc < cutoff).ExecuteDeleteAsync(ct);
        return new JobOutcome(deleted, $"Удалено прочитанных уведомлений старше {days} дн.: {deleted}");
    }
}
