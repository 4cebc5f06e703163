using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Stocks;

/// <summary>Checks the stock invariant: for every (location, product), balance == sum of its ledger movements.</summary>
public static class StockInvariant
{
    /// <summary>A (location, product) whose balance differs from its ledger.</summary>
    public sealed record Mismatch(int LocationId, int ProductId, int Balance, long LedgerSum);

    /// <summary>All mismatches (empty when consistent). One full outer join in PostgreSQL. Column aliases are snake_case: the context maps the record's properties by the snake_case convention.</summary>
    public static async Task<List<Mismatch>> FindMismatchesAsync(AppDbContext db, CancellationToken ct) =>
        await db.Database.SqlQuery<Mismatch>($"""
            SELECT COALESCE(b.location_id, m.location_id) AS location_id, COALESCE(b.product_id, m.product_id) AS product_id,
                   COALESCE(b.quantity, 0) AS balance, COALESCE(m.total, 0) AS ledger_sum
            FROM stock_balances b
            FULL JOIN (SELECT location_id, product_id, SUM(quantity) AS total FROM stock_movements GROUP BY location_id, product_id) m
              ON m.location_id = b.location_id AND m.product_id = b.product_id
            WHERE COALESCE(b.quantity, 0) <> COALESCE(m.total, 0)
            ORDER BY 1, 2
            """).ToListAsync(ct);
}
