using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace AlAroma.Web.Infrastructure.Jobs;

/// <summary>
/// Quartz job listener that writes a <see cref="JobRun"/> for every run of every job, on whichever node ran it,
/// and drops runs older than <see cref="KeepDays"/> days on the way (one indexed DELETE, so the history needs no
/// job of its own). A failure to write the history is logged and never fails the job.
/// </summary>
public sealed class JobRunRecorder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<JobRunRecorder> log) : IJobListener
{
    /// <summary>How long the run history is kept (issue 11: 90 days).</summary>
    public const int KeepDays = 90;

    /// <summary>Job data key carrying the name of who pressed «Запустить сейчас».</summary>
    public const string StartedByKey = "startedBy";

    /// <inheritdoc />
    public string Name => "job-run-history";

    /// <inheritdoc />
    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken) => default;

    /// <inheritdoc />
    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => default;

    /// <inheritdoc />
    public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken cancellationToken) => default;

    /// <inheritdoc />
    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        try
        {
            var started = context.FireTimeUtc.UtcDateTime;
            var outcome = context.Result as JobOutcome;
            var run = new JobRun
            {
                JobKey = context.JobDetail.Key.Name,
                InstanceId = context.Scheduler.SchedulerInstanceId,
                StartedAtUtc = started,
                FinishedAtUtc = started + context.JobRunTime,
                Succeeded = jobException is null,
                StartedBy = context.MergedJobDataMap.TryGetString(StartedByKey, out var by) ? by : null,
                Rows = outcome?.Rows ?? 0,
                Summary = Cut(outcome?.Summary, 500),
                Error = jobException is null ? null : Cut(Describe(jobException.GetBaseException()), 4000),
            };
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(run);
            await db.SaveChangesAsync(CancellationToken.None);
            var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-KeepDays);
            await db.Set<JobRun>().Where(r => r.StartedAtUtc < cutoff).ExecuteDeleteAsync(CancellationToken.None);
            if (jobException is not null) Observability.AppMetrics.JobFailures.Add(1, new KeyValuePair<string, object?>("job", run.JobKey));
            if (jobException is not null)
                foreach (var notifier in scope.ServiceProvider.GetServices<IJobFailureNotifier>())
                    await notifier.JobFailedAsync(run.JobKey, jobException.GetBaseException().Message, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogError(e, "Could not record the run of job {Job}", context.JobDetail.Key);
        }
    }

    // Quartz wraps what the job threw (JobExecutionException → JobExecutionProcessException → …): keep the job's own exception.
    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}\n{e.StackTrace}";

    private static string? Cut(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
