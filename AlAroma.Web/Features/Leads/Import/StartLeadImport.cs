using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Import;

/// <summary>
/// A load without the mapping screen, for scripts and schedules (the CLI's <c>import-leads</c>, the SFTP pull): stores the
/// file, takes the columns the header names (<see cref="LeadColumns"/>), sets the checks and marks the import running,
/// ready for <see cref="RunLeadImport.HandleAsync"/> in the same process.
/// </summary>
public sealed class StartLeadImport(AppDbContext db, UploadLeadImport upload, TimeProvider clock)
{
    /// <summary>The checks and the supplier of the load; <paramref name="StartedBy"/> names who the audit entry is written as (null: the signed-in user).</summary>
    public sealed record Options(DedupOptions Dedup, int? SystemDays = null, int? SupplierId = null, string? StartedBy = null);

    /// <summary>The import, running; its id goes to <see cref="RunLeadImport.HandleAsync"/>.</summary>
    /// <exception cref="BusinessRuleException">No project, a file that is not a table (see <see cref="UploadLeadImport"/>), or no column named like a phone.</exception>
    public async Task<LeadImport> HandleAsync(int projectId, string fileName, Stream content, Options options, CancellationToken ct)
    {
        var id = await upload.HandleAsync(projectId, fileName, content, ct);
        var import = await db.LeadImports.SingleAsync(i => i.Id == id, ct);
        if (import.PhoneColumn is null)
        {
            import.Status = LeadImportStatus.Failed;
            import.Error = $"Нет столбца с телефоном среди: {string.Join(", ", import.Headers)}. Назовите его «Телефон» или «phone».";
            await db.SaveChangesAsync(ct);
            throw new BusinessRuleException(import.Error);
        }
        import.Dedup = options.Dedup;
        import.SystemDays = options.SystemDays;
        if (options.SupplierId is not null) import.SupplierId = options.SupplierId;
        if (options.StartedBy is not null) import.CreatedBy = options.StartedBy;
        import.Status = LeadImportStatus.Running;
        import.StartedAtUtc = import.HeartbeatAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return import;
    }
}
