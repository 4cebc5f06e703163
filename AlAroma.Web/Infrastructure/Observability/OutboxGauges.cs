using AlAroma.Web.Data;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Infrastructure.Observability;

/// <summary>
/// The outbox's queue as two gauges, <c>alaroma.outbox.queue_length</c> (messages waiting to be sent) and
/// <c>alaroma.outbox.oldest_age</c> (seconds the oldest of them has waited): read from PostgreSQL every
/// <see cref="RefreshSeconds"/> s in the background, so a scrape never waits for the database.
/// </summary>
public sealed class OutboxGauges : BackgroundService
{
    /// <summary>How often the figures are read, seconds.</summary>
    public const int RefreshSeconds = 15;

    private static long s_length;
    private static double s_oldestSeconds;

    // Once per process, however many hosts it runs (the tests start several).
    static OutboxGauges()
    {
        AppMetrics.Meter.CreateObservableGauge("alaroma.outbox.queue_length", () => Interlocked.Read(ref s_length), "{message}", "Outbox messages waiting to be sent");
        AppMetrics.Meter.CreateObservableGauge("alaroma.outbox.oldest_age", () => Volatile.Read(ref s_oldestSeconds), "s", "How long the oldest waiting outbox message has waited");
    }

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxGauges> _log;

    public OutboxGauges(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxGauges> log) => (_scopes, _clock, _log) = (scopes, clock, log);

    /// <summary>Reads the figures once.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var waiting = db.Notifications.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending);
        var count = await waiting.LongCountAsync(ct);
        var oldest = await waiting.MinAsync(m => (DateTime?)m.CreatedAtUtc, ct);
        Interlocked.Exchange(ref s_length, count);
        Volatile.Write(ref s_oldestSeconds, oldest is { } at ? Math.Max(0, (_clock.GetUtcNow().UtcDateTime - at).TotalSeconds) : 0);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(RefreshSeconds));
        do
        {
            try { await RefreshAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { _log.LogDebug(e, "Outbox gauges not refreshed"); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
