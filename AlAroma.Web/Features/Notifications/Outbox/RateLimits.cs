using System.Data.Common;
using Npgsql;

namespace AlAroma.Web.Features.Notifications.Outbox;

/// <summary>
/// Per-channel (and per-chat) send limits shared by every app instance: each send takes a slot in the
/// <c>notification_rate_counters</c> row of its key and current second with one upsert that refuses past the limit,
/// so two instances together never exceed it.
/// </summary>
public static class RateLimits
{
    /// <summary>The counter keys a message must pass, with their per-second limits (limits of 0 are left out).</summary>
    public static IEnumerable<(string Key, int Limit)> KeysFor(OutboxMessage m, OutboxOptions o)
    {
        if (o.PerSecond(m.Channel) is > 0 and var all) yield return (m.Channel.ToString().ToLowerInvariant(), all);
        if (m.Channel == Channel.Telegram && o.TelegramPerChatPerSecond > 0) yield return ("telegram:" + m.Recipient, o.TelegramPerChatPerSecond);
    }

    /// <summary>Takes one slot of every key in the current second; false (and nothing taken) when one is full.</summary>
    public static async Task<bool> TryTakeAsync(DbConnection connection, IReadOnlyList<(string Key, int Limit)> keys, CancellationToken ct)
    {
        if (keys.Count == 0) return true;
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var (key, limit) in keys)
        {
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO notification_rate_counters (key, second_utc, count)
                VALUES (@key, date_trunc('second', clock_timestamp()), 1)
                ON CONFLICT (key, second_utc) DO UPDATE SET count = notification_rate_counters.count + 1
                WHERE notification_rate_counters.count < @limit
                RETURNING count
                """;
            cmd.Parameters.Add(new NpgsqlParameter("key", key));
            cmd.Parameters.Add(new NpgsqlParameter("limit", limit));
            if (await cmd.ExecuteScalarAsync(ct) is null)
            {
                await tx.RollbackAsync(ct);
                return false;
            }
        }
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Deletes counters older than a minute (they only matter within their second).</summary>
    public static async Task PruneAsync(DbConnection connection, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "DELETE FROM notification_rate_counters WHERE second_utc < clock_timestamp() - interval '1 minute'";
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
