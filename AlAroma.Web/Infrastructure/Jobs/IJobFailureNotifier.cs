namespace AlAroma.Web.Infrastructure.Jobs;

/// <summary>
/// Told when a scheduled job fails (issue 11: "a job that failed — to admins"). The kernel knows no feature, so the
/// bell registers an implementation; <see cref="JobRunRecorder"/> calls every registered one after writing the run.
/// </summary>
public interface IJobFailureNotifier
{
    /// <summary>Reports one failed run of <paramref name="jobKey"/> with the job's error message (one line).</summary>
    Task JobFailedAsync(string jobKey, string error, DateTime nowUtc, CancellationToken ct);
}
