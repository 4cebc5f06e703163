using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Sftp;

/// <summary>
/// The job <c>lead-sftp</c> (every minute, one node of the cluster at a time): runs every enabled schedule of a live
/// project whose time has come, oldest due first, and sets its next time one interval on from now before it runs, so a
/// long load does not make it run twice and a failed run waits for its next turn.
/// </summary>
public sealed class RunDueSftpSchedules(AppDbContext db, IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Runs the due schedules; returns how many ran and how many of those failed.</summary>
    public async Task<(int Ran, int Failed)> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.LeadSftpSchedules.AsNoTracking()
            .Where(s => s.Enabled && s.NextRunAtUtc <= now
                && db.LeadProjects.Any(p => p.Id == s.ProjectId && p.DeletedAtUtc == null && p.PurgeRequestedAtUtc == null))
            .OrderBy(s => s.NextRunAtUtc).Select(s => new { s.Id, s.IntervalMinutes }).ToListAsync(ct);
        var (ran, failed) = (0, 0);
        foreach (var s in due)
        {
            await db.LeadSftpSchedules.Where(x => x.Id == s.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.NextRunAtUtc, now.AddMinutes(s.IntervalMinutes)), ct);
            // A scope per run: each load tracks its own rows.
            await using var scope = scopes.CreateAsyncScope();
            var entry = await scope.ServiceProvider.GetRequiredService<RunSftpSchedule>().HandleAsync(s.Id, ct);
            ran++;
            if (!entry.Succeeded) failed++;
        }
        return (ran, failed);
    }
}

/// <summary>Quartz job of <see cref="RunDueSftpSchedules"/>; a run with a failed exchange is a failed job run (the bell tells the admins).</summary>
public sealed class LeadSftpJob(RunDueSftpSchedules work) : ScheduledJob
{
    protected override async Task<JobOutcome> RunAsync(CancellationToken ct)
    {
        var (ran, failed) = await work.HandleAsync(ct);
        if (failed > 0) throw new InvalidOperationException($"SFTP: {failed} из {ran} обменов с ошибкой — журнал на странице проекта «SFTP».");
        return new JobOutcome(ran, ran == 0 ? "Нет обменов по расписанию." : $"Обменов SFTP: {ran}.");
    }
}
