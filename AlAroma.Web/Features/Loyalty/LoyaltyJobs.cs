using AlAroma.Web.Infrastructure.Jobs;

namespace AlAroma.Web.Features.Loyalty;

/// <summary>Quartz job of <see cref="ExpirePoints"/>.</summary>
public sealed class ExpirePointsJob(ExpirePoints work) : ScheduledJob
{
    protected override Task<JobOutcome> RunAsync(CancellationToken ct) => work.RunAsync(ct);
}

/// <summary>Quartz job of <see cref="RecalculateLevels"/>.</summary>
public sealed class RecalculateLevelsJob(RecalculateLevels work) : ScheduledJob
{
    protected override Task<JobOutcome> RunAsync(CancellationToken ct) => work.RunAsync(ct);
}
