using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Jobs;
using Quartz;

namespace AlAroma.Web.Features.Admin.Jobs;

/// <summary>
/// The buttons of the «Задания» page. «Запустить сейчас» stores a one-off trigger in the shared Quartz store
/// (<see cref="IScheduler.TriggerJob(JobKey, JobDataMap, CancellationToken)"/>): whichever node of the cluster
/// acquires it runs the job once, even when the node serving the page runs no jobs itself. «Приостановить» pauses
/// the job's schedule for every node until «Возобновить».
/// </summary>
public sealed class ControlJob(ISchedulerFactory schedulers)
{
    /// <summary>Queues one run of <paramref name="key"/> now, remembering who asked.</summary>
    /// <exception cref="BusinessRuleException">No such job.</exception>
    public async Task RunNowAsync(string key, string userName, CancellationToken ct)
    {
        var (scheduler, jobKey) = await FindAsync(key, ct);
        await scheduler.TriggerJob(jobKey, new JobDataMap { [JobRunRecorder.StartedByKey] = userName }, ct);
    }

    /// <summary>Pauses (<paramref name="paused"/> true) or resumes the job's schedule.</summary>
    /// <exception cref="BusinessRuleException">No such job.</exception>
    public async Task SetPausedAsync(string key, bool paused, CancellationToken ct)
    {
        var (scheduler, jobKey) = await FindAsync(key, ct);
        if (paused) await scheduler.PauseJob(jobKey, ct);
        else await scheduler.ResumeJob(jobKey, ct);
    }

    private async Task<(IScheduler, JobKey)> FindAsync(string key, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var jobKey = new JobKey(key);
        if (!await scheduler.Exists(jobKey, ct)) throw new BusinessRuleException("Такого задания нет. Обновите страницу «Задания».");
        return (scheduler, jobKey);
    }
}
