using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Projects;

/// <summary>
/// «Удалённые проекты»: soft-deleted projects, latest deleted first, with their numbers (one grouped query) and, for those
/// being purged, the purge's progress (<see cref="Progress"/>, polled by the page).
/// </summary>
public sealed class ListDeletedProjects(AppDbContext db)
{
    /// <summary>The purge of a project: numbers at its start and removed so far; <paramref name="Done"/> once the project row is gone.</summary>
    public sealed record Progress(int Id, long Total, long Purged, bool Done)
    {
        /// <summary>Removed share, whole percent 0–100.</summary>
        public int Percent => Done || Total == 0 ? 100 : (int)Math.Min(100, Purged * 100 / Total);
    }

    /// <summary>A deleted project; <paramref name="Purge"/> is null until «Удалить навсегда».</summary>
    public sealed record Row(int Id, string Name, DateTime DeletedAtUtc, long Numbers, Progress? Purge);

    /// <summary>The deleted projects.</summary>
    public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken ct)
    {
        var projects = await db.LeadProjects.AsNoTracking().Where(p => p.DeletedAtUtc != null).OrderByDescending(p => p.DeletedAtUtc).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, DeletedAtUtc = p.DeletedAtUtc!.Value, p.PurgeRequestedAtUtc, p.PurgeTotal, p.PurgePurged }).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var numbers = await db.Leads.Where(l => ids.Contains(l.ProjectId)).GroupBy(l => l.ProjectId)
            .Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return projects.Select(p => new Row(p.Id, p.Name, p.DeletedAtUtc, numbers.GetValueOrDefault(p.Id),
            p.PurgeRequestedAtUtc is null ? null : new Progress(p.Id, p.PurgeTotal, p.PurgePurged, false))).ToList();
    }

    /// <summary>The purge progress of project <paramref name="id"/>; <see cref="Progress.Done"/> when the project no longer exists.</summary>
    public async Task<Progress> ProgressAsync(int id, CancellationToken ct)
    {
        var p = await db.LeadProjects.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.PurgeTotal, x.PurgePurged }).FirstOrDefaultAsync(ct);
        return p is null ? new Progress(id, 0, 0, true) : new Progress(id, p.PurgeTotal, p.PurgePurged, false);
    }
}
