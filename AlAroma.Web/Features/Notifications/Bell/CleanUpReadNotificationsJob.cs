using AlAroma.Web.Infrastructure.Jobs;

namespace AlAroma.Web.Features.Notifications.Bell;

/// <summary>Nightly Quartz job of <see cref="CleanUpReadNotifications"/>.</summary>
public sealed class CleanUpReadNotificationsJob(CleanUpReadNotifications work) : ScheduledJob
{
    protected override Task<JobOutcome> RunAsync(CancellationToken ct) => work.RunAsync(ct);
}
