using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Loyalty;

/// <summary>
/// The only writer of points balances. A redemption is a conditional UPDATE (<c>balance ≥ points</c>) under the
/// row lock, so two tills cannot spend the same points twice; reversals after a return may take the balance
/// below zero (DOMAIN.md), which blocks redemption until it is positive again. Each change writes a
/// <see cref="PointsEntry"/> in the caller's transaction.
/// </summary>
public static class PointsLedger
{
    /// <summary>Points live 12 months from accrual (DOMAIN.md) unless the programme's terms say otherwise.</summary>
    public const int LifetimeMonths = 12;

    /// <summary>Accrues <paramref name="points"/> (&gt; 0) for a sale, alive <paramref name="lifetimeMonths"/> months (the terms in force).</summary>
    /// <param name="comment">What the entry is for when there is no <paramref name="saleId"/> (an external register's receipt).</param>
    public static Task<int> AccrueAsync(AppDbContext db, long customerId, int points, long? saleId, DateTime atUtc, string userName, int lifetimeMonths, CancellationToken ct,
        string? comment = null) =>
        ApplyAsync(db, customerId, PointsEntryKind.Accrual, points, allowNegative: true, saleId, atUtc, userName, comment, ct, lifetimeMonths);

    /// <summary>Gives <paramref name="points"/> (&gt; 0) as a gift that burns at <paramref name="expiresAtUtc"/>.</summary>
    /// <param name="staffUserId">The user id of the staff member who gives it (<see cref="PointsEntry.StaffUserId"/>); null for the programme's gifts.</param>
    public static Task<int> GiftAsync(AppDbContext db, long customerId, int points, DateTime atUtc, string userName, string? comment, DateTime expiresAtUtc, CancellationToken ct,
        string? staffUserId = null) =>
        ApplyAsync(db, customerId, PointsEntryKind.Gift, points, allowNegative: true, null, atUtc, userName, comment, ct, expiresAtUtc: expiresAtUtc, staffUserId: staffUserId);

    /// <summary>Adds (positive) or removes (negative, may go below zero) points without a balance check.</summary>
    public static Task<int> PostAsync(AppDbContext db, long customerId, PointsEntryKind kind, int points, long? saleId, DateTime atUtc, string userName, string? comment, CancellationToken ct) =>
        ApplyAsync(db, customerId, kind, points, allowNegative: true, saleId, atUtc, userName, comment, ct);

    /// <summary>Spends <paramref name="points"/> on a sale.</summary>
    /// <returns>The balance after.</returns>
    /// <exception cref="BusinessRuleException">Not enough points; the message says how many there are.</exception>
    /// <param name="comment">What the entry is for when there is no <paramref name="saleId"/> (an external register's receipt).</param>
    public static Task<int> RedeemAsync(AppDbContext db, long customerId, int points, long? saleId, DateTime atUtc, string userName, CancellationToken ct, string? comment = null)
    {
        if (points <= 0) throw new BusinessRuleException("Количество баллов для списания должно быть больше нуля.");
        return ApplyAsync(db, customerId, PointsEntryKind.Redemption, -points, allowNegative: false, saleId, atUtc, userName, comment, ct);
    }

    private static async Task<int> ApplyAsync(AppDbContext db, long customerId, PointsEntryKind kind, int points, bool allowNegative, long? saleId,
        DateTime atUtc, string userName, string? comment, CancellationToken ct, int lifetimeMonths = LifetimeMonths, DateTime? expiresAtUtc = null, string? staffUserId = null)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Points changes must run inside a transaction.");
        var rows = allowNegative
            ? await db.Database.SqlQuery<int>($"UPDATE customers SET points_balance = points_balance + {points} WHERE id = {customerId} RETURNING points_balance AS \"Value\"").ToListAsync(ct)
            : await db.Database.SqlQuery<int>($"UPDATE customers SET points_balance = points_balance + {points} WHERE id = {customerId} AND points_balance + {points} >= 0 RETURNING points_balance AS \"Value\"").ToListAsync(ct);
        if (rows.Count == 0)
        {
            var balance = await db.Set<Customer>().Where(c => c.Id == customerId).Select(c => (int?)c.PointsBalance).FirstOrDefaultAsync(ct)
                ?? throw new BusinessRuleException("Клиент не найден.");
            throw new BusinessRuleException(balance <= 0
                ? "У клиента нет баллов для списания."
                : $"У клиента {balance} баллов, а списать пытаются {-points}. Спишите не больше {balance}.");
        }
        db.Add(new PointsEntry
        {
            CustomerId = customerId, Kind = kind, Points = points, BalanceAfter = rows[0], AtUtc = atUtc, SaleId = saleId, UserName = userName, Comment = comment, StaffUserId = staffUserId,
            ExpiresAtUtc = expiresAtUtc ?? (kind is PointsEntryKind.Accrual or PointsEntryKind.Gift ? atUtc.AddMonths(lifetimeMonths) : null),
        });
        await db.SaveChangesAsync(ct);
        return rows[0];
    }
}
