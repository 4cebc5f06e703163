using System.Globalization;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Projects;

/// <summary>
/// Brings a project back from «Удалённые проекты» with its numbers, members and settings, unless its purge was asked for
/// or a live project has taken its name meanwhile. Audited as the row change.
/// </summary>
public sealed class RestoreLeadProject(AppDbContext db)
{
    /// <summary>Restores project <paramref name="id"/>; returns its name.</summary>
    /// <exception cref="BusinessRuleException">No such deleted project, its purge has started, or a live project has the same name.</exception>
    public async Task<string> HandleAsync(int id, CancellationToken ct)
    {
        var p = await db.LeadProjects.FirstOrDefaultAsync(x => x.Id == id && x.DeletedAtUtc != null, ct)
                ?? throw new BusinessRuleException("Проект не найден среди удалённых — обновите список.");
        if (p.PurgeRequestedAtUtc is not null)
            throw new BusinessRuleException($"Проект «{p.Name}» уже удаляется навсегда вместе с номерами — восстановить его нельзя.");
        var name = p.Name.ToLower(CultureInfo.GetCultureInfo("ru-RU"));
        if (await db.LeadProjects.AnyAsync(x => x.DeletedAtUtc == null && x.Name.ToLower() == name, ct))
            throw new BusinessRuleException(Taken(p.Name));
        p.DeletedAtUtc = null;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbExceptions.IsUniqueViolation(e)) { throw new BusinessRuleException(Taken(p.Name)); }
        return p.Name;
    }

    private static string Taken(string name) =>
        $"Есть действующий проект с названием «{name}». Переименуйте его, затем восстановите этот проект.";
}
