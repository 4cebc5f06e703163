using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Jobs;

namespace AlAroma.Web.Features.Admin.Backups;

/// <summary>Registration of the database backups: the use cases and the CLI commands <c>backup</c> and <c>restore</c>.</summary>
public static class BackupsSetup
{
    /// <summary>Registers <see cref="BackupDatabase"/>, <see cref="RestoreDatabase"/> and their commands; call before <see cref="Cli.AnswerUsage"/>.</summary>
    public static void AddBackups(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<BackupOptions>(builder.Configuration.GetSection("Backups"));
        builder.Services.AddScoped<BackupDatabase>();
        builder.Services.AddScoped<RestoreDatabase>();
        builder.AddScheduledJob<BackupDatabaseJob>("database-backup", "Резервная копия базы данных (pg_dump) с ротацией: 7 ежедневных, 4 еженедельных, 12 ежемесячных", "DatabaseBackup", "0 0 3 * * ?");
        Cli.Register("backup", "backup [folder]                          pg_dump of the database (default: setting Backups:Folder), with rotation", Backup);
        // Restore must find the database as the dump left it: the migrations run after pg_restore, not before.
        Cli.Register("restore", "restore <file> [--force]                 restore a dump into an empty database (--force: replace a non-empty one), then migrate",
            Restore, migrateFirst: false);
    }

    private static async Task<int> Backup(IServiceProvider sp, string[] args)
    {
        var r = await sp.GetRequiredService<BackupDatabase>().BackupAsync(args.FirstOrDefault(), CancellationToken.None);
        Console.WriteLine(r.Created ? $"Backup written: {r.File} ({r.SizeBytes} bytes)" : $"Today's backup already exists: {r.File}");
        foreach (var d in r.Deleted) Console.WriteLine($"Rotated out: {d}");
        return 0;
    }

    private static async Task<int> Restore(IServiceProvider sp, string[] args)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--"));
        if (file is null)
        {
            Console.Error.WriteLine("usage: restore <file> [--force]");
            return 2;
        }
        var tables = await sp.GetRequiredService<RestoreDatabase>().RestoreAsync(file, args.Contains("--force"), null, CancellationToken.None);
        Console.WriteLine($"Restored {file}: {tables} tables, migrations applied.");
        return 0;
    }
}
