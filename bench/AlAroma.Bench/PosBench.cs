using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Features.Promotions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AlAroma.Bench;

/// <summary>
/// The till at full catalog size: 300 000 products with barcodes and stock at a shop, 20 registers with open shifts,
/// a customer with points per till, an active −10 % promotion. Measures in-process through the app's DI the barcode
/// scan, the product search, the till model (GetTill), and checkout of a 3-line receipt with a customer, the promotion
/// and a points + card split at N concurrent tills for a fixed time; then pgbench TPC-B on the same server for scale.
/// </summary>
public static class PosBench
{
    private static readonly string[] Fragments = ["Noir", "oud", "Dior Rose", "santal", "Tom Ford Musc", "012345", "vetiver", "Chanel Bleu", "musc", "Creed"];

    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = BenchHost.Arg(args, "--iterations", 200);
        var productCount = BenchHost.Arg(args, "--products", 300_000);
        var movementCount = BenchHost.Arg(args, "--movements", 500_000);
        var tills = BenchHost.Arg(args, "--tills", 20);
        var seconds = BenchHost.Arg(args, "--seconds", 20);
        var paceSeconds = BenchHost.Arg(args, "--pace", 3); // seconds between receipts of one till in the paced run
        var scale = BenchHost.Arg(args, "--pgbench-scale", 10);
        var maxSeconds = BenchHost.Arg(args, "--max-seconds", 30); // caps each latency loop (the line shows n=)
        var reuse = args.Contains("--reuse");

        var server = BenchHost.Server();
        var (cs, reused) = await BenchHost.PrepareAsync(server, "alaroma_bench_pos", reuse, productCount, movementCount);
        await using var factory = BenchHost.App(cs);
        var sp = factory.Services;

        var cashiers = Enumerable.Range(1, tills).Select(i => BenchHost.Admin($"bench-cashier-{i}", $"Кассир {i}")).ToArray();
        if (!reused) await SetUpAsync(sp, cs, cashiers);

        int shop;
        int[] registers;
        string[] phones;
        (int Id, string Code)[] products;
        await using (var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(cs).UseSnakeCaseNamingConvention().Options))
        {
            shop = await db.Locations.Where(l => l.Code == "S1").Select(l => l.Id).SingleAsync();
            registers = await db.Registers.Where(r => r.LocationId == shop && r.Name.StartsWith("Бенч ")).OrderBy(r => r.Id).Select(r => r.Id).ToArrayAsync();
            phones = await db.Customers.Where(c => c.Name.StartsWith("Бенч ")).OrderBy(c => c.Id).Select(c => c.Phone).ToArrayAsync();
            products = (await db.Barcodes.AsNoTracking().Select(b => new { b.ProductId, b.Code }).ToListAsync()).Select(b => (b.ProductId, b.Code)).ToArray();
            Console.WriteLine($"shop S1 (id {shop}): {await db.StockBalances.CountAsync(b => b.LocationId == shop && b.Quantity > 0):N0} products in stock, " +
                              $"{registers.Length} registers with open shifts, {phones.Length} customers with points, " +
                              $"{await db.Promotions.CountAsync(p => p.Status == PromotionStatus.Active)} active promotion(s); {products.Length:N0} barcodes");
        }
        if (registers.Length < tills || phones.Length < tills) throw new InvalidOperationException("Bench data is incomplete: run without --reuse.");

        var rnd = new Random(11);
        var first = registers[0];
        Console.WriteLine();
        Console.WriteLine($"{"query",-44} {"p50 ms",8} {"p95 ms",8} {"max ms",8}   ({iterations} iterations)");
        var scan = await BenchHost.MeasureAsync(sp, "Скан штрихкода (EditCart.ScanAsync)", iterations, maxSeconds, async (s, i) =>
        {
            if (i % 3 == 0) await s.GetRequiredService<EditCart>().ClearAsync(first, default); // a receipt has a few lines, not hundreds
            var r = await s.GetRequiredService<EditCart>().ScanAsync(first, products[rnd.Next(products.Length)].Code, default);
            if (!r.Found) throw new InvalidOperationException("barcode not found: " + r.Code);
        }, cashiers[0]);
        var lookup = await BenchHost.MeasureAsync(sp, "Поиск по штрихкоду (запрос, без корзины)", iterations, maxSeconds, async (s, _) =>
        {
            var code = products[rnd.Next(products.Length)].Code;
            var db = s.GetRequiredService<AppDbContext>();
            if (await db.Barcodes.Where(b => b.Code == code).Select(b => (int?)b.ProductId).FirstOrDefaultAsync() is null)
                throw new InvalidOperationException("barcode not found: " + code);
        }, cashiers[0]);
        var search = await BenchHost.MeasureAsync(sp, "Поиск товара по названию (SearchProducts)", iterations, maxSeconds, async (s, i) =>
        {
            var rows = await s.GetRequiredService<SearchProducts>().HandleAsync(first, Fragments[i % Fragments.Length], default);
            if (rows.Count == 0) throw new InvalidOperationException("no rows for " + Fragments[i % Fragments.Length]);
        }, cashiers[0]);
        await FillAsync(sp, cashiers[0], first, phones[0], products, rnd);
        var till = await BenchHost.MeasureAsync(sp, "Экран кассы (GetTill, 3 строки + клиент)", iterations, maxSeconds,
            async (s, n) => _ = await s.GetRequiredService<GetTill>().HandleAsync(first, default) ?? throw new InvalidOperationException("no till"), cashiers[0]);
        using (var scope = BenchHost.Scope(sp, cashiers[0]))
            await scope.ServiceProvider.GetRequiredService<EditCart>().ClearAsync(first, default);

        // Checkout at N concurrent tills: each till builds its receipt (3 products, its customer), reads the amount
        // due, then pays 100 points + the rest by card; only Checkout.HandleAsync is timed. Twice: at a cashier's pace
        // (a receipt per till every --pace seconds, start times spread) and flat out (no pause: the machine's ceiling).
        // Warm-up: three receipts per till, all tills at once (JIT, Npgsql's prepared statements, PostgreSQL's cache).
        await Task.WhenAll(Enumerable.Range(0, tills).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 3; i++) await SellAsync(sp, cashiers[t], registers[t], phones[t], products, new Random(t * 10 + i));
        })));
        async Task<(List<double> Times, int Sales, double Seconds, List<string> Errors)> RunTillsAsync(TimeSpan? pace)
        {
            var times = new ConcurrentBag<double>();
            var errors = new ConcurrentBag<string>();
            var sold = 0;
            var wall = Stopwatch.StartNew();
            var stopAt = TimeSpan.FromSeconds(seconds);
            await Task.WhenAll(Enumerable.Range(0, tills).Select(t => Task.Run(async () =>
            {
                var r = new Random(100 + t);
                var next = pace is { } p ? p * (t / (double)tills) : TimeSpan.Zero;
                while (wall.Elapsed < stopAt)
                {
                    if (pace is { } step)
                    {
                        if (next > wall.Elapsed) await Task.Delay(next - wall.Elapsed);
                        next += step;
                        if (wall.Elapsed >= stopAt) break;
                    }
                    try
                    {
                        times.Add(await SellAsync(sp, cashiers[t], registers[t], phones[t], products, r));
                        Interlocked.Increment(ref sold);
                    }
                    catch (Exception e)
                    {
                        errors.Add(e.GetType().Name + ": " + e.Message);
                    }
                }
            })));
            return (times.ToList(), sold, wall.Elapsed.TotalSeconds, errors.ToList());
        }

        var paced = await RunTillsAsync(TimeSpan.FromSeconds(paceSeconds));
        BenchHost.Print($"Пробить чек, {tills} касс, чек раз в {paceSeconds} с", paced.Times);
        Console.WriteLine($"  {paced.Sales:N0} sales in {paced.Seconds:F1} s = {paced.Sales / paced.Seconds:F1} sales/s; {paced.Errors.Count} errors{(paced.Errors.Count == 0 ? "" : ": " + paced.Errors[0])}");
        var flat = await RunTillsAsync(null);
        var checkout = flat.Times;
        var sales = paced.Sales + flat.Sales;
        BenchHost.Print($"Пробить чек, {tills} касс без пауз", checkout);
        var salesPerSecond = flat.Sales / flat.Seconds;
        Console.WriteLine($"  {flat.Sales:N0} sales in {flat.Seconds:F1} s = {salesPerSecond:F1} sales/s (each till: 3 × add line, attach customer, read total, checkout); " +
                          $"{flat.Errors.Count} errors{(flat.Errors.Count == 0 ? "" : ": " + flat.Errors[0])}");
        await FillAsync(sp, cashiers[0], first, phones[0], products, rnd);
        var tillAfter = await BenchHost.MeasureAsync(sp, $"Экран кассы после ~{sales / tills:N0} чеков в смене", iterations, maxSeconds,
            async (s, n) => _ = await s.GetRequiredService<GetTill>().HandleAsync(first, default), cashiers[0]);

        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            var mismatches = await BenchHost.Scalar<long>(conn, $"""
                SELECT count(*) FROM stock_balances b
                FULL JOIN (SELECT product_id, SUM(quantity) AS total FROM stock_movements WHERE location_id = {shop} GROUP BY 1) m ON m.product_id = b.product_id
                WHERE (b.location_id = {shop} OR b.location_id IS NULL) AND COALESCE(b.quantity, 0) <> COALESCE(m.total, 0)
                """);
            Console.WriteLine($"invariant at the shop, balance == sum(ledger): {(mismatches == 0 ? "holds" : $"{mismatches} mismatches")}");
        }

        var tps = await PgBenchAsync(server, scale, tills, seconds);
        Console.WriteLine();
        Console.WriteLine($"{"figure",-60} {"value",12} {"target",10}");
        Row("barcode scan p95, ms", BenchHost.Percentile(scan, 0.95), "< 30");
        Row("barcode lookup query p95, ms", BenchHost.Percentile(lookup, 0.95), "< 30");
        Row("product search p95, ms", BenchHost.Percentile(search, 0.95), "< 30");
        Row("till page model (GetTill) p95, ms", BenchHost.Percentile(till, 0.95), "< 300");
        Row($"till page model after the run p95, ms", BenchHost.Percentile(tillAfter, 0.95), "< 300");
        Row($"checkout p50, ms ({tills} tills, a receipt each every {paceSeconds} s)", BenchHost.Percentile(paced.Times, 0.50), "");
        Row($"checkout p95, ms ({tills} tills, a receipt each every {paceSeconds} s)", BenchHost.Percentile(paced.Times, 0.95), "< 50");
        Row($"checkout p50, ms ({tills} tills flat out)", BenchHost.Percentile(checkout, 0.50), "");
        Row($"checkout p95, ms ({tills} tills flat out)", BenchHost.Percentile(checkout, 0.95), "");
        Row($"sales/s sustained ({tills} tills flat out)", salesPerSecond, "");
        if (tps is { } x)
        {
            Row($"pgbench TPC-B tps (-s {scale} -c {tills} -j 2 -T {seconds})", x, "");
            Row("ratio sales/s ÷ pgbench tps", salesPerSecond / x, "");
        }
        else Console.WriteLine("pgbench: not run (see above)");
        return 0;
    }

    private static void Row(string name, double value, string target) =>
        Console.WriteLine($"{name,-60} {value.ToString(value < 1 ? "F4" : value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture),12} {target,10}");

    /// <summary>3 random products in the cart and the customer attached by phone, as the cashier.</summary>
    private static async Task FillAsync(IServiceProvider sp, ClaimsPrincipal cashier, int register, string phone, (int Id, string Code)[] products, Random rnd)
    {
        using var scope = BenchHost.Scope(sp, cashier);
        var s = scope.ServiceProvider;
        await s.GetRequiredService<EditCart>().ClearAsync(register, default);
        for (var i = 0; i < 3; i++) await s.GetRequiredService<EditCart>().ChangeAsync(register, products[rnd.Next(products.Length)].Id, 1, default);
        var found = await s.GetRequiredService<TillCustomer>().FindAsync(register, phone, default);
        if (!found.Attached) throw new InvalidOperationException("customer not attached: " + phone);
    }

    /// <summary>One sale at a till; returns the server time of Checkout.HandleAsync, ms.</summary>
    private static async Task<double> SellAsync(IServiceProvider sp, ClaimsPrincipal cashier, int register, string phone, (int Id, string Code)[] products, Random rnd)
    {
        await FillAsync(sp, cashier, register, phone, products, rnd);
        decimal total;
        using (var scope = BenchHost.Scope(sp, cashier))
        {
            var s = scope.ServiceProvider;
            var db = s.GetRequiredService<AppDbContext>();
            var location = await db.Locations.AsNoTracking().SingleAsync(l => db.Registers.Any(r => r.Id == register && r.LocationId == l.Id));
            total = (await s.GetRequiredService<GetTill>().CartAsync(register, location, default)).Total;
        }
        using (var scope = BenchHost.Scope(sp, cashier))
        {
            const int points = 100;
            var cmd = new CheckoutCommand(register, Guid.NewGuid(), new PaymentInput(PaymentMode.Card, total - points, null, Points: points), total);
            var sw = Stopwatch.StartNew();
            await scope.ServiceProvider.GetRequiredService<Checkout>().HandleAsync(cmd, default);
            return sw.Elapsed.TotalMilliseconds;
        }
    }

    /// <summary>Stock for every product at shop S1 (a transfer-in per product, ledger and balance), registers with open shifts, customers with points, a −10 % promotion.</summary>
    private static async Task SetUpAsync(IServiceProvider sp, string cs, ClaimsPrincipal[] cashiers)
    {
        var sw = Stopwatch.StartNew();
        int shop;
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            shop = await BenchHost.Scalar<int>(conn, "SELECT id FROM locations WHERE code = 'S1'");
            await BenchHost.Exec(conn, $"""
                BEGIN;
                INSERT INTO stock_movements (location_id, product_id, quantity, balance_after, kind, document_number, document_id, occurred_at_utc, user_name)
                SELECT {shop}, p.id, 100000, COALESCE(b.quantity, 0) + 100000, 'TransferIn', 'BENCH-POS', 0, now(), 'bench'
                FROM products p LEFT JOIN stock_balances b ON b.location_id = {shop} AND b.product_id = p.id;
                INSERT INTO stock_balances (location_id, product_id, quantity)
                SELECT {shop}, id, 100000 FROM products
                ON CONFLICT (location_id, product_id) DO UPDATE SET quantity = stock_balances.quantity + 100000;
                COMMIT;
                ANALYZE stock_movements; ANALYZE stock_balances;
                """);
        }
        using (var scope = BenchHost.Scope(sp))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = DateTime.UtcNow;
            db.Registers.AddRange(cashiers.Select((_, i) => new Register { LocationId = shop, Name = $"Бенч {i + 1:D2}" }));
            var customers = cashiers.Select((_, i) => new Customer { Phone = $"+79160{i + 1:D6}", Name = $"Бенч Клиент {i + 1}", CreatedAtUtc = now }).ToList();
            db.Customers.AddRange(customers);
            db.Promotions.Add(new PromotionRecord
            {
                Name = "Бенч −10 % на всё", Type = PromotionType.Percent, Group = new GroupSpec { AllProducts = true }, Value = 10,
                ValidFrom = DateOnly.FromDateTime(now).AddDays(-1), LocationIds = [shop], Status = PromotionStatus.Active,
                CreatedAtUtc = now, CreatedBy = "bench", UpdatedAtUtc = now, UpdatedBy = "bench",
            });
            await db.SaveChangesAsync();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                foreach (var c in customers) await PointsLedger.PostAsync(db, c.Id, PointsEntryKind.Gift, 10_000_000, null, now, "bench", "bench", default);
                await tx.CommitAsync();
            }
        }
        await using (var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(cs).UseSnakeCaseNamingConvention().Options))
        {
            var ids = await db.Registers.Where(r => r.Name.StartsWith("Бенч ")).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
            for (var i = 0; i < ids.Count; i++)
            {
                using var scope = BenchHost.Scope(sp, cashiers[i]);
                await scope.ServiceProvider.GetRequiredService<OpenShift>().HandleAsync(ids[i], 5000m, default);
            }
        }
        Console.WriteLine($"pos set-up (stock at S1, {cashiers.Length} registers with open shifts, customers, promotion) in {sw.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>pgbench TPC-B in its own database on the same server: init at <paramref name="scale"/>, then -c clients for the same duration.</summary>
    private static async Task<double?> PgBenchAsync(string server, int scale, int clients, int seconds)
    {
        var b = new NpgsqlConnectionStringBuilder(server);
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await BenchHost.Exec(admin, "DROP DATABASE IF EXISTS alaroma_pgbench WITH (FORCE)");
            await BenchHost.Exec(admin, "CREATE DATABASE alaroma_pgbench");
        }
        var conn = $"-h {b.Host} -p {b.Port} -U {b.Username}";
        var init = await RunAsync("pgbench", $"-i -q -s {scale} {conn} alaroma_pgbench", b.Password);
        if (init.Code != 0) { Console.WriteLine("pgbench -i failed: " + init.Output); return null; }
        var run = await RunAsync("pgbench", $"-c {clients} -j 2 -T {seconds} {conn} alaroma_pgbench", b.Password);
        var m = Regex.Match(run.Output, @"tps = ([0-9.]+)");
        if (run.Code != 0 || !m.Success) { Console.WriteLine("pgbench failed: " + run.Output); return null; }
        Console.WriteLine($"pgbench: {m.Value} (scale {scale}, {clients} clients, {seconds} s)");
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string arguments, string? password)
    {
        var psi = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (!string.IsNullOrEmpty(password)) psi.Environment["PGPASSWORD"] = password;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr);
    }
}
