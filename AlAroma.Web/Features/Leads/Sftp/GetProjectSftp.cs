using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Sftp;

/// <summary>The project's «SFTP» page: its schedules and the log of their last runs.</summary>
public sealed class GetProjectSftp(AppDbContext db)
{
    /// <summary>How many runs the page shows.</summary>
    public const int RunsShown = 50;

    public sealed record Schedule(LeadSftpSchedule Row, string HostName, LeadSftpRun? LastRun);
    public sealed record Model(int ProjectId, string ProjectName, IReadOnlyList<Schedule> Schedules, IReadOnlyList<LeadSftpRun> Runs, bool AnyHost);

    /// <summary>The page of project <paramref name="projectId"/>; null when there is no live project.</summary>
    public async Task<Model?> HandleAsync(int projectId, CancellationToken ct)
    {
        var name = await db.LeadProjects.Where(p => p.Id == projectId && p.DeletedAtUtc == null).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (name is null) return null;
        var schedules = await db.LeadSftpSchedules.AsNoTracking().Where(s => s.ProjectId == projectId).OrderBy(s => s.Id)
            .Select(s => new
            {
                Row = s,
                Host = db.SftpHosts.Where(h => h.Id == s.HostId).Select(h => h.Name).First(),
                Last = db.LeadSftpRuns.Where(r => r.ScheduleId == s.Id).OrderByDescending(r => r.Id).FirstOrDefault(),
            }).ToListAsync(ct);
        var runs = await db.LeadSftpRuns.AsNoTracking().Where(r => r.ProjectId == projectId).OrderByDescending(r => r.Id).Take(RunsShown).ToListAsync(ct);
        return new Model(projectId, name, schedules.Select(s => new Schedule(s.Row, s.Host, s.Last)).ToList(), runs, await db.SftpHosts.AnyAsync(ct));
    }
}
