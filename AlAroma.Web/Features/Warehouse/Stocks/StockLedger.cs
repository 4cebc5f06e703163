using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Stocks;

/// <summary>One signed change of stock requested by a document.</summary>
/// <param name="LocationId">Where.</param>
/// <param name="ProductId">What.</param>
/// <param name="Quantity">Signed units: + in, − out. Zero is ignored.</param>
public readonly record struct StockChange(int LocationId, int ProductId, int Quantity);

/// <summary>
/// The only writer of stock. Each change is a conditional UPDATE (<c>quantity + d ≥ 0</c>) that takes the
/// row lock, so concurrent sales and shipments serialise per (location, product) and none can drive a
/// balance negative; the matching ledger row is written in the same transaction.
/// </summary>
public static class StockLedger
{
    /// <summary>
    /// Applies the changes in a fixed order (location, product) so that two documents never deadlock.
    /// Must run inside the caller's transaction: on an exception the caller rolls back and nothing moved.
    /// </summary>
    /// <returns>The ledger rows written, in application order.</returns>
    /// <exception cref="BusinessRuleException">A balance would go negative; the message names the product and what is on hand.</exception>
    /// <exception cref="InvalidOperationException">Called outside a transaction.</exception>
    public static async Task<IReadOnlyList<StockMovement>> ApplyAsync(
        AppDbContext db, IEnumerable<StockChange> changes, MovementKind kind, string documentNumber, long documentId,
        DateTime atUtc, string? userName, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Stock changes must run inside a transaction.");

        var merged = changes
            .GroupBy(c => (c.LocationId, c.ProductId))
            .Select(g => new StockChange(g.Key.LocationId, g.Key.ProductId, g.Sum(c => c.Quantity)))
            .Where(c => c.Quantity != 0)
            .OrderBy(c => c.LocationId).ThenBy(c => c.ProductId)
            .ToList();

        var written = new List<StockMovement>(merged.Count);
        foreach (var c in merged)
        {
            // Increase: create the balance row on first receipt. Decrease: a conditional update that matches no
            // row when stock is short; it takes the row lock, so concurrent decreases queue behind each other.
            var after = c.Quantity > 0
                ? await db.Database.SqlQuery<After>($"""
                    INSERT INTO stock_balances AS b (location_id, product_id, quantity)
                    VALUES ({c.LocationId}, {c.ProductId}, {c.Quantity})
                    ON CONFLICT (location_id, product_id) DO UPDATE SET quantity = b.quantity + {c.Quantity}
                    RETURNING quantity, min_quantity
                    """).ToListAsync(ct)
                : await db.Database.SqlQuery<After>($"""
                    UPDATE stock_balances SET quantity = quantity + {c.Quantity}
                    WHERE location_id = {c.LocationId} AND product_id = {c.ProductId} AND quantity + {c.Quantity} >= 0
                    RETURNING quantity, min_quantity
                    """).ToListAsync(ct);
            if (after.Count == 0) throw await Shortage(db, c, ct);

            var m = new StockMovement
            {
                LocationId = c.LocationId, ProductId = c.ProductId, Quantity = c.Quantity, BalanceAfter = after[0].Quantity,
                Kind = kind, DocumentNumber = documentNumber, DocumentId = documentId, OccurredAtUtc = atUtc, UserName = userName,
            };
            db.StockMovements.Add(m);
            written.Add(m);
            // "Мало товара": only the movement that crosses the threshold raises an alert, not every one below it.
            if (LowStock.LowStockRule.CrossedBelow(after[0].Quantity - c.Quantity, after[0].Quantity, after[0].MinQuantity))
            {
                db.LowStockAlerts.Add(new LowStock.LowStockAlert
                {
                    LocationId = c.LocationId, ProductId = c.ProductId, Balance = after[0].Quantity, Threshold = after[0].MinQuantity!.Value, AtUtc = atUtc,
                });
                await WarehouseBell.LowStockAsync(db, c.LocationId, c.ProductId, after[0].Quantity, after[0].MinQuantity!.Value, atUtc, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        return written;
    }

    /// <summary>The balance row right after a change (columns quantity, min_quantity).</summary>
    private sealed record After(int Quantity, int? MinQuantity);

    private static async Task<BusinessRuleException> Shortage(AppDbContext db, StockChange c, CancellationToken ct)
    {
        var onHand = await db.StockBalances.Where(b => b.LocationId == c.LocationId && b.ProductId == c.ProductId)
            .Select(b => (int?)b.Quantity).FirstOrDefaultAsync(ct) ?? 0;
        var product = await db.Products.Where(p => p.Id == c.ProductId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? $"#{c.ProductId}";
        var location = await db.Locations.Where(l => l.Id == c.LocationId).Select(l => l.Name).FirstOrDefaultAsync(ct) ?? $"#{c.LocationId}";
        return new BusinessRuleException(
            $"Недостаточно товара «{product}» в «{location}»: в наличии {onHand} шт., требуется {-c.Quantity} шт. Проверьте остатки или уменьшите количество.");
    }
}
