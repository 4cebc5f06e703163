using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Projects;

/// <summary>
/// «Проекты обзвона»: the live projects (not in «Удалённые проекты»), active before paused, by name, each with its calling
/// window, attempts, numbers and operators (one grouped query each for all rows). A chain has tens of projects, so the
/// list is one page.
/// </summary>
public sealed class ListLeadProjects(AppDbContext db)
{
    /// <summary>A project row: <paramref name="Window"/> as <see cref="CallingWindow.ToString"/>, <paramref name="Numbers"/> = its leads.</summary>
    public sealed record Row(int Id, string Name, LeadProjectStatus Status, string Window, int MaxAttempts, long Numbers, int Operators);

    /// <summary>The list and how many projects are in «Удалённые проекты».</summary>
    public sealed record Model(IReadOnlyList<Row> Rows, int Deleted);

    /// <summary>The live projects.</summary>
    public async Task<Model> HandleAsync(CancellationToken ct)
    {
        var projects = await db.LeadProjects.AsNoTracking().Where(p => p.DeletedAtUtc == null)
            .OrderBy(p => p.Status == LeadProjectStatus.Active ? 0 : 1).ThenBy(p => p.Name).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var numbers = await db.Leads.Where(l => ids.Contains(l.ProjectId)).GroupBy(l => l.ProjectId)
            .Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var operators = await db.LeadProjectMembers.Where(m => ids.Contains(m.ProjectId) && m.Role == LeadProjectRole.Operator).GroupBy(m => m.ProjectId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var rows = projects.Select(p => new Row(p.Id, p.Name, p.Status, p.Window.ToString(), p.MaxAttempts,
            numbers.GetValueOrDefault(p.Id), operators.GetValueOrDefault(p.Id))).ToList();
        return new Model(rows, await db.LeadProjects.CountAsync(p => p.DeletedAtUtc != null, ct));
    }

    /// <summary>Russian label of a status.</summary>
    public static string StatusLabel(LeadProjectStatus s) => s == LeadProjectStatus.Active ? "Активен" : "На паузе";

    /// <summary>Bootstrap badge class of a status.</summary>
    public static string StatusBadge(LeadProjectStatus s) => s == LeadProjectStatus.Active ? "text-bg-success" : "text-bg-secondary";
}
