using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Backups;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AlAroma.Web.Features.Admin.Backups;

/// <summary>
/// CLI <c>restore &lt;file&gt; [--force]</c>: <c>pg_restore</c> of a dump made by <see cref="BackupDatabase"/> into the
/// app's database, then the migrations (a dump of an older version catches up). Refuses a database that already has
/// tables unless forced, then drops and recreates what the dump holds (<c>--clean --if-exists</c>).
/// </summary>
public sealed class RestoreDatabase(AppDbContext db)
{
    /// <summary>Restores <paramref name="file"/> into the database of <paramref name="connectionString"/> (null = the app's).</summary>
    /// <returns>The number of tables in the database afterwards.</returns>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="BusinessRuleException">The database is not empty and <paramref name="force"/> is false.</exception>
    /// <exception cref="InvalidOperationException">pg_restore is missing or failed.</exception>
    public async Task<int> RestoreAsync(string file, bool force, string? connectionString, CancellationToken ct)
    {
        if (!File.Exists(file)) throw new FileNotFoundException($"Файл резервной копии не найден: {file}", file);
        var cs = connectionString ?? db.Database.GetConnectionString()!;
        var tables = await CountTablesAsync(cs, ct);
        if (tables > 0 && !force)
            throw new BusinessRuleException(
                $"База «{new NpgsqlConnectionStringBuilder(cs).Database}» не пуста (таблиц: {tables}). Восстановите в пустую базу или добавьте --force, " +
                "чтобы заменить её содержимое копией. / The database is not empty; use --force to replace it.");
        var pgRestore = PgTools.Find("pg_restore", await PgTools.ServerMajorAsync(cs, ct));
        var cs2 = new NpgsqlConnectionStringBuilder(cs);
        List<string> args = ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname", cs2.Database!];
        if (tables > 0) args.AddRange(["--clean", "--if-exists"]);
        args.Add(Path.GetFullPath(file));
        await PgTools.RunAsync(pgRestore, args, cs, ct);
        db.Database.SetConnectionString(cs);
        await db.Database.MigrateAsync(ct);
        return await CountTablesAsync(cs, ct);
    }

    private static async Task<int> CountTablesAsync(string cs, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", conn);
        return (int)(long)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
