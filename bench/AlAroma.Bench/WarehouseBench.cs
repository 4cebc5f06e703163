using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Features.Warehouse.GoodsReceipts;
using System.Diagnostics;
using System.Security.Claims;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace AlAroma.Bench;

/// <summary>
/// The warehouse at full depth: a database of 300 000 products with barcodes, 5 locations and 5 000 000 ledger rows
/// (balances == sum of the ledger), loaded with binary COPY; then server-side latency of the "Остатки" (keyset pages,
/// all locations, a word search, a brand, and its separate totals request) and "Движение товаров" handlers at page
/// depths 1, 100, 1000 and last, and of posting a 500-line goods receipt.
/// </summary>
public static class WarehouseBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = BenchHost.Arg(args, "--iterations", 200);
        var productCount = BenchHost.Arg(args, "--products", 300_000);
        var movementCount = BenchHost.Arg(args, "--movements", 5_000_000);
        var reuse = args.Contains("--reuse");
        var maxSeconds = BenchHost.Arg(args, "--max-seconds", 0); // 0 = no cap: every query runs all iterations

        var (cs, _) = await BenchHost.PrepareAsync(BenchHost.Server(), "alaroma_bench", reuse, productCount, movementCount);
        await using var factory = BenchHost.App(cs);
        var sp = factory.Services;

        int location;
        int balanceRows;
        long movementRows;
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            location = await BenchHost.Scalar<int>(conn, "SELECT id FROM locations ORDER BY id LIMIT 1");
            balanceRows = (int)await BenchHost.Scalar<long>(conn, $"SELECT count(*) FROM stock_balances WHERE location_id = {location} AND quantity <> 0");
            movementRows = await BenchHost.Scalar<long>(conn, $"SELECT count(*) FROM stock_movements WHERE location_id = {location}");
            Console.WriteLine($"location {location}: {balanceRows:N0} products in stock, {movementRows:N0} movements; " +
                              $"total {await BenchHost.Scalar<long>(conn, "SELECT count(*) FROM stock_movements"):N0} movements");
        }

        Console.WriteLine();
        Console.WriteLine($"{"query",-44} {"p50 ms",8} {"p95 ms",8} {"max ms",8}   ({iterations} iterations)");
        var lastBalancePage = Math.Max(1, (balanceRows + ListStockBalances.PageSize - 1) / ListStockBalances.PageSize);
        foreach (var page in Depths(lastBalancePage))
        {
            int? after = null;
            if (page > 1)
                await using (var conn = new NpgsqlConnection(cs))
                {
                    await conn.OpenAsync();
                    // The cursor "Показать ещё" would hold after page-1 pages: the id of the last product shown, in (name, id) order.
                    after = await BenchHost.Scalar<int>(conn, $"""
                        SELECT p.id FROM products p
                        WHERE EXISTS (SELECT 1 FROM stock_balances b WHERE b.location_id = {location} AND b.product_id = p.id AND b.quantity <> 0)
                        ORDER BY p.name, p.id OFFSET {(long)(page - 1) * ListStockBalances.PageSize - 1} LIMIT 1
                        """);
                }
            await BenchHost.MeasureAsync(sp, $"Остатки, page {page}", iterations, maxSeconds, (s, _) => s.GetRequiredService<ListStockBalances>()
                .HandleAsync(new ListStockBalances.Input { LocationId = location, After = after }, default));
        }
        await BenchHost.MeasureAsync(sp, "Остатки, все точки, page 1", iterations, maxSeconds, (s, _) => s.GetRequiredService<ListStockBalances>()
            .HandleAsync(new ListStockBalances.Input { LocationId = ListStockBalances.AllLocations }, default));
        await BenchHost.MeasureAsync(sp, "Остатки, поиск «rose oud», page 1", iterations, maxSeconds, (s, _) => s.GetRequiredService<ListStockBalances>()
            .HandleAsync(new ListStockBalances.Input { LocationId = location, Q = "rose oud" }, default));
        await BenchHost.MeasureAsync(sp, "Остатки, бренд Dior, page 1", iterations, maxSeconds, (s, _) => s.GetRequiredService<ListStockBalances>()
            .HandleAsync(new ListStockBalances.Input { LocationId = location, Brand = "Dior" }, default));
        // A shop that carries a small part of a large catalog: the planner must drive from its balances, not walk 300 000 names.
        var sparse = await SparseShopAsync(cs, 2_000);
        foreach (var page in new[] { 1, 40 })
        {
            int? after = null;
            if (page > 1)
                await using (var conn = new NpgsqlConnection(cs))
                {
                    await conn.OpenAsync();
                    after = await BenchHost.Scalar<int>(conn, $"""
                        SELECT p.id FROM products p JOIN stock_balances b ON b.product_id = p.id AND b.location_id = {sparse} AND b.quantity <> 0
                        ORDER BY p.name, p.id OFFSET {(page - 1) * ListStockBalances.PageSize - 1} LIMIT 1
                        """);
                }
            await BenchHost.MeasureAsync(sp, $"Остатки, магазин с 2 000 товаров, page {page}", iterations, maxSeconds, (s, _) => s.GetRequiredService<ListStockBalances>()
                .HandleAsync(new ListStockBalances.Input { LocationId = sparse, After = after }, default));
        }
        // The totals row is its own request, loaded by the page after the rows are shown (not part of the page's time).
        await BenchHost.MeasureAsync(sp, "Итоги остатков (отдельный запрос)", Math.Min(iterations, 20), maxSeconds, (s, _) => s.GetRequiredService<ListStockBalances>()
            .TotalsAsync(new ListStockBalances.Input { LocationId = location }, default));

        var lastMovementPage = (int)Math.Max(1, (movementRows + ListStockMovements.PageSize - 1) / ListStockMovements.PageSize);
        foreach (var page in Depths(lastMovementPage))
        {
            long? before = null;
            if (page > 1)
                await using (var conn = new NpgsqlConnection(cs))
                {
                    await conn.OpenAsync();
                    // The cursor "Показать ещё" would hold after page-1 pages: the id of the last row shown.
                    before = await BenchHost.Scalar<long>(conn, $"SELECT id FROM stock_movements WHERE location_id = {location} ORDER BY id DESC OFFSET {(long)(page - 1) * ListStockMovements.PageSize - 1} LIMIT 1");
                }
            await BenchHost.MeasureAsync(sp, $"Движение (точка), page {page}", iterations, maxSeconds, (s, _) => s.GetRequiredService<ListStockMovements>()
                .HandleAsync(new ListStockMovements.Input { LocationId = location, Before = before }, default));
        }
        await BenchHost.MeasureAsync(sp, "Движение (все точки), page 1", iterations, maxSeconds, (s, _) => s.GetRequiredService<ListStockMovements>()
            .HandleAsync(new ListStockMovements.Input(), default));

        await MeasureReceiptsAsync(sp, cs, location, productCount);
        return 0;
    }

    /// <summary>
    /// Shop "S9" with <paramref name="products"/> products in stock (every 150th), created once: ledger rows and balances
    /// written together so balance == sum(ledger) still holds.
    /// </summary>
    private static async Task<int> SparseShopAsync(string cs, int products)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var existing = await BenchHost.Scalar<object?>(conn, "SELECT id FROM locations WHERE code = 'S9'");
        if (existing is int id) return id;
        id = await BenchHost.Scalar<int>(conn, """
            INSERT INTO locations (code, name, kind, address, time_zone_id, is_active)
            VALUES ('S9', 'Магазин-остров', 'Shop', 'Сочи, ул. Навагинская, 3', 'Europe/Moscow', true) RETURNING id
            """);
        await BenchHost.Exec(conn, $"""
            BEGIN;
            CREATE TEMP TABLE s9 AS SELECT id AS product_id FROM products WHERE id % 150 = 0 ORDER BY id LIMIT {products};
            INSERT INTO stock_movements (location_id, product_id, quantity, balance_after, kind, document_number, document_id, occurred_at_utc, user_name)
            SELECT {id}, product_id, 7, 7, 'TransferIn', 'BENCH-S9', 0, now(), 'bench' FROM s9;
            INSERT INTO stock_balances (location_id, product_id, quantity) SELECT {id}, product_id, 7 FROM s9;
            COMMIT;
            ANALYZE stock_balances;
            """);
        return id;
    }

    /// <summary>Pages 1, 100, 1000 and the last one, those that exist.</summary>
    private static IEnumerable<int> Depths(int last) => new[] { 1, 100, 1000, last }.Where(p => p <= last).Distinct();

    private static async Task MeasureReceiptsAsync(IServiceProvider root, string cs, int location, int productCount)
    {
        var rnd = new Random(7);
        var times = new List<double>();
        for (var run = 0; run < 10; run++)
        {
            long id;
            using (var scope = BenchHost.Scope(root))
            {
                id = await scope.ServiceProvider.GetRequiredService<CreateGoodsReceipt>().HandleAsync(new CreateGoodsReceipt.Input
                {
                    LocationId = location, SupplierName = "ООО «Бенчмарк»", SupplierInvoiceNumber = $"B-{run}",
                }, default);
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var ids = new HashSet<int>();
                while (ids.Count < 500) ids.Add(rnd.Next(1, productCount + 1));
                var first = await db.Products.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
                db.Set<GoodsReceiptLine>().AddRange(ids.Select(p => new GoodsReceiptLine
                {
                    GoodsReceiptId = id, ProductId = first - 1 + p, Quantity = rnd.Next(1, 20), PurchasePrice = rnd.Next(500, 9000),
                }));
                await db.SaveChangesAsync();
            }
            using (var scope = BenchHost.Scope(root))
            {
                var sw = Stopwatch.StartNew();
                await scope.ServiceProvider.GetRequiredService<PostGoodsReceipt>().HandleAsync(id, default);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
        }
        times.Sort();
        Console.WriteLine($"{"Провести приход, 500 строк",-44} {BenchHost.Percentile(times, 0.50),8:F1} {"",8} {times[^1],8:F1}   (10 runs)");
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var mismatches = await BenchHost.Scalar<long>(conn, """
            SELECT count(*) FROM stock_balances b
            FULL JOIN (SELECT location_id, product_id, SUM(quantity) AS total FROM stock_movements GROUP BY 1, 2) m
              ON m.location_id = b.location_id AND m.product_id = b.product_id
            WHERE COALESCE(b.quantity, 0) <> COALESCE(m.total, 0)
            """);
        Console.WriteLine($"invariant balance == sum(ledger): {(mismatches == 0 ? "holds" : $"{mismatches} mismatches")}");
    }
}
