using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Stocktakes;

/// <summary>
/// "Провести": writes the differences of a reviewed stocktake to the ledger in one transaction.
/// <list type="bullet">
/// <item>A counted product is adjusted by <c>counted − book at count</c> (<see cref="StocktakeRules"/>): sales and
/// other movements after its count stay in the balance.</item>
/// <item>A product in scope nobody counted and the reviewer did not exclude counts as 0: its line is created now
/// with the balance at posting as book, and the whole balance is written off.</item>
/// </list>
/// The balance rows are locked first (product order, like <see cref="StockLedger"/>), so the balances checked are the
/// ones adjusted. Counted and unit cost are frozen on the lines; the movements are StocktakeAdjustment.
/// </summary>
public sealed class PostStocktake(AppDbContext db, LocationScope scope, TimeProvider clock, ICurrentUser user)
{
    /// <summary>Posts and returns the number.</summary>
    /// <exception cref="BusinessRuleException">
    /// Not in review, not the user's location, or a shortage larger than what is on hand now (the message names the
    /// products and asks to recount them); nothing changes.
    /// </exception>
    public async Task<string> HandleAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var s = await StocktakeDocs.LockAsync(db, scope, id, exclusive: true, "проводить инвентаризацию", ct);
        s.Post(now, user.UserName);

        var lines = await db.Set<StocktakeLine>().Where(l => l.StocktakeId == id).ToListAsync(ct);
        var lineIds = lines.Select(l => l.ProductId).ToList();
        var uncounted = await StocktakeDocs.InScope(db, s.LocationId, s.Scope, s.ScopeValues)
            .Where(p => !lineIds.Contains(p.Id) && !s.ExcludedProductIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var all = lineIds.Concat(uncounted).Distinct().OrderBy(x => x).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM stock_balances WHERE location_id = {s.LocationId} AND product_id = ANY({all}) ORDER BY product_id FOR UPDATE", ct);
        var balances = await db.StockBalances.AsNoTracking().Where(b => b.LocationId == s.LocationId && all.Contains(b.ProductId))
            .ToDictionaryAsync(b => b.ProductId, b => b.Quantity, ct);
        var lastMovements = await db.StockMovements.AsNoTracking().Where(m => m.LocationId == s.LocationId && uncounted.Contains(m.ProductId))
            .GroupBy(m => m.ProductId).Select(g => new { g.Key, Last = g.Max(m => m.Id) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        foreach (var productId in uncounted.Where(p => balances.GetValueOrDefault(p) != 0))
        {
            var line = new StocktakeLine
            {
                StocktakeId = id, ProductId = productId, BookQuantity = balances[productId],
                SnapshotMovementId = lastMovements.TryGetValue(productId, out var last) ? last : null,
            };
            db.Add(line);
            lines.Add(line);
        }

        var counted = await StocktakeDocs.CountedAsync(db, id, ct);
        var costs = await db.Products.AsNoTracking().Where(p => all.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => new { p.Name, p.AverageCost }, ct);
        var changes = new List<StockChange>();
        var refused = new List<string>();
        foreach (var l in lines)
        {
            l.CountedQuantity = counted.GetValueOrDefault(l.ProductId);
            l.UnitCost = costs[l.ProductId].AverageCost;
            var adjustment = StocktakeRules.Adjustment(l.CountedQuantity.Value, l.BookQuantity);
            var onHand = balances.GetValueOrDefault(l.ProductId);
            if (!StocktakeRules.Applicable(onHand, adjustment))
                refused.Add($"«{costs[l.ProductId].Name}»: недостача {-adjustment} шт., а на остатке сейчас {onHand} шт.");
            changes.Add(new StockChange(s.LocationId, l.ProductId, adjustment));
        }
        if (refused.Count > 0)
            throw new BusinessRuleException("Провести нельзя: после подсчёта товара ушло больше, чем посчитано — " + string.Join("; ", refused)
                + ". Верните инвентаризацию на подсчёт и пересчитайте эти товары.");

        await db.SaveChangesAsync(ct);
        await StockLedger.ApplyAsync(db, changes, MovementKind.StocktakeAdjustment, s.Number, s.Id, now, user.UserName, ct);
        await tx.CommitAsync(ct);
        return s.Number;
    }
}
