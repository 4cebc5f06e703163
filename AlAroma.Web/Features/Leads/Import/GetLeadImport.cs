using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Import;

/// <summary>A base load as its page shows it: progress (rows, rows/s, ETA from the bytes read), or the result with its counts; the recent loads.</summary>
public sealed class GetLeadImport(AppDbContext db, TimeProvider clock)
{
    /// <summary>The import with its project's name and the figures of its progress bar.</summary>
    /// <param name="Percent">0–100 by bytes of the file read (the last step, the duplicate check, shows 100 while it runs).</param>
    /// <param name="RowsPerSecond">Rows read per second since the start; 0 before it.</param>
    /// <param name="Eta">Time left by the reading speed; null when unknown.</param>
    public sealed record Model(LeadImport Import, string ProjectName, string? SupplierName, int Percent, double RowsPerSecond, TimeSpan? Eta, bool Checking);

    /// <summary>One import; null when unknown.</summary>
    public async Task<Model?> HandleAsync(Guid id, CancellationToken ct)
    {
        var row = await (from i in db.LeadImports.AsNoTracking()
                         join p in db.LeadProjects on i.ProjectId equals p.Id
                         where i.Id == id
                         select new { i, p.Name, Supplier = db.LeadSuppliers.Where(s => s.Id == i.SupplierId).Select(s => s.Name).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        return row is null ? null : Figures(row.i, row.Name, row.Supplier, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The progress figures of an import at <paramref name="utcNow"/> (pure).</summary>
    public static Model Figures(LeadImport i, string project, string? supplier, DateTime utcNow)
    {
        var percent = i.FileBytes == 0 ? 0 : (int)Math.Clamp(i.BytesRead * 100 / i.FileBytes, 0, 100);
        if (i.Status == LeadImportStatus.Done) percent = 100;
        var seconds = i.StartedAtUtc is { } s ? ((i.FinishedAtUtc ?? utcNow) - s).TotalSeconds : 0;
        var rate = seconds > 0.5 ? i.RowsRead / seconds : 0;
        TimeSpan? eta = null;
        if (i.Status == LeadImportStatus.Running && i.BytesRead > 0 && i.BytesRead < i.FileBytes && seconds > 0)
            eta = TimeSpan.FromSeconds(seconds * (i.FileBytes - i.BytesRead) / i.BytesRead);
        var checking = i.Status == LeadImportStatus.Running && i.FileBytes > 0 && i.BytesRead >= i.FileBytes;
        return new Model(i, project, supplier, percent, rate, eta, checking);
    }

    /// <summary>The latest loads, newest first, optionally of one project.</summary>
    public async Task<IReadOnlyList<Model>> RecentAsync(int? projectId, int take, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await (from i in db.LeadImports.AsNoTracking()
                          join p in db.LeadProjects on i.ProjectId equals p.Id
                          where projectId == null || i.ProjectId == projectId
                          orderby i.CreatedAtUtc descending
                          select new { i, p.Name, Supplier = db.LeadSuppliers.Where(s => s.Id == i.SupplierId).Select(s => s.Name).FirstOrDefault() })
            .Take(take).ToListAsync(ct);
        return rows.Select(r => Figures(r.i, r.Name, r.Supplier, now)).ToList();
    }
}
