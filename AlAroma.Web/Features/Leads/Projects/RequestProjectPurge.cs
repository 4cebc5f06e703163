using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Projects;

/// <summary>
/// «Удалить навсегда» for a project in «Удалённые проекты»: marks it for the background purge
/// (<see cref="ProjectPurgeWorker"/>) with the count of its numbers as the progress bar's total. The numbers are removed
/// in batches; nothing is removed in the request itself. Audited as the row change.
/// </summary>
public sealed class RequestProjectPurge(AppDbContext db, TimeProvider clock)
{
    /// <summary>Marks project <paramref name="id"/> for purging; returns its name.</summary>
    /// <exception cref="BusinessRuleException">No such project, it is live (delete it first), or its purge was asked for already.</exception>
    public async Task<string> HandleAsync(int id, CancellationToken ct)
    {
        var p = await db.LeadProjects.FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new BusinessRuleException("Проект не найден — возможно, он уже удалён навсегда. Обновите список.");
        if (p.DeletedAtUtc is null)
            throw new BusinessRuleException($"Проект «{p.Name}» действующий. Сначала удалите его — навсегда удаляются только проекты из «Удалённых проектов».");
        if (p.PurgeRequestedAtUtc is not null)
            throw new BusinessRuleException($"Проект «{p.Name}» уже удаляется навсегда — дождитесь окончания.");
        p.PurgeRequestedAtUtc = clock.GetUtcNow().UtcDateTime;
        p.PurgeTotal = await db.Leads.LongCountAsync(l => l.ProjectId == id, ct);
        p.PurgePurged = 0;
        await db.SaveChangesAsync(ct);
        return p.Name;
    }
}
