using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Polly.Contrib.WaitAndRetry;

namespace AlAroma.Web.Features.Notifications.Outbox;

/// <summary>
/// Sends due outbox rows a batch at a time, with a fixed number of database round trips per batch whatever its size:
/// one statement claims the batch (<c>FOR UPDATE SKIP LOCKED</c>, so instances never share a row) and marks it
/// "sending" with a lease, one short transaction takes the batch's slots of the shared per-second limits
/// (<see cref="RateLimits"/>), the rows are sent in parallel through their channel's <see cref="IChannelSender"/>, and
/// one statement records every result and its attempt-log line. A row whose lease ran out (its process died mid-send)
/// is claimed again, so it is sent at most once more. Every instance runs one (<see cref="OutboxDispatcherService"/>);
/// tests call <see cref="DispatchOnceAsync"/>.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptionsMonitor<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> log)
{
    /// <summary>
    /// Claims and sends one batch of due rows. When a channel's overall limit ran out for this second, the rows it
    /// held back go back to the queue as they were and the call waits for the next second before it returns (so a
    /// backlog does not spin claiming rows it may not send).
    /// </summary>
    /// <returns>Rows claimed (0 = nothing was due).</returns>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        var o = options.CurrentValue;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync(ct);   // one connection for the batch's few statements
        var batch = await ClaimAsync(db, o, ct);
        if (batch.Count == 0) return 0;
        var claimed = batch.Select(m => m.Attempts).ToArray();
        try
        {
            return await SendBatchAsync(scope.ServiceProvider, db, batch, claimed, o, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The database failed between claim and record (a dropped connection, a deadlock): put what is still
            // ours back in a second rather than leaving it to the lease. A row already sent may be sent once more.
            log.LogError(e, "Outbox batch of {Count} rows could not be completed; releasing it", batch.Count);
            await ReleaseAsync(batch.Select(m => m.Id).ToArray(), claimed, ct);
            return batch.Count;
        }
    }

    private async Task<int> SendBatchAsync(IServiceProvider sp, AppDbContext db, List<OutboxMessage> batch, int[] claimed, OutboxOptions o, CancellationToken ct)
    {
        var results = new SendResult?[batch.Count];
        var now = clock.GetUtcNow().UtcDateTime;

        var (verdicts, slotSecond) = await RateLimits.TakeAsync(db.Database.GetDbConnection(), batch.Select(m => (IReadOnlyList<(string, int)>)RateLimits.KeysFor(m, o).ToList()).ToList(), ct);
        var channelFull = false;
        for (var i = 0; i < batch.Count; i++)
        {
            if (verdicts[i] is not { } full) continue;
            // Over a shared limit this second: back to the queue, not an attempt. Held back by the channel's limit the
            // row keeps its place (due since it was created); by one chat's limit it waits for the next second.
            var m = batch[i];
            m.Attempts--;
            m.Status = OutboxStatus.Pending;
            var byChannel = full == RateLimits.ChannelKey(m.Channel);
            channelFull |= byChannel;
            m.NextAttemptAtUtc = byChannel ? m.CreatedAtUtc : now.AddMilliseconds(1000 - now.Millisecond + Random.Shared.Next(50));
        }

        // Parallelism workers, each with its own scope and senders, taking the granted rows in turn. A slot of a
        // per-second limit is good for the second it was taken in: a row whose send would start in a later second
        // (slow sends, a starved CPU) goes back unsent, or the provider would count it on top of that second's quota.
        var grantedSecond = SecondOf(clock.GetUtcNow());
        var limited = batch.Select(m => RateLimits.KeysFor(m, o).Any()).ToArray();
        var toSend = new System.Collections.Concurrent.ConcurrentQueue<int>(Enumerable.Range(0, batch.Count).Where(i => verdicts[i] is null));
        var workers = Math.Clamp(o.Parallelism, 1, Math.Max(1, toSend.Count));
        var expired = new System.Collections.Concurrent.ConcurrentBag<int>();
        var lastDoneSecond = grantedSecond;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await using var worker = scopes.CreateAsyncScope();
            var senders = worker.ServiceProvider.GetServices<IChannelSender>().ToList();
            while (toSend.TryDequeue(out var i))
            {
                if (limited[i] && SecondOf(clock.GetUtcNow()) != grantedSecond)
                {
                    var m = batch[i];
                    m.Attempts--;
                    m.Status = OutboxStatus.Pending;
                    m.NextAttemptAtUtc = m.CreatedAtUtc; // keeps its place in the queue
                    expired.Add(i);
                    continue;
                }
                results[i] = await SendAsync(senders, batch[i], ct);
                if (limited[i]) InterlockedMax(ref lastDoneSecond, SecondOf(clock.GetUtcNow()));
            }
        }, ct)));
        if (!expired.IsEmpty)
        {
            log.LogDebug("Outbox: {Count} granted sends ran past their second and went back to the queue", expired.Count);
            await RateLimits.GiveBackAsync(db.Database.GetDbConnection(), slotSecond, expired.SelectMany(i => RateLimits.KeysFor(batch[i], o).Select(k => k.Key)), ct);
        }

        now = clock.GetUtcNow().UtcDateTime;
        var failed = new List<(OutboxMessage, bool)>();
        var outcomes = new string?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i] is not { } result) continue;
            if (Record(batch[i], result, o, now) is { } permanent) failed.Add((batch[i], permanent));
            outcomes[i] = AttemptOutcome(batch[i], result);
        }
        var saved = await SaveAsync(db, batch, claimed, outcomes, now, ct);
        foreach (var (m, permanent) in failed.Where(f => saved.Contains(f.Item1.Id)))
            foreach (var h in sp.GetServices<INotificationFailureHandler>().Where(h => h.Handles(m.EntityType)))
                await h.OnFailedAsync(m, permanent, ct);

        if (lastDoneSecond > grantedSecond)
        {
            // Sends granted in one second reached the provider in a later one, which counts them there: leave that
            // second to them and take no new slots before the next.
            var wait = (lastDoneSecond + 1) * 1000 - clock.GetUtcNow().ToUnixTimeMilliseconds() + 5;
            if (wait > 0) await Task.Delay(TimeSpan.FromMilliseconds(wait), ct);
        }
        else if (channelFull)
        {
            var wait = 1000 - clock.GetUtcNow().Millisecond + 5;
            await Task.Delay(TimeSpan.FromMilliseconds(wait), ct);
        }
        return batch.Count;
    }

    private static long SecondOf(DateTimeOffset t) => t.ToUnixTimeSeconds();

    private static void InterlockedMax(ref long target, long value)
    {
        for (var seen = Interlocked.Read(ref target); value > seen; seen = Interlocked.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }

    /// <summary>Best effort after a failed batch: the rows still "sending" under our claim are due again in a second, the attempt not counted.</summary>
    private async Task ReleaseAsync(long[] ids, int[] claimed, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlRawAsync("""
                UPDATE notifications n SET status = 'Pending', attempts = n.attempts - 1, next_attempt_at_utc = clock_timestamp() + interval '1 second'
                FROM unnest(@ids, @claimed) AS r(id, claimed)
                WHERE n.id = r.id AND n.status = 'Sending' AND n.attempts = r.claimed
                """, [new NpgsqlParameter("ids", ids), new NpgsqlParameter("claimed", claimed)], ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Outbox batch could not be released; its lease will bring it back");
        }
    }

    /// <summary>Sends until nothing is due (tests, the benchmark).</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var total = 0;
        for (int n; (n = await DispatchOnceAsync(ct)) > 0;) total += n;
        return total;
    }

    /// <summary>Claims up to a batch of due rows (attempt counted, lease set) and returns them with their attachments.</summary>
    private static async Task<List<OutboxMessage>> ClaimAsync(AppDbContext db, OutboxOptions o, CancellationToken ct)
    {
        // While "sending", next_attempt_at_utc is the lease's end: one condition finds both due and abandoned rows.
        var batch = await db.Notifications.FromSqlRaw("""
            UPDATE notifications SET status = 'Sending', attempts = attempts + 1,
                   next_attempt_at_utc = clock_timestamp() + make_interval(secs => @lease)
            WHERE id IN (SELECT id FROM notifications
                         WHERE status IN ('Pending', 'Sending') AND next_attempt_at_utc <= clock_timestamp()
                         ORDER BY next_attempt_at_utc LIMIT @n FOR UPDATE SKIP LOCKED)
            RETURNING *
            """, new NpgsqlParameter("lease", (double)o.LeaseSeconds), new NpgsqlParameter("n", o.BatchSize)).AsNoTracking().ToListAsync(ct);
        if (batch.Count == 0) return batch;
        batch.Sort((a, b) => a.Id.CompareTo(b.Id));
        var emails = batch.Where(m => m.Channel == Channel.Email).Select(m => m.Id).ToList();
        if (emails.Count > 0)
        {
            var files = (await db.NotificationAttachments.AsNoTracking().Where(a => emails.Contains(a.NotificationId)).ToListAsync(ct)).ToLookup(a => a.NotificationId);
            foreach (var m in batch) m.Attachments = files[m.Id].ToList();
        }
        if (Random.Shared.Next(50) == 0) await RateLimits.PruneAsync(db.Database.GetDbConnection(), ct);
        return batch;
    }

    /// <summary>One attempt through the row's channel; an exception of the sender counts as a passing failure.</summary>
    private async Task<SendResult> SendAsync(List<IChannelSender> senders, OutboxMessage m, CancellationToken ct)
    {
        try
        {
            var sender = senders.FirstOrDefault(s => s.Channel == m.Channel);
            return sender is null ? SendResult.Permanent($"Канал {m.Channel} не подключён.") : await sender.SendAsync(m, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Outbox row {Id}: the sender threw", m.Id);
            return SendResult.Retry(e.Message);
        }
    }

    /// <summary>
    /// Writes the batch's new states and, for each attempt made, its attempt-log line, in one statement. A row is
    /// written only while it is still "sending" with the attempt count of our claim: if its lease ran out and another
    /// instance claimed it again meanwhile, that instance's result stands. Returns the ids written.
    /// </summary>
    private async Task<HashSet<long>> SaveAsync(AppDbContext db, List<OutboxMessage> batch, int[] claimed, string?[] outcomes, DateTime nowUtc, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var cmd = new NpgsqlCommand("""
            WITH r AS (
                SELECT * FROM unnest(@id, @claimed, @status, @attempts, @next, @error, @pid, @outcome)
                    AS r(id, claimed, status, attempts, next, error, pid, outcome)),
            done AS (
                UPDATE notifications n SET status = r.status, attempts = r.attempts, next_attempt_at_utc = r.next,
                       last_error = CASE WHEN r.outcome IS NULL THEN n.last_error ELSE r.error END,
                       provider_message_id = CASE WHEN r.status = 'Sent' THEN r.pid ELSE n.provider_message_id END,
                       sent_at_utc = CASE WHEN r.status = 'Sent' THEN @at ELSE n.sent_at_utc END
                FROM r WHERE n.id = r.id AND n.status = 'Sending' AND n.attempts = r.claimed
                RETURNING n.id),
            logged AS (
                INSERT INTO notification_attempts (notification_id, number, at_utc, outcome, error)
                SELECT r.id, 1 + (SELECT count(*) FROM notification_attempts a WHERE a.notification_id = r.id), @at, r.outcome, r.error
                FROM r JOIN done ON done.id = r.id WHERE r.outcome IS NOT NULL)
            SELECT id FROM done
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter("id", batch.Select(m => m.Id).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter("claimed", claimed));
        cmd.Parameters.Add(new NpgsqlParameter("status", batch.Select(m => m.Status.ToString()).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter("attempts", batch.Select(m => m.Attempts).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter("next", batch.Select(m => m.NextAttemptAtUtc).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Select(m => m.LastError).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("pid", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Select(m => m.ProviderMessageId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("outcome", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = outcomes });
        cmd.Parameters.Add(new NpgsqlParameter("at", nowUtc));
        var saved = new HashSet<long>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) saved.Add(r.GetInt64(0));
        if (saved.Count < batch.Count)
            log.LogWarning("Outbox rows {Ids} were claimed again by another instance before their results were saved",
                string.Join(", ", batch.Select(m => m.Id).Where(id => !saved.Contains(id))));
        return saved;
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
