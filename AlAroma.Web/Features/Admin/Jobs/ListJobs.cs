using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace AlAroma.Web.Features.Admin.Jobs;

/// <summary>
/// The «Задания» page: every job of the Quartz store with its schedule in words, state, next run, last run and
/// recent failures. Read from the shared Quartz tables and <c>job_runs</c> only (never this process's memory), so
/// every instance of the app shows the same. Times are UTC here; the view shows them in the chain's default zone.
/// </summary>
public sealed class ListJobs(ISchedulerFactory schedulers, AppDbContext db, TimeProvider clock)
{
    /// <summary>How far back «recent failures» reach, days.</summary>
    public const int FailureDays = 7;

    /// <summary>Failures shown per job at most.</summary>
    public const int FailuresShown = 3;

    public sealed record Run(DateTime StartedAtUtc, TimeSpan Took, bool Succeeded, int Rows, string? Summary, string? Error, string InstanceId, string? StartedBy);

    /// <param name="Paused">The schedule is paused («Возобновить» resumes it).</param>
    /// <param name="Waiting">A «Запустить сейчас» is queued or the job is running right now on some node.</param>
    public sealed record Job(string Key, string Description, string Schedule, bool Paused, bool Waiting, DateTime? NextUtc, Run? Last, IReadOnlyList<Run> Failures);

    public async Task<IReadOnlyList<Job>> HandleAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var jobs = (await scheduler.QueryJobs(new JobQuery { Take = PagedQuery.All }, ct)).Items;
        var triggers = (await scheduler.QueryTriggers(new TriggerQuery { Take = PagedQuery.All }, ct)).Items;
        var keys = jobs.Select(j => j.Key.Name).ToList();
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-FailureDays);
        var last = await db.JobRuns.AsNoTracking().Where(r => keys.Contains(r.JobKey))
            .GroupBy(r => r.JobKey).Select(g => g.OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id).First()).ToListAsync(ct);
        var failures = await db.JobRuns.AsNoTracking().Where(r => keys.Contains(r.JobKey) && !r.Succeeded && r.StartedAtUtc >= since)
            .OrderByDescending(r => r.StartedAtUtc).ToListAsync(ct);

        var list = new List<Job>();
        foreach (var j in jobs)
        {
            var own = triggers.Where(t => t.JobKey.Equals(j.Key)).ToList();
            var schedule = own.FirstOrDefault(t => t.Key.Name == j.Key.Name + JobsSetup.ScheduleSuffix);
            var cron = schedule is null ? null : (await scheduler.GetTrigger(schedule.Key, ct) as ICronTrigger)?.CronExpressionString;
            var manual = own.Where(t => t != schedule).ToList();
            list.Add(new Job(j.Key.Name, j.Description ?? j.Key.Name, CronWords.Describe(cron),
                schedule?.State == TriggerState.Paused,
                manual.Count > 0 || own.Any(t => t.State == TriggerState.Blocked),
                schedule?.NextFireTimeUtc?.UtcDateTime,
                last.FirstOrDefault(r => r.JobKey == j.Key.Name) is { } l ? ToRun(l) : null,
                failures.Where(r => r.JobKey == j.Key.Name).Take(FailuresShown).Select(ToRun).ToList()));
        }
        return list.OrderBy(j => j.Description, StringComparer.CurrentCulture).ToList();
    }

    private static Run ToRun(JobRun r) => new(r.StartedAtUtc, r.FinishedAtUtc - r.StartedAtUtc, r.Succeeded, r.Rows, r.Summary, r.Error, r.InstanceId, r.StartedBy);

    /// <summary>«0,4 с», «12 с», «3 мин 5 с».</summary>
    public static string Took(TimeSpan t) => t.TotalSeconds < 10
        ? $"{t.TotalSeconds.ToString("0.0", Infrastructure.Money.Ru)} с"
        : t.TotalMinutes < 1 ? $"{(int)t.TotalSeconds} с" : $"{(int)t.TotalMinutes} мин {t.Seconds} с";
}
