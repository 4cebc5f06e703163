using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace AlAroma.Web.Features.Notifications.Outbox;

/// <summary>
/// Per-channel (and per-chat) send limits shared by every app instance: a batch takes its slots in the
/// <c>notification_rate_counters</c> rows of its keys and the current (database) second in one short transaction that
/// locks those rows, so instances together never exceed a limit and a batch costs three round trips, not one per row.
/// </summary>
public static class RateLimits
{
    /// <summary>The counter keys a message must pass, with their per-second limits (limits of 0 are left out).</summary>
    public static IEnumerable<(string Key, int Limit)> KeysFor(OutboxMessage m, OutboxOptions o)
    {
        if (o.PerSecond(m.Channel) is > 0 and var all) yield return (ChannelKey(m.Channel), all);
        if (m.Channel == Channel.Telegram && o.TelegramPerChatPerSecond > 0) yield return ("telegram:" + m.Recipient, o.TelegramPerChatPerSecond);
    }

    /// <summary>The counter key of a channel's overall limit ("sms").</summary>
    public static string ChannelKey(Channel channel) => channel.ToString().ToLowerInvariant();

    /// <summary>
    /// Takes one slot of every key of each message that still fits this second, in the order given (the oldest first);
    /// a message that does not fit takes nothing. Returns, per message, null when it may be sent now, else the first
    /// key that was full; and the database second (UTC) the slots were taken in, for <see cref="GiveBackAsync"/>.
    /// </summary>
    public static async Task<(string?[] Full, DateTime SecondUtc)> TakeAsync(DbConnection connection, IReadOnlyList<IReadOnlyList<(string Key, int Limit)>> perMessage, CancellationToken ct)
    {
        var verdict = new string?[perMessage.Count];
        var keys = perMessage.SelectMany(k => k).Select(k => k.Key).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (keys.Length == 0) return (verdict, default);
        var second = default(DateTime);

        await using var tx = await connection.BeginTransactionAsync(ct);
        // Sorted keys: two instances insert and lock the same rows in the same order, so they never deadlock.
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)tx))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                INSERT INTO notification_rate_counters (key, second_utc, count)
                SELECT k, date_trunc('second', now()), 0 FROM unnest(@keys) AS k ORDER BY k
                ON CONFLICT (key, second_utc) DO NOTHING
                """) { Parameters = { new NpgsqlParameter("keys", keys) } });
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                SELECT key, count, second_utc FROM notification_rate_counters
                WHERE key = ANY(@keys) AND second_utc = date_trunc('second', now())
                ORDER BY key FOR UPDATE
                """) { Parameters = { new NpgsqlParameter("keys", keys) } });
            await using var r = await batch.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                used[r.GetString(0)] = r.GetInt32(1);
                second = r.GetDateTime(2);
            }
        }

        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < perMessage.Count; i++)
        {
            var full = perMessage[i].FirstOrDefault(k => used.GetValueOrDefault(k.Key) >= k.Limit).Key;
            verdict[i] = full;
            if (full is not null) continue;
            foreach (var (key, _) in perMessage[i])
            {
                used[key] = used.GetValueOrDefault(key) + 1;
                taken[key] = taken.GetValueOrDefault(key) + 1;
            }
        }
        if (taken.Count > 0)
        {
            await using var cmd = new NpgsqlCommand("""
                UPDATE notification_rate_counters c SET count = c.count + t.n
                FROM unnest(@keys, @counts) AS t(key, n)
                WHERE c.key = t.key AND c.second_utc = date_trunc('second', now())
                """, (NpgsqlConnection)connection, (NpgsqlTransaction)tx);
            cmd.Parameters.Add(new NpgsqlParameter("keys", taken.Keys.ToArray()));
            cmd.Parameters.Add(new NpgsqlParameter("counts", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = taken.Values.ToArray() });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return (verdict, second);
    }

    /// <summary>
    /// Returns slots taken in <paramref name="secondUtc"/> by messages that were then not sent (their send would have
    /// started in a later second), so a counter says how many messages really went in its second.
    /// </summary>
    public static async Task GiveBackAsync(DbConnection connection, DateTime secondUtc, IEnumerable<string> keys, CancellationToken ct)
    {
        var counts = keys.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        if (counts.Count == 0) return;
        await using var cmd = new NpgsqlCommand("""
            UPDATE notification_rate_counters c SET count = greatest(c.count - t.n, 0)
            FROM unnest(@keys, @counts) AS t(key, n)
            WHERE c.key = t.key AND c.second_utc = @second
            """, (NpgsqlConnection)connection);
        cmd.Parameters.Add(new NpgsqlParameter("keys", counts.Keys.ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter("counts", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = counts.Values.ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("second", NpgsqlDbType.TimestampTz) { Value = DateTime.SpecifyKind(secondUtc, DateTimeKind.Utc) });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Deletes counters older than a minute (they only matter within their second).</summary>
    public static async Task PruneAsync(DbConnection connection, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "DELETE FROM notification_rate_counters WHERE second_utc < clock_timestamp() - interval '1 minute'";
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
