using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Import;

/// <summary>
/// The background side of base loads: takes queued imports one at a time per instance (<c>FOR UPDATE SKIP LOCKED</c>, so two
/// instances never run the same one) and runs <see cref="RunLeadImport"/>; marks a running import whose heartbeat stopped
/// for <see cref="StaleAfter"/> as failed (its process died: its transaction was rolled back, so it loaded nothing) so it
/// can be started again. <c>Leads:Worker:Enabled=false</c> turns it off on an instance; <c>Leads:Worker:PollSeconds</c>
/// (default 2) is how soon a queued import starts.
/// </summary>
public sealed class LeadImportWorker(IServiceScopeFactory scopes, IConfiguration config, ILogger<LeadImportWorker> log) : BackgroundService
{
    /// <summary>A running import silent for this long belongs to a process that died.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(60);

    /// <summary>The text a run interrupted by a dead process is left with.</summary>
    public const string Interrupted = "Загрузка прервана: приложение остановилось во время загрузки. Ни один номер из неё не записан — нажмите «Запустить снова».";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Leads:Worker:Enabled", true)) return;
        var poll = TimeSpan.FromSeconds(config.GetValue("Leads:Worker:PollSeconds", 2.0));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await RunNextAsync(stoppingToken)) await Task.Delay(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogWarning(e, "Lead import worker: the database is not reachable; retrying");
                try { await Task.Delay(poll * 5, stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Marks dead runs, then claims and runs the oldest queued import; false when there was none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await MarkDeadAsync(db, ct);
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE lead_imports SET status = 'Running', started_at_utc = now(), heartbeat_at_utc = now(), error = NULL
            WHERE id = (SELECT id FROM lead_imports WHERE status = 'Queued' ORDER BY created_at_utc LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        if (claimed.Count == 0) return false;
        await scope.ServiceProvider.GetRequiredService<RunLeadImport>().HandleAsync(claimed[0], ct);
        return true;
    }

    /// <summary>Running imports with no heartbeat for <see cref="StaleAfter"/> become Failed with <see cref="Interrupted"/>.</summary>
    public static Task<int> MarkDeadAsync(AppDbContext db, CancellationToken ct, TimeSpan? staleAfter = null)
    {
        var before = DateTime.UtcNow - (staleAfter ?? StaleAfter);
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE lead_imports SET status = 'Failed', error = {Interrupted}, finished_at_utc = now()
            WHERE status = 'Running' AND (heartbeat_at_utc IS NULL OR heartbeat_at_utc < {before})
            """, ct);
    }
}
