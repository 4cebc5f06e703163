using AlAroma.Web.Data;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AlAroma.Web.Features.Pos;

/// <summary>
/// The shop's receipt number ("S1-000123", DOMAIN.md: receipt number per shop), given to a written sale as the last
/// statement before its commit. The counter row (document_counters, key "receipt-S1") is what every till of the shop
/// shares, so its lock is taken by one statement that also writes the number into the sale, its ledger rows, its
/// points accrual, the customer's Telegram receipt message in the outbox and the audit log; the lock is then held only for that statement and the commit. Numbers are
/// gap-free: a sale refused or rolled back before this point never took one, and a rollback after it returns it.
/// </summary>
public static class ReceiptNumbers
{
    /// <summary>The counter key of a shop's receipts.</summary>
    public static string CounterKey(string locationCode) => "receipt-" + locationCode;

    /// <summary>
    /// Takes the next number of the shop and writes it into the sale (replacing <paramref name="provisional"/>), the
    /// sale's stock ledger rows, its points accrual comment ("Чек S1-000123") and its outbox messages (the customer's
    /// receipt in Telegram), with an audit entry of the change.
    /// Run inside the sale's transaction, after everything else is saved, right before the commit.
    /// </summary>
    /// <returns>The receipt number.</returns>
    /// <exception cref="InvalidOperationException">Called outside a transaction, or the sale row does not exist.</exception>
    public static async Task<string> AssignAsync(AppDbContext db, ICurrentUser user, string locationCode, long saleId, string provisional,
        IReadOnlyCollection<long> movementIds, DateTime atUtc, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A receipt number is taken inside the sale's transaction.");
        var rows = await db.Database.SqlQueryRaw<string>("""
            WITH c AS (
                INSERT INTO document_counters AS c (key, last_value) VALUES (@key, 1)
                ON CONFLICT (key) DO UPDATE SET last_value = c.last_value + 1
                RETURNING last_value),
            n AS (SELECT @code || '-' || lpad(last_value::text, greatest(6, length(last_value::text)), '0') AS number FROM c),
            s AS (UPDATE sales SET number = n.number FROM n WHERE sales.id = @sale RETURNING sales.number),
            m AS (UPDATE stock_movements SET document_number = n.number FROM n WHERE stock_movements.id = ANY(@movements)),
            p AS (UPDATE points_entries SET comment = 'Чек ' || n.number FROM n WHERE points_entries.sale_id = @sale AND points_entries.kind = @accrual),
            o AS (UPDATE notifications SET data = replace(data::text, @provisional, n.number)::jsonb, summary = replace(summary, @provisional, n.number)
                  FROM n WHERE notifications.entity_type = 'Sale' AND notifications.entity_id = @sale::text),
            a AS (INSERT INTO audit_entries (at_utc, user_id, user_name, ip, user_agent, action, entity, key, old_values, new_values)
                  SELECT @at, @user_id, @user_name, @ip, @user_agent, 'Update', 'Sale', @sale::text,
                         jsonb_build_object('Number', @provisional), jsonb_build_object('Number', n.number) FROM n)
            SELECT number AS "Value" FROM s
            """,
            new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = CounterKey(locationCode) },
            new NpgsqlParameter("code", NpgsqlDbType.Text) { Value = locationCode },
            new NpgsqlParameter("sale", NpgsqlDbType.Bigint) { Value = saleId },
            new NpgsqlParameter("movements", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = movementIds.ToArray() },
            new NpgsqlParameter("accrual", NpgsqlDbType.Text) { Value = nameof(PointsEntryKind.Accrual) },
            new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = atUtc },
            new NpgsqlParameter("user_id", NpgsqlDbType.Text) { Value = (object?)user.UserId ?? DBNull.Value },
            new NpgsqlParameter("user_name", NpgsqlDbType.Text) { Value = user.UserName },
            new NpgsqlParameter("ip", NpgsqlDbType.Text) { Value = (object?)user.Ip ?? DBNull.Value },
            new NpgsqlParameter("user_agent", NpgsqlDbType.Text) { Value = (object?)(user.UserAgent is { Length: > 500 } ua ? ua[..500] : user.UserAgent) ?? DBNull.Value },
            new NpgsqlParameter("provisional", NpgsqlDbType.Text) { Value = provisional })
            .ToListAsync(ct);
        return rows.Count == 1 ? rows[0] : throw new InvalidOperationException($"Sale {saleId} was not found when numbering it.");
    }
}
