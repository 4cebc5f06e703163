using System.Text.RegularExpressions;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Leads.Import;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace AlAroma.Web.Features.Leads.Sftp;

/// <summary>
/// One run of an SFTP schedule, logged as a <see cref="LeadSftpRun"/>.
/// Import: every regular file of the remote folder whose name matches the pattern, oldest name first, is streamed into a
/// base load (<see cref="StartLeadImport"/>, <see cref="RunLeadImport"/>: all or nothing) and, once loaded, moved to the
/// processed folder. Each file is remembered by name, size and time (<see cref="LeadSftpFile"/>), so a file is loaded once
/// even when the move failed or the app stopped in between; a refused file stays where it is and is not tried again until
/// it changes. Export: the project's numbers by the schedule's filter are written to a local file, uploaded as
/// <c>name.part</c> and renamed, so the partner never picks up half a file.
/// </summary>
public sealed class RunSftpSchedule(AppDbContext db, SftpConnection connection, StartLeadImport start, RunLeadImport run,
    ExportLeads export, LeadFiles files, TimeProvider clock, ILogger<RunSftpSchedule> log)
{
    /// <summary>Runs schedule <paramref name="scheduleId"/> now and returns its log row.</summary>
    /// <exception cref="BusinessRuleException">No such schedule.</exception>
    public async Task<LeadSftpRun> HandleAsync(int scheduleId, CancellationToken ct)
    {
        var schedule = await db.LeadSftpSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == scheduleId, ct)
            ?? throw new BusinessRuleException("Расписание SFTP не найдено — обновите страницу.");
        var host = await db.SftpHosts.AsNoTracking().SingleAsync(h => h.Id == schedule.HostId, ct);
        var entry = new LeadSftpRun { ScheduleId = schedule.Id, ProjectId = schedule.ProjectId, StartedAtUtc = Now() };
        db.LeadSftpRuns.Add(entry);
        await db.SaveChangesAsync(ct);

        var errors = new List<string>();
        var detail = new List<string>();
        try
        {
            using var client = await connection.OpenAsync(host, ct);
            if (schedule.Kind == SftpScheduleKind.Import) await ImportAsync(client, schedule, host, entry, errors, detail, ct);
            else await ExportAsync(client, schedule, entry, detail, ct);
        }
        catch (BusinessRuleException e) { errors.Add(e.Message); }
        catch (Exception e) when (e is SshException or IOException or InvalidOperationException)
        {
            log.LogWarning(e, "SFTP schedule {Schedule} on {Host} failed", schedule.Id, host.Name);
            errors.Add(Explain(e, schedule));
        }
        db.ChangeTracker.Clear(); // the loads tracked their own rows; write only the log entry
        entry.FinishedAtUtc = Now();
        entry.Succeeded = errors.Count == 0;
        entry.Error = errors.Count == 0 ? null : string.Join("\n", errors);
        entry.Detail = detail.Count == 0 ? null : string.Join("\n", detail);
        db.LeadSftpRuns.Update(entry);
        await db.SaveChangesAsync(CancellationToken.None);
        return entry;
    }

    private async Task ImportAsync(SftpClient client, LeadSftpSchedule schedule, SftpHost host, LeadSftpRun entry, List<string> errors, List<string> detail, CancellationToken ct)
    {
        var pattern = Glob(schedule.FilePattern);
        var found = new List<Renci.SshNet.Sftp.ISftpFile>();
        await foreach (var f in client.ListDirectoryAsync(Folder(schedule.RemoteFolder), ct))
            if (f.IsRegularFile && pattern.IsMatch(f.Name)) found.Add(f);
        found.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        entry.Files = found.Count;
        if (found.Count == 0) { detail.Add("Новых файлов нет."); return; }

        foreach (var f in found)
        {
            var modified = DateTime.SpecifyKind(f.LastWriteTimeUtc, DateTimeKind.Utc);
            var seen = await db.LeadSftpFiles.FirstOrDefaultAsync(x => x.ScheduleId == schedule.Id && x.Name == f.Name && x.Size == f.Length && x.ModifiedAtUtc == modified, ct);
            if (seen is { Status: SftpFileStatus.Loading, ImportId: { } pending }
                && await db.LeadImports.AsNoTracking().AnyAsync(i => i.Id == pending && i.Status == LeadImportStatus.Done, ct))
                seen.Status = SftpFileStatus.Loaded; // loaded by a run that stopped before it could say so
            if (seen is { Status: SftpFileStatus.Failed })
            {
                detail.Add($"{f.Name}: пропущен — при прошлой попытке: {seen.Error} Исправьте файл и положите заново.");
                continue;
            }
            if (seen is not { Status: SftpFileStatus.Loaded })
            {
                seen ??= db.LeadSftpFiles.Add(new LeadSftpFile { ScheduleId = schedule.Id, Name = f.Name, Size = f.Length, ModifiedAtUtc = modified }).Entity;
                seen.SeenAtUtc = Now();
                if (!await LoadAsync(client, f, seen, schedule, host, entry, errors, detail, ct)) continue;
            }
            else detail.Add($"{f.Name}: уже загружен раньше — перенесён в обработанные без повторной загрузки.");
            await MoveAsync(client, f, schedule, ct);
            seen.MovedAtUtc = Now();
            await db.SaveChangesAsync(ct);
        }
    }

    // Streams the remote file into a load and runs it; false when the file was refused (then it stays where it is).
    private async Task<bool> LoadAsync(SftpClient client, Renci.SshNet.Sftp.ISftpFile f, LeadSftpFile seen, LeadSftpSchedule schedule, SftpHost host,
        LeadSftpRun entry, List<string> errors, List<string> detail, CancellationToken ct)
    {
        LeadImport import;
        try
        {
            await using var remote = await client.OpenAsync(f.FullName, FileMode.Open, FileAccess.Read, ct);
            import = await start.HandleAsync(schedule.ProjectId, f.Name, remote,
                new StartLeadImport.Options(schedule.Dedup, schedule.SystemDays, schedule.SupplierId, $"SFTP «{host.Name}»"), ct);
        }
        catch (BusinessRuleException e)
        {
            await FailAsync(seen, e.Message, errors, ct);
            return false;
        }
        seen.Status = SftpFileStatus.Loading;
        seen.ImportId = import.Id;
        seen.Error = null;
        await db.SaveChangesAsync(ct);
        var r = await run.HandleAsync(import.Id, ct);
        if (r.Status != LeadImportStatus.Done)
        {
            await FailAsync(seen, r.Error ?? "загрузка не завершилась.", errors, ct);
            return false;
        }
        seen.Status = SftpFileStatus.Loaded;
        await db.SaveChangesAsync(ct);
        var rejected = r.DuplicatesInFile + r.DuplicatesInProject + r.DuplicatesInSystem + r.DoNotCall + r.Invalid;
        entry.FilesDone++;
        entry.Rows += r.RowsRead;
        entry.Imported += r.Imported + r.Requeued;
        entry.Rejected += rejected;
        detail.Add($"{f.Name}: строк {r.RowsRead:N0}, загружено {r.Imported + r.Requeued:N0}, отклонено {rejected:N0}.");
        return true;
    }

    private async Task FailAsync(LeadSftpFile seen, string error, List<string> errors, CancellationToken ct)
    {
        seen.Status = SftpFileStatus.Failed;
        seen.Error = error.Length > 1000 ? error[..1000] : error;
        await db.SaveChangesAsync(ct);
        errors.Add($"{seen.Name}: {error}");
    }

    private static async Task MoveAsync(SftpClient client, Renci.SshNet.Sftp.ISftpFile f, LeadSftpSchedule schedule, CancellationToken ct)
    {
        var folder = Folder(schedule.ProcessedFolder);
        await EnsureFolderAsync(client, folder, ct);
        var target = Join(folder, f.Name);
        if (await client.ExistsAsync(target, ct))
            target = Join(folder, $"{Path.GetFileNameWithoutExtension(f.Name)}-{DateTime.UtcNow:yyyyMMddHHmmss}{Path.GetExtension(f.Name)}");
        await client.RenameFileAsync(f.FullName, target, ct);
    }

    private async Task ExportAsync(SftpClient client, LeadSftpSchedule schedule, LeadSftpRun entry, List<string> detail, CancellationToken ct)
    {
        var xlsx = schedule.ExportFormat == "xlsx";
        var name = $"project-{schedule.ProjectId}-{LocalTime.ToLocal(Now()):yyyyMMdd-HHmmss}.{(xlsx ? "xlsx" : "csv")}";
        var local = files.UploadPath(Guid.NewGuid(), "export");
        try
        {
            long rows;
            var filter = new ListLeads.Input { Project = schedule.ProjectId, Status = schedule.ExportStatus };
            await using (var file = new FileStream(local, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                rows = xlsx ? await export.WriteXlsxAsync(filter, file, ct) : await export.WriteCsvAsync(filter, file, ct);
            var folder = Folder(schedule.RemoteFolder);
            await EnsureFolderAsync(client, folder, ct);
            var target = Join(folder, name);
            await using (var file = File.OpenRead(local)) await client.UploadFileAsync(file, target + ".part", ct);
            await client.RenameFileAsync(target + ".part", target, ct);
            entry.Files = entry.FilesDone = 1;
            entry.Rows = rows;
            detail.Add($"{name}: номеров {rows:N0}.");
        }
        finally
        {
            File.Delete(local);
        }
    }

    private static async Task EnsureFolderAsync(SftpClient client, string folder, CancellationToken ct)
    {
        if (folder == "." || await client.ExistsAsync(folder, ct)) return;
        var path = folder.StartsWith('/') ? "/" : "";
        foreach (var part in folder.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path = path is "" or "/" ? path + part : path + "/" + part;
            if (!await client.ExistsAsync(path, ct)) await client.CreateDirectoryAsync(path, ct);
        }
    }

    /// <summary>A file-name glob (<c>*</c> any run of characters, <c>?</c> one), whole name, without case.</summary>
    public static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(string.IsNullOrWhiteSpace(pattern) ? "*" : pattern.Trim()).Replace(@"\*", ".*").Replace(@"\?", ".") + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static string Folder(string folder) => string.IsNullOrWhiteSpace(folder) ? "." : folder.Trim().TrimEnd('/') is { Length: > 0 } f ? f : "/";

    private static string Join(string folder, string name) => folder == "." ? name : folder.EndsWith('/') ? folder + name : folder + "/" + name;

    private static string Explain(Exception e, LeadSftpSchedule schedule) => e switch
    {
        SftpPathNotFoundException => $"На сервере нет папки «{schedule.RemoteFolder}» (или файла в ней): проверьте путь в расписании.",
        SftpPermissionDeniedException => $"Серверу не хватает прав: {e.Message}. Попросите администратора сервера открыть папки «{schedule.RemoteFolder}» и «{schedule.ProcessedFolder}» на чтение и запись.",
        _ => $"Ошибка SFTP: {e.Message}",
    };

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
