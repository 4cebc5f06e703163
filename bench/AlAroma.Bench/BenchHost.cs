using System.Diagnostics;
using System.Security.Claims;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AlAroma.Bench;

/// <summary>
/// Plumbing shared by the scenarios: the server to run on, a fresh (or reused) bench database migrated and loaded by
/// <see cref="DataGenerator"/>, the app in-process (WebApplicationFactory), scopes acting as a user, percentiles, output.
/// </summary>
internal static class BenchHost
{
    /// <summary><c>ALAROMA_BENCH_DB</c> or <c>ConnectionStrings__Default</c>, else a private LocalPostgres cluster in .data/bench-pg.</summary>
    public static string Server()
    {
        var server = Environment.GetEnvironmentVariable("ALAROMA_BENCH_DB") is { Length: > 0 } b ? b
            : Environment.GetEnvironmentVariable("ConnectionStrings__Default") is { Length: > 0 } d ? d : null;
        if (server is not null) return server;
        var root = WebRoot.RepoRoot() ?? Directory.GetCurrentDirectory();
        var pg = new LocalPostgres(Path.Combine(root, ".data", "bench-pg"));
        pg.Start(Console.WriteLine);
        return pg.ConnectionString();
    }

    /// <summary>
    /// The connection string of database <paramref name="name"/> on <paramref name="server"/>, migrated and loaded with
    /// <paramref name="productCount"/> products and <paramref name="movementCount"/> ledger rows; with
    /// <paramref name="reuse"/> an existing database is kept as is. Returns whether it was reused.
    /// </summary>
    public static async Task<(string Cs, bool Reused)> PrepareAsync(string server, string name, bool reuse, int productCount, int movementCount)
    {
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, CommandTimeout = 600 }.ConnectionString;
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            var exists = await Scalar<bool>(admin, $"SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = '{name}')");
            if (!reuse || !exists)
            {
                await Exec(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                await Exec(admin, $"CREATE DATABASE {name}");
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
        return (cs, reuse);
    }

    /// <summary>The app in-process on database <paramref name="cs"/> (Testing environment, no demo seed, warnings only).</summary>
    public static WebApplicationFactory<Program> App(string cs) => new WebApplicationFactory<Program>().WithWebHostBuilder(w =>
    {
        w.UseEnvironment("Testing");
        w.UseSetting("ConnectionStrings:Default", cs);
        w.UseSetting("Demo:Seed", "false");
        w.UseSetting("Logging:PlainText", "true");
        w.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    });

    /// <summary>An administrator (sees every location, may work in any shift).</summary>
    public static ClaimsPrincipal Admin(string id = "bench", string fullName = "Бенчмарк") => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, "bench@alaroma.local"),
            new Claim(StaffClaimsFactory.FullNameClaim, fullName), new Claim(ClaimTypes.Role, Roles.Admin),
        ], "bench", ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>A DI scope whose requests come from <paramref name="user"/> (an administrator by default).</summary>
    public static IServiceScope Scope(IServiceProvider root, ClaimsPrincipal? user = null)
    {
        var scope = root.CreateScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { User = user ?? Admin(), RequestServices = scope.ServiceProvider };
        return scope;
    }

    /// <summary>Runs <paramref name="call"/> 3 times to warm up, then <paramref name="iterations"/> times (or until <paramref name="maxSeconds"/>), and prints p50/p95/max unless <paramref name="print"/> is false; returns the times, ms.</summary>
    public static async Task<List<double>> MeasureAsync(IServiceProvider root, string name, int iterations, int maxSeconds, Func<IServiceProvider, int, Task> call, ClaimsPrincipal? user = null, bool print = true)
    {
        var times = new List<double>(iterations);
        var total = Stopwatch.StartNew();
        for (var i = -3; i < iterations; i++)
        {
            if (maxSeconds > 0 && i >= 1 && total.Elapsed.TotalSeconds > maxSeconds) break; // at least one measured call
            using var scope = Scope(root, user);
            var sw = Stopwatch.StartNew();
            await call(scope.ServiceProvider, i + 3);
            if (i >= 0) times.Add(sw.Elapsed.TotalMilliseconds);
        }
        if (print) Print(name, times);
        return times;
    }

    public static void Print(string name, List<double> times)
    {
        times.Sort();
        Console.WriteLine($"{name,-44} {Percentile(times, 0.50),8:F1} {Percentile(times, 0.95),8:F1} {times[^1],8:F1}   n={times.Count}");
    }

    public static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static async Task PrintMachineAsync(string cs)
    {
        var mem = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal")) : null;
        var kb = mem is null ? 0 : long.Parse(new string(mem.Where(char.IsDigit).ToArray()));
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        Console.WriteLine($"machine: nproc {Environment.ProcessorCount}, memory {kb / 1024.0 / 1024.0:F1} GiB, " +
                          $"PostgreSQL {await Scalar<string>(conn, "SHOW server_version")}, .NET {Environment.Version}");
    }

    public static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }

    public static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<T> Scalar<T>(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
