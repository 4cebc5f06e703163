using AlAroma.Web.Infrastructure.Jobs;

namespace AlAroma.Web.Features.GiftCards;

/// <summary>Quartz job of <see cref="ExpireCertificates"/>: the pattern for wrapping any use case as a job.</summary>
public sealed class ExpireCertificatesJob(ExpireCertificates work) : ScheduledJob
{
    protected override Task<JobOutcome> RunAsync(CancellationToken ct) => work.RunAsync(ct);
}
