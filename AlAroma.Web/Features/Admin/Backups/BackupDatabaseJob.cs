using AlAroma.Web.Infrastructure.Jobs;

namespace AlAroma.Web.Features.Admin.Backups;

/// <summary>Nightly Quartz job of <see cref="BackupDatabase"/>: today's dump, then rotation.</summary>
public sealed class BackupDatabaseJob(BackupDatabase work) : ScheduledJob
{
    protected override Task<JobOutcome> RunAsync(CancellationToken ct) => work.RunAsync(ct);
}
