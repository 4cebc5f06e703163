using System.Globalization;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Jobs;
using AlAroma.Web.Infrastructure.Backups;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlAroma.Web.Features.Admin.Backups;

/// <summary>Settings of the database backup (section "Backups").</summary>
public sealed class BackupOptions
{
    /// <summary>Folder of the dumps; empty = <c>.data/backups</c> of the checkout (or of the working folder).</summary>
    public string Folder { get; set; } = "";
    public int KeepDaily { get; set; } = 7;
    public int KeepWeekly { get; set; } = 4;
    public int KeepMonthly { get; set; } = 12;

    /// <summary>The rotation these settings describe.</summary>
    public RotationPolicy Policy => new(KeepDaily, KeepWeekly, KeepMonthly);
}

/// <summary>
/// «Резервная копия»: <c>pg_dump -Fc</c> of the app's database into <c>alaroma-YYYY-MM-DD.dump</c> (the chain's
/// business day, Europe/Moscow by default) in the backup folder, then the rotation (<see cref="BackupRotation"/>)
/// deletes the dated dumps it no longer keeps. The dump is written to a temporary name and renamed when complete, so
/// a failed run leaves no half file; a second run the same day finds the day's dump and does nothing (idempotent).
/// Called by the CLI <c>backup [folder]</c> and, as <see cref="RunAsync"/>, by the nightly job.
/// </summary>
public sealed class BackupDatabase(AppDbContext db, TimeProvider clock, IOptions<BackupOptions> options)
{
    /// <summary>File name prefix of the dumps the rotation manages.</summary>
    public const string Prefix = "alaroma-";

    /// <summary>What a backup did: the day's file (size in bytes), whether it was made now, the files deleted.</summary>
    public sealed record Result(string File, long SizeBytes, bool Created, IReadOnlyList<string> Deleted);

    /// <summary>The nightly job: backup into the configured folder; rows touched = files written + deleted.</summary>
    public async Task<JobOutcome> RunAsync(CancellationToken ct)
    {
        var r = await BackupAsync(null, ct);
        var summary = (r.Created ? $"Создана копия {Path.GetFileName(r.File)} ({r.SizeBytes / 1024.0 / 1024.0:0.#} МБ)" : $"Копия за сегодня уже есть: {Path.GetFileName(r.File)}")
                      + (r.Deleted.Count > 0 ? $", удалено старых: {r.Deleted.Count}" : "");
        return new JobOutcome((r.Created ? 1 : 0) + r.Deleted.Count, summary);
    }

    /// <summary>Makes today's dump in <paramref name="folder"/> (null = the setting) unless it exists, then rotates.</summary>
    /// <exception cref="BusinessRuleException">Not enough free space in the folder.</exception>
    /// <exception cref="InvalidOperationException">pg_dump is missing or failed (its error in the message).</exception>
    public async Task<Result> BackupAsync(string? folder, CancellationToken ct)
    {
        folder = Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? DefaultFolder(options.Value.Folder) : folder);
        Directory.CreateDirectory(folder);
        var cs = db.Database.GetConnectionString()!;
        var today = LocalTime.Today(clock.GetUtcNow());
        var file = Path.Combine(folder, FileName(today));
        var created = false;
        if (!File.Exists(file))
        {
            await EnsureFreeSpaceAsync(folder, ct);
            var pgDump = PgTools.Find("pg_dump", await PgTools.ServerMajorAsync(cs, ct));
            var partial = file + ".partial";
            try
            {
                await PgTools.RunAsync(pgDump, ["--format=custom", "--no-owner", "--no-privileges", "--file", partial], cs, ct);
                File.Move(partial, file);
            }
            finally
            {
                if (File.Exists(partial)) File.Delete(partial);
            }
            created = true;
        }
        var deleted = Rotate(folder, options.Value.Policy);
        return new Result(file, new FileInfo(file).Length, created, deleted);
    }

    /// <summary>The dump's name for local day <paramref name="day"/>.</summary>
    public static string FileName(DateOnly day) => $"{Prefix}{day:yyyy-MM-dd}.dump";

    /// <summary>Deletes the dated dumps in <paramref name="folder"/> that <paramref name="policy"/> does not keep; other files are left alone.</summary>
    public static IReadOnlyList<string> Rotate(string folder, RotationPolicy policy)
    {
        var dated = Directory.GetFiles(folder, Prefix + "*.dump")
            .Select(f => (File: f, Ok: DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(f)[Prefix.Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d), Day: d))
            .Where(x => x.Ok).ToList();
        var keep = BackupRotation.Keep(dated.Select(x => x.Day), policy);
        var deleted = dated.Where(x => !keep.Contains(x.Day)).Select(x => x.File).ToList();
        foreach (var f in deleted) File.Delete(f);
        return deleted;
    }

    private static string DefaultFolder(string configured) =>
        configured is { Length: > 0 } ? configured : Path.Combine(WebRoot.RepoRoot() ?? Directory.GetCurrentDirectory(), ".data", "backups");

    /// <summary>
    /// A custom-format dump is compressed and smaller than the database, so the database's size plus 100 MB is a safe
    /// lower bound of the free space to ask for.
    /// </summary>
    private async Task EnsureFreeSpaceAsync(string folder, CancellationToken ct)
    {
        var size = await db.Database.SqlQuery<long>($"SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync(ct);
        var need = size + 100L * 1024 * 1024;
        var free = new DriveInfo(folder).AvailableFreeSpace;
        if (free < need)
            throw new BusinessRuleException(
                $"Недостаточно места для резервной копии в «{folder}»: свободно {free / 1024 / 1024} МБ, нужно не меньше {need / 1024 / 1024} МБ. " +
                $"Освободите место или укажите другую папку (настройка Backups:Folder). / Not enough free space in {folder}: {free / 1024 / 1024} MB free, {need / 1024 / 1024} MB needed.");
    }
}
