using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>
/// The row lock of a register's cart, taken by every cart edit and by the checkout: it serialises them, so quick
/// scans never lose an increment and a duplicate "Пробить чек" waits for the first one.
/// </summary>
public static class CartLock
{
    /// <summary>
    /// Creates the register's cart if missing, locks its row until the transaction ends, bumps its version and
    /// loads it with its lines (tracked). Run inside a transaction.
    /// </summary>
    /// <param name="nowUtc">Written as the cart's last change (UTC).</param>
    public static async Task<PosCart> LockAsync(AppDbContext db, int registerId, DateTime nowUtc, CancellationToken ct)
    {
        var id = (await db.Database.SqlQuery<long>($"""
            INSERT INTO pos_carts AS c (register_id, version, updated_at_utc) VALUES ({registerId}, 1, {nowUtc})
            ON CONFLICT (register_id) DO UPDATE SET version = c.version + 1, updated_at_utc = excluded.updated_at_utc
            RETURNING id AS "Value"
            """).ToListAsync(ct))[0];
        return await db.PosCarts.Include(c => c.Lines).Include(c => c.Certificates).SingleAsync(c => c.Id == id, ct);
    }
}
