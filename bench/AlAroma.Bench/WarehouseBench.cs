using System.Diagnostics;
using System.Security.Claims;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Admin;
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
/// (balances == sum of the ledger), loaded with binary COPY; then server-side latency of the "Остатки" and
/// "Движение товаров" handlers at page depths 1, 100, 1000 and last, and of posting a 500-line goods receipt.
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
        var lastBalancePage = Math.Max(1, (balanceRows + Paging.DefaultSize - 1) / Paging.DefaultSize);
        foreach (var page in Depths(lastBalancePage))
            await BenchHost.MeasureAsync(sp, $"Остатки, page {page}", iterations, maxSeconds, (s, _) => s.GetRequiredService<ListStockBalances>()
                .HandleAsync(new ListStockBalances.Input { LocationId = location, Page = page }, default));

        var lastMovementPage = (int)Math.Max(1, (movementRows + Paging.DefaultSize - 1) / Paging.DefaultSize);
        foreach (var page in Depths(lastMovementPage))
        {
            long? before = null;
            if (page > 1)
                await using (var conn = new NpgsqlConnection(cs))
                {
                    await conn.OpenAsync();
                    // The cursor "Показать ещё" would hold after page-1 pages: the id of the last row shown.
                    before = await BenchHost.Scalar<long>(conn, $"SELECT id FROM stock_movements WHERE location_id = {location} ORDER BY id DESC OFFSET {(long)(page - 1) * Paging.DefaultSize - 1} LIMIT 1");
                }
            await BenchHost.MeasureAsync(sp, $"Движение (точка), page {page}", iterations, maxSeconds, (s, _) => s.GetRequiredService<ListStockMovements>()
                .HandleAsync(new ListStockMovements.Input { LocationId = location, Before = before }, default));
        }
        await BenchHost.MeasureAsync(sp, "Движение (все точки), page 1", iterations, maxSeconds, (s, _) => s.GetRequiredService<ListStockMovements>()
            .HandleAsync(new ListStockMovements.Input(), default));

        await MeasureReceiptsAsync(sp, cs, location, productCount);
        return 0;
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
