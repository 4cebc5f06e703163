using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Campaigns;

/// <summary>
/// Every minute: starts each scheduled campaign whose time has come (<see cref="StartCampaign"/>), and marks done
/// each sending campaign whose messages are all handled. Idempotent: a started campaign is no longer scheduled, and
/// its recipients' unique key keeps a repeated start from queuing anyone twice.
/// </summary>
public sealed class RunCampaigns(AppDbContext db, StartCampaign start, TimeProvider clock, ILogger<RunCampaigns> log)
{
    /// <returns>Campaigns started and finished, and messages queued, in words.</returns>
    public async Task<JobOutcome> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Campaigns.AsNoTracking().Where(c => c.Status == CampaignStatus.Scheduled && c.ScheduledAtUtc <= now)
            .OrderBy(c => c.ScheduledAtUtc).Select(c => c.Id).ToListAsync(ct);
        var (started, queued) = (0, 0);
        foreach (var id in due)
        {
            try
            {
                queued += await start.HandleAsync(id, ct);
                started++;
            }
            catch (BusinessRuleException e)
            {
                // Cancelled or sent by a manager between the look-up and the lock: nothing to do.
                log.LogInformation("Campaign {Id} not started: {Reason}", id, e.Message);
            }
            db.ChangeTracker.Clear();
        }
        var finished = await GetCampaignProgress.CompleteAsync(db, clock.GetUtcNow().UtcDateTime, null, ct);
        return new JobOutcome(started + finished, $"Рассылок запущено: {started} ({queued} сообщ.), завершено: {finished}.");
    }
}

/// <summary>Quartz job of <see cref="RunCampaigns"/>.</summary>
public sealed class RunCampaignsJob(RunCampaigns work) : ScheduledJob
{
    protected override Task<JobOutcome> RunAsync(CancellationToken ct) => work.RunAsync(ct);
}
