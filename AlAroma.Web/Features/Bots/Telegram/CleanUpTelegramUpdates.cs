using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Bots.Telegram;

/// <summary>
/// Nightly: forgets handled update ids older than <see cref="KeepDays"/> days. Telegram keeps an undelivered update at
/// most 24 hours (Bot API "Getting updates"), so no resend can come after that; a second run the same night deletes nothing.
/// </summary>
public sealed class CleanUpTelegramUpdates(AppDbContext db, TimeProvider clock)
{
    /// <summary>Days an update id is remembered (well above Telegram's 24 h of resends).</summary>
    public const int KeepDays = 7;

    /// <summary>Deletes the old rows of <c>telegram_updates</c> and says how many.</summary>
    public async Task<JobOutcome> RunAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-KeepDays);
        var deleted = await db.TelegramUpdates.Where(u => u.ReceivedAtUtc < cutoff).ExecuteDeleteAsync(ct);
        return new JobOutcome(deleted, $"Забыто обработанных обновлений Telegram старше {KeepDays} дн.: {deleted}");
    }
}

/// <summary>Quartz job of <see cref="CleanUpTelegramUpdates"/>.</summary>
public sealed class CleanUpTelegramUpdatesJob(CleanUpTelegramUpdates work) : ScheduledJob
{
    protected override Task<JobOutcome> RunAsync(CancellationToken ct) => work.RunAsync(ct);
}
