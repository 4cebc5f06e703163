using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly.Contrib.WaitAndRetry;

namespace AlAroma.Web.Features.Notifications.Outbox;

/// <summary>
/// Sends due outbox rows: claims a small batch with <c>FOR UPDATE SKIP LOCKED</c> (so instances never share a row),
/// marks them "sending" with a lease, sends each through its channel's <see cref="IChannelSender"/> and records the
/// result. A row whose lease ran out (its process died mid-send) is claimed again, so it is sent at most once more.
/// Every instance runs one (<see cref="OutboxDispatcherService"/>); tests call <see cref="DispatchOnceAsync"/>.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptionsMonitor<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> log)
{
    /// <summary>Claims and sends one batch of due rows.</summary>
    /// <returns>Rows claimed (0 = nothing was due).</returns>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        var o = options.CurrentValue;
        var ids = await ClaimAsync(o, ct);
        if (ids.Count == 0) return 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, o.Parallelism), CancellationToken = ct },
            async (id, token) =>
            {
                try { await SendOneAsync(id, o, token); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The row stays "sending" and its lease brings it back; one bad row must not stop the batch.
                    log.LogError(e, "Outbox row {Id} could not be processed", id);
                }
            });
        return ids.Count;
    }

    /// <summary>Sends until nothing is due (tests, the benchmark).</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var total = 0;
        for (int n; (n = await DispatchOnceAsync(ct)) > 0;) total += n;
        return total;
    }

    private async Task<List<long>> ClaimAsync(OutboxOptions o, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await conn.OpenAsync(ct);
        // While "sending", next_attempt_at_utc is the lease's end: one condition finds both due and abandoned rows.
        await using var cmd = new NpgsqlCommand("""
            UPDATE notifications SET status = 'Sending', attempts = attempts + 1,
                   next_attempt_at_utc = clock_timestamp() + make_interval(secs => @lease)
            WHERE id IN (SELECT id FROM notifications
                         WHERE status IN ('Pending', 'Sending') AND next_attempt_at_utc <= clock_timestamp()
                         ORDER BY next_attempt_at_utc LIMIT @n FOR UPDATE SKIP LOCKED)
            RETURNING id
            """, conn);
        cmd.Parameters.AddWithValue("lease", (double)o.LeaseSeconds);
        cmd.Parameters.AddWithValue("n", o.BatchSize);
        var ids = new List<long>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) ids.Add(r.GetInt64(0));
        if (ids.Count > 0 && Random.Shared.Next(50) == 0) await RateLimits.PruneAsync(conn, ct);
        return ids;
    }

    private async Task SendOneAsync(long id, OutboxOptions o, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var m = await db.Set<OutboxMessage>().Include(x => x.Attachments).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null || m.Status != OutboxStatus.Sending) return;
        var now = clock.GetUtcNow().UtcDateTime;

        var keys = RateLimits.KeysFor(m, o).ToList();
        if (keys.Count > 0)
        {
            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(ct);
            if (!await RateLimits.TryTakeAsync(conn, keys, ct))
            {
                // Over the shared limit this second: back to the queue for the next second, not an attempt.
                m.Attempts--;
                m.Status = OutboxStatus.Pending;
                m.NextAttemptAtUtc = now.AddMilliseconds(1000 - now.Millisecond + Random.Shared.Next(50));
                await SaveAsync(db, m, ct);
                return;
            }
        }

        var sender = sp.GetServices<IChannelSender>().FirstOrDefault(s => s.Channel == m.Channel);
        SendResult result;
        try
        {
            result = sender is null ? SendResult.Permanent($"Канал {m.Channel} не подключён.") : await sender.SendAsync(m, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            result = SendResult.Retry(e.Message);
        }
        now = clock.GetUtcNow().UtcDateTime;
        var failedForGood = Record(m, result, o, now);
        var number = await db.Set<OutboxAttempt>().CountAsync(a => a.NotificationId == m.Id, ct) + 1;
        m.AttemptLog.Add(new OutboxAttempt { Number = number, AtUtc = now, Outcome = AttemptOutcome(m, result), Error = Trim(result.Error) });
        if (!await SaveAsync(db, m, ct)) return;
        if (failedForGood is { } permanent)
            foreach (var h in sp.GetServices<INotificationFailureHandler>().Where(h => h.Handles(m.EntityType)))
                await h.OnFailedAsync(m, permanent, ct);
    }

    /// <summary>Applies <paramref name="result"/> to the row; returns whether it failed for good (true = permanent refusal), or null.</summary>
    internal static bool? Record(OutboxMessage m, SendResult result, OutboxOptions o, DateTime nowUtc)
    {
        m.LastError = Trim(result.Error);
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                m.Status = OutboxStatus.Sent;
                m.SentAtUtc = nowUtc;
                m.ProviderMessageId = result.ProviderMessageId is { Length: > 200 } p ? p[..200] : result.ProviderMessageId;
                return null;
            case SendOutcome.Throttled:
                m.Attempts--;
                m.Status = OutboxStatus.Pending;
                m.NextAttemptAtUtc = nowUtc + (result.RetryAfter ?? TimeSpan.FromSeconds(1));
                return null;
            case SendOutcome.Retry when m.Attempts < o.MaxAttempts:
                m.Status = OutboxStatus.Pending;
                var backoff = Backoff(m.Attempts, o);
                m.NextAttemptAtUtc = nowUtc + (result.RetryAfter is { } after && after > backoff ? after : backoff);
                return null;
            case SendOutcome.Retry:
                m.Status = OutboxStatus.Failed;
                return false;
            default:
                m.Status = OutboxStatus.Failed;
                return true;
        }
    }

    /// <summary>
    /// The wait after failed attempt <paramref name="attempt"/> (1-based): exponential with decorrelated jitter
    /// (Polly's "DecorrelatedJitterBackoffV2", the same curve as Polly 8's exponential + jitter), so instances that
    /// failed together do not retry together.
    /// </summary>
    public static TimeSpan Backoff(int attempt, OutboxOptions o) =>
        global::Polly.Contrib.WaitAndRetry.Backoff.DecorrelatedJitterBackoffV2(TimeSpan.FromSeconds(o.FirstRetrySeconds), Math.Max(1, attempt))
            .ElementAt(Math.Max(1, attempt) - 1);

    private static string AttemptOutcome(OutboxMessage m, SendResult r) => r.Outcome switch
    {
        SendOutcome.Sent => "sent",
        SendOutcome.Throttled => "rate-limited",
        _ when m.Status == OutboxStatus.Failed => "failed",
        _ => "retry",
    };

    private static string? Trim(string? s) => s is { Length: > 2000 } ? s[..2000] : s;

    /// <summary>Saves unless another instance took the row over meanwhile (its lease ran out): attempts is the concurrency token.</summary>
    private async Task<bool> SaveAsync(AppDbContext db, OutboxMessage m, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            log.LogWarning("Outbox row {Id} was claimed again by another instance before its result was saved", m.Id);
            return false;
        }
    }
}

/// <summary>Runs <see cref="OutboxDispatcher"/> in the background of every app instance unless <see cref="OutboxOptions.DispatcherEnabled"/> is false.</summary>
public sealed class OutboxDispatcherService(OutboxDispatcher dispatcher, IOptionsMonitor<OutboxOptions> options, ILogger<OutboxDispatcherService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var o = options.CurrentValue;
            var claimed = 0;
            if (o.DispatcherEnabled)
            {
                try { claimed = await dispatcher.DispatchOnceAsync(stoppingToken); }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
                catch (Exception e) { log.LogWarning(e, "Outbox poll failed; trying again"); }
            }
            // A full batch: more may be due right now.
            if (claimed < o.BatchSize)
                try { await Task.Delay(TimeSpan.FromSeconds(o.PollSeconds), stoppingToken); }
                catch (OperationCanceledException) { return; }
        }
    }
}
