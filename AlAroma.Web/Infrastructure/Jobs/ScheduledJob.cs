using Quartz;

namespace AlAroma.Web.Infrastructure.Jobs;

/// <summary>
/// Base of the app's Quartz jobs: runs <see cref="RunAsync"/> and hands its <see cref="JobOutcome"/> to
/// <see cref="JobRunRecorder"/>, which writes the run history. An exception is a failed run: the recorder keeps
/// its message for the «Задания» page. One run at a time across the cluster (a job is a nightly batch, two at
/// once would do the work twice). Wrapping a use case is five lines:
/// <code>
/// public sealed class DailyReportJob(SendDailyReport work) : ScheduledJob
/// {
///     protected override async Task&lt;JobOutcome&gt; RunAsync(CancellationToken ct)
///     {
///         var r = await work.RunAsync(ct);
///         return new JobOutcome(r.Rows, r.Summary);
///     }
/// }
/// </code>
/// </summary>
[DisallowConcurrentExecution]
public abstract class ScheduledJob : IJob
{
    /// <summary>The job's work; idempotent for a day (run twice, the second run changes nothing).</summary>
    protected abstract Task<JobOutcome> RunAsync(CancellationToken ct);

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Its own trace and correlation id: the run's log lines and SQL belong together, apart from any request.
        var (activity, scope) = Observability.CorrelationId.Begin("job " + context.JobDetail.Key.Name);
        using (activity)
        using (scope)
            context.Result = await RunAsync(cancellationToken);
    }
}
