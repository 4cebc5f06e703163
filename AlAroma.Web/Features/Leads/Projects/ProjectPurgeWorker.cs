using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Projects;

/// <summary>
/// The background side of «Удалить навсегда» (<see cref="RequestProjectPurge"/>): removes a purged project's numbers in
/// batches of <see cref="BatchSize"/> (their calls go by cascade), each batch its own short transaction that also moves
/// the progress bar (<see cref="LeadProject.PurgePurged"/>), with <see cref="Pause"/> between batches so the other
/// projects' screens and imports stay fast while millions of rows go. When no number is left it removes the project's
/// loads (and their stored files), its do-not-call entries and the project row, and writes one audit entry.
/// A project is claimed per batch with <c>FOR UPDATE SKIP LOCKED</c>, so two instances never work on the same one at
/// once. <c>Leads:Worker:Enabled=false</c> turns it off on an instance; <c>Leads:Worker:PollSeconds</c> (default 2) is how
/// soon a requested purge starts.
/// </summary>
public sealed class ProjectPurgeWorker(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<ProjectPurgeWorker> log) : BackgroundService
{
    /// <summary>Numbers removed per transaction.</summary>
    public const int BatchSize = 5000;

    /// <summary>Rest between two batches of a running purge.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Leads:Worker:Enabled", true)) return;
        var poll = TimeSpan.FromSeconds(config.GetValue("Leads:Worker:PollSeconds", 2.0));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(await PurgeNextBatchAsync(stoppingToken) ? Pause : poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogWarning(e, "Project purge worker: a batch failed; retrying");
                try { await Task.Delay(poll * 5, stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>
    /// One step of the oldest requested purge: removes up to <see cref="BatchSize"/> of its numbers, or — when none is
    /// left — the project itself with its loads and do-not-call entries. False when no purge is waiting (or every waiting
    /// one is being worked on by another instance).
    /// </summary>
    public async Task<bool> PurgeNextBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Database.SqlQuery<int>($"""
            SELECT id AS "Value" FROM lead_projects
            WHERE purge_requested_at_utc IS NOT NULL AND deleted_at_utc IS NOT NULL
            ORDER BY purge_requested_at_utc, id LIMIT 1 FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (claimed.Count == 0) return false;
        var id = claimed[0];

        var removed = await db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM leads WHERE id IN (SELECT id FROM leads WHERE project_id = {id} LIMIT {BatchSize})", ct);
        if (removed > 0)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE lead_projects SET purge_purged = purge_purged + {(long)removed} WHERE id = {id}", ct);
            await tx.CommitAsync(ct);
            return true;
        }

        var project = await db.LeadProjects.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Name, p.PurgeTotal, p.PurgePurged, p.PurgeRequestedAtUtc }).SingleAsync(ct);
        var files = await db.LeadImports.AsNoTracking().Where(i => i.ProjectId == id)
            .Select(i => new { i.StoredPath, i.RejectedPath }).ToListAsync(ct);
        var imports = await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM lead_imports WHERE project_id = {id}", ct);
        var doNotCall = await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM lead_do_not_call WHERE project_id = {id}", ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM lead_projects WHERE id = {id}", ct);
        await AuditInterceptor.WriteSystemAsync(db, new NamedUser(null, "system"), clock.GetUtcNow().UtcDateTime, nameof(LeadProject),
            id.ToString(System.Globalization.CultureInfo.InvariantCulture), new
            {
                Действие = "Удалён навсегда", Название = project.Name, Номеров_удалено = project.PurgePurged, Загрузок_удалено = imports,
                Не_звонить_удалено = doNotCall, Запрошено = project.PurgeRequestedAtUtc,
            }, ct);
        await tx.CommitAsync(ct);
        foreach (var path in files.SelectMany(f => new[] { f.StoredPath, f.RejectedPath }).Where(p => !string.IsNullOrEmpty(p)))
        {
            try { if (File.Exists(path)) File.Delete(path!); }
            catch (IOException e) { log.LogWarning(e, "Project purge: could not delete the stored file {Path}", path); }
            catch (UnauthorizedAccessException e) { log.LogWarning(e, "Project purge: could not delete the stored file {Path}", path); }
        }
        log.LogInformation("Project {ProjectId} «{Name}» purged: {Numbers} numbers", id, project.Name, project.PurgePurged);
        return true;
    }
}
