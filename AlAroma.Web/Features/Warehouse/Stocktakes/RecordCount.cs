using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Stocktakes;

/// <summary>
/// Counting: a barcode scan (1 unit or a typed quantity), a product found by search with a typed quantity, or a
/// counter's correction of their own count. Every count is a new <see cref="StocktakeEntry"/> of the signed-in
/// counter, so counters working at once never overwrite each other. The first count of a product creates its line
/// with the book quantity and the last ledger movement id of that moment, taken in one statement (one snapshot);
/// concurrent first counts create it once (unique index, ON CONFLICT DO NOTHING).
/// </summary>
public sealed class RecordCount(AppDbContext db, LocationScope scope, TimeProvider clock, ICurrentUser user, GetCounting get)
{
    /// <summary>Largest quantity one entry may carry.</summary>
    public const int MaxQuantity = 10_000;

    /// <summary>A search hit (no stock figures: the count is blind).</summary>
    public sealed record Hit(int Id, string Sku, string Name, string? Brand, string? Barcode);

    /// <summary>The search results under the search box.</summary>
    public sealed record HitsModel(long StocktakeId, string? Query, IReadOnlyList<Hit> Hits);

    /// <summary>A scanned barcode adds <paramref name="quantity"/> units (1 when empty) of the product.</summary>
    /// <exception cref="BusinessRuleException">Unknown barcode, product out of scope, bad quantity, counting closed, foreign location; nothing is written.</exception>
    public async Task<GetCounting.Model> ScanAsync(long id, string? barcode, int? quantity, CancellationToken ct)
    {
        var qty = Checked(quantity ?? 1, min: 1);
        var code = (barcode ?? "").Trim();
        if (code.Length == 0) throw new BusinessRuleException("Отсканируйте штрихкод или введите его и нажмите Enter.");
        var productId = await db.Barcodes.AsNoTracking().Where(b => b.Code == code).Select(b => (int?)b.ProductId).FirstOrDefaultAsync(ct)
                        ?? throw new BusinessRuleException($"Штрихкод {code} не найден в каталоге. Найдите товар поиском по названию или артикулу — посчитанное не изменилось.");
        return await RecordAsync(id, productId, CountEntryKind.Scan, _ => qty, ct);
    }

    /// <summary>Adds <paramref name="quantity"/> typed units of a product found by search.</summary>
    /// <exception cref="BusinessRuleException">Unknown product, out of scope, bad quantity, counting closed, foreign location.</exception>
    public Task<GetCounting.Model> AddAsync(long id, int productId, int quantity, CancellationToken ct)
    {
        var qty = Checked(quantity, min: 1);
        return RecordAsync(id, productId, CountEntryKind.Typed, _ => qty, ct);
    }

    /// <summary>Sets the signed-in counter's own count of a product (a correction entry with the difference; others' counts stay).</summary>
    /// <exception cref="BusinessRuleException">Bad quantity, counting closed, foreign location.</exception>
    public Task<GetCounting.Model> SetMineAsync(long id, int productId, int quantity, CancellationToken ct)
    {
        var qty = Checked(quantity, min: 0);
        return RecordAsync(id, productId, CountEntryKind.Correction, mine => qty - mine, ct);
    }

    /// <summary>Up to 15 products of the stocktake's scope whose name, SKU or barcode contains <paramref name="text"/>.</summary>
    public async Task<HitsModel?> SearchAsync(long id, string? text, CancellationToken ct)
    {
        if (await StocktakeDocs.HeaderAsync(db, scope, id, ct) is not { } h) return null;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2) return new HitsModel(id, text, []);
        var hits = await (await StocktakeDocs.InScope(db, h.LocationId, h.Scope, h.ScopeValues).SuggestAsync(db, text, ct)).Products
            .OrderBy(p => p.Name).ThenBy(p => p.Id).Take(15)
            .Select(p => new Hit(p.Id, p.Sku, p.Name, p.Brand, p.Barcodes.Where(b => !b.IsTester).OrderBy(b => b.Id).Select(b => b.Code).FirstOrDefault()))
            .ToListAsync(ct);
        return new HitsModel(id, text, hits);
    }

    private static int Checked(int quantity, int min) =>
        quantity < min || quantity > MaxQuantity
            ? throw new BusinessRuleException($"Количество — целое число от {min} до {MaxQuantity:N0}. Посчитанное не изменилось.")
            : quantity;

    /// <param name="delta">Units to record given the counter's current own count of the product.</param>
    private async Task<GetCounting.Model> RecordAsync(long id, int productId, CountEntryKind kind, Func<int, int> delta, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var me = user.UserName;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var s = await StocktakeDocs.LockAsync(db, scope, id, exclusive: false, "вести подсчёт", ct);
            s.EnsureCounting();
            var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct)
                          ?? throw new BusinessRuleException("Товар не найден в каталоге. Обновите страницу.");
            if (!s.Covers(product))
                throw new BusinessRuleException($"«{product.Name}» не входит в эту инвентаризацию ({Stocktake.ScopeLabel(s.Scope, s.ScopeValues)}). Отложите товар — он не посчитан.");

            // Book quantity and the last movement id in one statement: one snapshot, consistent with each other.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO stocktake_lines (stocktake_id, product_id, book_quantity, snapshot_movement_id, first_counted_at_utc)
                VALUES ({id}, {productId},
                        COALESCE((SELECT quantity FROM stock_balances WHERE location_id = {s.LocationId} AND product_id = {productId}), 0),
                        (SELECT MAX(id) FROM stock_movements WHERE location_id = {s.LocationId} AND product_id = {productId}), {now})
                ON CONFLICT (stocktake_id, product_id) DO NOTHING
                """, ct);
            var mine = 0;
            if (kind == CountEntryKind.Correction)
            {
                // The line lock orders one counter's corrections of a product (two tabs of the same person).
                await db.Database.ExecuteSqlAsync($"SELECT 1 FROM stocktake_lines WHERE stocktake_id = {id} AND product_id = {productId} FOR UPDATE", ct);
                mine = await db.Set<StocktakeEntry>().Where(e => e.StocktakeId == id && e.ProductId == productId && e.CountedBy == me).SumAsync(e => e.Quantity, ct);
            }
            var units = delta(mine);
            if (units != 0)
            {
                db.Add(new StocktakeEntry { StocktakeId = id, ProductId = productId, Quantity = units, Kind = kind, CountedBy = me, AtUtc = now });
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        return (await get.HandleAsync(id, ct))!;
    }
}
