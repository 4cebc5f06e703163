using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Admin.Audit;

/// <summary>
/// Nightly clean-up of the audit log (DOMAIN.md: audit entries are kept 90 days, configurable): deletes entries
/// older than <c>Audit:KeepDays</c> days (default <see cref="DefaultKeepDays"/>), in batches of
/// <see cref="Batch"/> so that a year of history never holds one huge transaction. Idempotent: the second run
/// finds nothing older than the cut-off.
/// </summary>
public sealed class PurgeAuditEntries(AppDbContext db, IConfiguration config, TimeProvider clock)
{
    /// <summary>Days the audit log is kept when <c>Audit:KeepDays</c> is not set.</summary>
    public const int DefaultKeepDays = 90;

    /// <summary>Rows deleted per statement.</summary>
    public const int Batch = 10_000;

    /// <returns>Entries deleted, in words.</returns>
    /// <exception cref="InvalidOperationException"><c>Audit:KeepDays</c> is less than 1.</exception>
    public async Task<JobOutcome> RunAsync(CancellationToken ct)
    {
        var days = config.GetValue("Audit:KeepDays", DefaultKeepDays);
        if (days < 1) throw new InvalidOperationException($"Audit:KeepDays = {days}: журнал аудита хранится не меньше одного дня, исправьте настройку.");
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        var total = 0;
        int deleted;
        do
        {
            deleted = await db.Database.ExecuteSqlAsync($"""
                DELETE FROM audit_entries WHERE id IN (SELECT id FROM audit_entries WHERE at_utc < {cutoff} ORDER BY id LIMIT {Batch})
                """, ct);
            total += deleted;
        } while (deleted == Batch);
        return new JobOutcome(total, total == 0
            ? $"Записей старше {days} {Plural.Of(days, "дня", "дней", "дней")} нет"
            : $"Удалено {total} {Plural.Of(total, "запись", "записи", "записей")} журнала аудита старше {days} {Plural.Of(days, "дня", "дней", "дней")}");
    }
}

/// <summary>Quartz job of <see cref="PurgeAuditEntries"/>.</summary>
public sealed class PurgeAuditEntriesJob(PurgeAuditEntries work) : ScheduledJob
{
    protected override Task<JobOutcome> RunAsync(CancellationToken ct) => work.RunAsync(ct);
}
