using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AlAroma.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL the tests run against. <c>ALAROMA_TEST_DB</c> (an admin connection string) names a
/// server the test script started; without it a private cluster is started in <c>.data/test-pg-{assembly}</c> and stopped when the run ends. A template
/// database is migrated once per run; each test class gets a fresh copy of it (CREATE DATABASE … TEMPLATE, ~0.1 s).
/// </summary>
public static class TestPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _admin;
    private static readonly string Template = "alaroma_template_" + Environment.ProcessId;

    /// <summary>Admin connection string (database "postgres").</summary>
    public static async Task<string> AdminAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_admin is not null) return _admin;
            var cs = Environment.GetEnvironmentVariable("ALAROMA_TEST_DB");
            if (string.IsNullOrWhiteSpace(cs))
            {
                var root = WebRoot.RepoRoot() ?? Directory.GetCurrentDirectory();
                // One cluster per test assembly: the unit/integration and E2E assemblies run in parallel.
                var pg = new LocalPostgres(Path.Combine(root, ".data", "test-pg-" + typeof(TestPostgres).Assembly.GetName().Name));
                pg.Start(m => Console.Error.WriteLine($"[test-db] {m}")); // says where the cluster is when it cannot be in .data
                AppDomain.CurrentDomain.ProcessExit += (_, _) => pg.Stop();
                cs = pg.ConnectionString();
            }
            await using (var conn = new NpgsqlConnection(cs))
            {
                await conn.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Template}\" WITH (FORCE)", conn);
                await drop.ExecuteNonQueryAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Template}\"", conn);
                await create.ExecuteNonQueryAsync();
            }
            await using (var db = NewContext(WithDatabase(cs, Template)))
                await db.Database.MigrateAsync();
            NpgsqlConnection.ClearAllPools();
            return _admin = cs;
        }
        finally { Gate.Release(); }
    }

    /// <summary>Creates a new, migrated, empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var admin = await AdminAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..30];
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{Template}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return WithDatabase(admin, name);
    }

    /// <summary>Drops a database created by <see cref="CreateDatabaseAsync"/>.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(await AdminAsync());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>A bare context (no audit interceptor) for arranging and asserting.</summary>
    public static AppDbContext NewContext(string connectionString) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options);

    private static string WithDatabase(string cs, string db) => new NpgsqlConnectionStringBuilder(cs) { Database = db }.ConnectionString;
}
