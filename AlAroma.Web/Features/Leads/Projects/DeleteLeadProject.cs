using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Projects;

/// <summary>
/// Moves a live project to «Удалённые проекты» (soft delete: <see cref="LeadProject.DeletedAtUtc"/>); its numbers stay
/// until it is purged, and it vanishes from the lists, the imports and the operators' queue. Audited as the row change.
/// </summary>
public sealed class DeleteLeadProject(AppDbContext db, TimeProvider clock)
{
    /// <summary>Deletes project <paramref name="id"/>; returns its name.</summary>
    /// <exception cref="BusinessRuleException">No such live project.</exception>
    public async Task<string> HandleAsync(int id, CancellationToken ct)
    {
        var p = await db.LeadProjects.FirstOrDefaultAsync(x => x.Id == id && x.DeletedAtUtc == null, ct)
                ?? throw new BusinessRuleException("Проект не найден или уже удалён — обновите список.");
        p.DeletedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return p.Name;
    }
}
