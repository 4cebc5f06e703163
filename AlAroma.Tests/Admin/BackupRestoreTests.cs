using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Admin.Backups;
using AlAroma.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AlAroma.Tests.Admin;

/// <summary>pg_dump → pg_restore into a fresh database on the real cluster: every table's row count and the ledgers' sums survive.</summary>
public class BackupRestoreTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Backup_then_restore_into_a_fresh_database_gives_identical_counts_and_ledger_sums()
    {
        var folder = Directory.CreateTempSubdirectory("alaroma-backup-").FullName;
        var admin = await TestPostgres.AdminAsync();
        var target = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = $"restore_{Guid.NewGuid():N}"[..30] }.ConnectionString;
        try
        {
            using var scope = app.Scope();
            var backup = scope.ServiceProvider.GetRequiredService<BackupDatabase>();
            var made = await backup.BackupAsync(folder, Ct);
            Assert.True(made.Created);
            Assert.Matches(@"alaroma-\d{4}-\d{2}-\d{2}\.dump$", made.File);
            Assert.True(made.SizeBytes > 0);
            Assert.False((await backup.BackupAsync(folder, Ct)).Created);   // a second run the same day changes nothing
            Assert.Single(Directory.GetFiles(folder));

            await ExecAsync(admin, $"CREATE DATABASE \"{new NpgsqlConnectionStringBuilder(target).Database}\"");
            var restore = scope.ServiceProvider.GetRequiredService<RestoreDatabase>();
            await restore.RestoreAsync(made.File, force: false, target, Ct);

            var source = await FiguresAsync(app.ConnectionString);
            var restored = await FiguresAsync(target);
            Assert.True(source.Count > 30, "every table is compared");
            Assert.Equal(source, restored);

            // A database with tables is refused without --force, and replaced with it.
            var e = await Assert.ThrowsAsync<BusinessRuleException>(() => restore.RestoreAsync(made.File, force: false, target, Ct));
            Assert.Contains("--force", e.Message);
            await ExecAsync(target, "DELETE FROM user_notifications");
            await restore.RestoreAsync(made.File, force: true, target, Ct);
            Assert.Equal(source, await FiguresAsync(target));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecAsync(admin, $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(target).Database}\" WITH (FORCE)");
            Directory.Delete(folder, true);
        }
    }

    /// <summary>Row count of every table of every schema, plus the sums of the stock, points and certificate ledgers.</summary>
    private static async Task<SortedDictionary<string, string>> FiguresAsync(string cs)
    {
        var figures = new SortedDictionary<string, string>();
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables " +
            "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", conn))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) tables.Add(r.GetString(0));
        foreach (var t in tables) figures[t] = await ScalarAsync(conn, $"SELECT count(*) FROM {t}");
        figures["sum stock_balances.quantity"] = await ScalarAsync(conn, "SELECT coalesce(sum(quantity), 0) FROM stock_balances");
        figures["sum stock_movements.quantity"] = await ScalarAsync(conn, "SELECT coalesce(sum(quantity), 0) FROM stock_movements");
        figures["sum points_entries.points"] = await ScalarAsync(conn, "SELECT coalesce(sum(points), 0) FROM points_entries");
        figures["sum gift_certificate_entries.amount"] = await ScalarAsync(conn, "SELECT coalesce(sum(amount), 0) FROM gift_certificate_entries");
        return figures;
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToString(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private static async Task ExecAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
