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
        var iterations = Arg(args, "--iterations", 200);
        var productCount = Arg(args, "--products", 300_000);
        var movementCount = Arg(args, "--movements", 5_000_000);
        var reuse = args.Contains("--reuse");
        var maxSeconds = Arg(args, "--max-seconds", 0); // 0 = no cap: every query runs all iterations

        var server = Environment.GetEnvironmentVariable("ALAROMA_BENCH_DB") is { Length: > 0 } b ? b
            : Environment.GetEnvironmentVariable("ConnectionStrings__Default") is { Length: > 0 } d ? d : null;
        if (server is null)
        {
            var root = WebRoot.RepoRoot() ?? Directory.GetCurrentDirectory();
            var pg = new LocalPostgres(Path.Combine(root, ".data", "bench-pg"));
            pg.Start(Console.WriteLine);
            server = pg.ConnectionString();
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = "alaroma_bench", Pooling = true, CommandTimeout = 600 }.ConnectionString;

        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            var exists = await Scalar<bool>(admin, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'alaroma_bench')");
            if (!reuse || !exists)
            {
                await Exec(admin, "DROP DATABASE IF EXISTS alaroma_bench WITH (FORCE)");
                await Exec(admin, "CREATE DATABASE alaroma_bench");
                reuse = false;
            }
        }

        await PrintMachineAsync(cs);
        if (!reuse)
        {
            var sw = Stopwatch.StartNew();
            await using (var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(cs).UseSnakeCaseNamingConvention().Options))
                await db.Database.MigrateAsync();
            Console.WriteLine($"migrated in {sw.Elapsed.TotalSeconds:F1} s");
            await DataGenerator.LoadAsync(cs, productCount, movementCount);
            Console.WriteLine($"data ready in {sw.Elapsed.TotalSeconds:F1} s");
        }

        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(w =>
        {
            w.UseEnvironment("Testing");
            w.UseSetting("ConnectionStrings:Default", cs);
            w.UseSetting("Demo:Seed", "false");
            w.UseSetting("Logging:PlainText", "true");
            w.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        });
        var sp = factory.Services;

        int location;
        int balanceRows;
        long movementRows;
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            location = await Scalar<int>(conn, "SELECT id FROM locations ORDER BY id LIMIT 1");
            balanceRows = (int)await Scalar<long>(conn, $"SELECT count(*) FROM stock_balances WHERE location_id = {location} AND quantity <> 0");
            movementRows = await Scalar<long>(conn, $"SELECT count(*) FROM stock_movements WHERE location_id = {location}");
            Console.WriteLine($"location {location}: {balanceRows:N0} products in stock, {movementRows:N0} movements; " +
                              $"total {await Scalar<long>(conn, "SELECT count(*) FROM stock_movements"):N0} movements");
        }

        Console.WriteLine();
        Console.WriteLine($"{"query",-44} {"p50 ms",8} {"p95 ms",8} {"max ms",8}   ({iterations} iterations)");
        var lastBalancePage = Math.Max(1, (balanceRows + Paging.DefaultSize - 1) / Paging.DefaultSize);
        foreach (var page in Depths(lastBalancePage))
            await MeasureAsync(sp, $"Остатки, page {page}", iterations, maxSeconds, s => s.GetRequiredService<ListStockBalances>()
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
                    before = await Scalar<long>(conn, $"SELECT id FROM stock_movements WHERE location_id = {location} ORDER BY id DESC OFFSET {(long)(page - 1) * Paging.DefaultSize - 1} LIMIT 1");
                }
            await MeasureAsync(sp, $"Движение (точка), page {page}", iterations, maxSeconds, s => s.GetRequiredService<ListStockMovements>()
                .HandleAsync(new ListStockMovements.Input { LocationId = location, Before = before }, default));
        }
        await MeasureAsync(sp, "Движение (все точки), page 1", iterations, maxSeconds, s => s.GetRequiredService<ListStockMovements>()
            .HandleAsync(new ListStockMovements.Input(), default));

        await MeasureReceiptsAsync(sp, cs, location, productCount);
        return 0;
    }

    /// <summary>Pages 1, 100, 1000 and the last one, those that exist.</summary>
    private static IEnumerable<int> Depths(int last) => new[] { 1, 100, 1000, last }.Where(p => p <= last).Distinct();

    private static async Task MeasureAsync(IServiceProvider root, string name, int iterations, int maxSeconds, Func<IServiceProvider, Task> call)
    {
        var times = new List<double>(iterations);
        var total = Stopwatch.StartNew();
        for (var i = -3; i < iterations; i++) // 3 warm-up calls
        {
            if (maxSeconds > 0 && i >= 0 && total.Elapsed.TotalSeconds > maxSeconds) break;
            using var scope = AdminScope(root);
            var sw = Stopwatch.StartNew();
            await call(scope.ServiceProvider);
            if (i >= 0) times.Add(sw.Elapsed.TotalMilliseconds);
        }
        Print(name, times);
    }

    private static async Task MeasureReceiptsAsync(IServiceProvider root, string cs, int location, int productCount)
    {
        var rnd = new Random(7);
        var times = new List<double>();
        for (var run = 0; run < 10; run++)
        {
            long id;
            using (var scope = AdminScope(root))
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
            using (var scope = AdminScope(root))
            {
                var sw = Stopwatch.StartNew();
                await scope.ServiceProvider.GetRequiredService<PostGoodsReceipt>().HandleAsync(id, default);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
        }
        times.Sort();
        Console.WriteLine($"{"Провести приход, 500 строк",-44} {Percentile(times, 0.50),8:F1} {"",8} {times[^1],8:F1}   (10 runs)");
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var mismatches = await Scalar<long>(conn, """
            SELECT count(*) FROM stock_balances b
            FULL JOIN (SELECT location_id, product_id, SUM(quantity) AS total FROM stock_movements GROUP BY 1, 2) m
              ON m.location_id = b.location_id AND m.product_id = b.product_id
            WHERE COALESCE(b.quantity, 0) <> COALESCE(m.total, 0)
            """);
        Console.WriteLine($"invariant balance == sum(ledger): {(mismatches == 0 ? "holds" : $"{mismatches} mismatches")}");
    }

    /// <summary>A DI scope whose requests come from an administrator (sees every location).</summary>
    private static IServiceScope AdminScope(IServiceProvider root)
    {
        var scope = root.CreateScope();
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "bench@alaroma.local"), new Claim(ClaimTypes.Role, Roles.Admin)],
            "bench", ClaimTypes.Name, ClaimTypes.Role);
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = scope.ServiceProvider };
        return scope;
    }

    private static void Print(string name, List<double> times)
    {
        times.Sort();
        Console.WriteLine($"{name,-44} {Percentile(times, 0.50),8:F1} {Percentile(times, 0.95),8:F1} {times[^1],8:F1}   n={times.Count}");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task PrintMachineAsync(string cs)
    {
        var mem = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal")) : null;
        var kb = mem is null ? 0 : long.Parse(new string(mem.Where(char.IsDigit).ToArray()));
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        Console.WriteLine($"machine: nproc {Environment.ProcessorCount}, memory {kb / 1024.0 / 1024.0:F1} GiB, " +
                          $"PostgreSQL {await Scalar<string>(conn, "SHOW server_version")}, .NET {Environment.Version}");
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }

    internal static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    internal static async Task<T> Scalar<T>(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
