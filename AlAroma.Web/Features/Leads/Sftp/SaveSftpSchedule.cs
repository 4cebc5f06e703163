using AlAroma.Web.Data;
using AlAroma.Web.Features.Leads.Import;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Sftp;

/// <summary>Creates, edits or deletes a project's <see cref="LeadSftpSchedule"/>.</summary>
public sealed class SaveSftpSchedule(AppDbContext db, TimeProvider clock)
{
    /// <summary>Shortest and longest interval between runs, minutes.</summary>
    public const int MinInterval = 5, MaxInterval = 1440;

    /// <summary>The schedule form; <see cref="Id"/> is null for a new one.</summary>
    public sealed class Input
    {
        public int? Id { get; set; }
        public int ProjectId { get; set; }
        public int? HostId { get; set; }
        public SftpScheduleKind Kind { get; set; }
        public string? RemoteFolder { get; set; }
        public string? FilePattern { get; set; } = "*.csv";
        public string? ProcessedFolder { get; set; }
        public bool CheckProject { get; set; } = true;
        public bool CheckSystem { get; set; }
        public bool CheckDoNotCall { get; set; } = true;
        public int? SystemDays { get; set; }
        public int? SupplierId { get; set; }
        public LeadStatus? ExportStatus { get; set; }
        public string ExportFormat { get; set; } = "csv";
        public int IntervalMinutes { get; set; } = 60;
        public bool Enabled { get; set; } = true;

        // For the form.
        public string ProjectName { get; set; } = "";
        public IReadOnlyList<(int Id, string Name)> Hosts { get; set; } = [];
        public IReadOnlyList<(int Id, string Name)> Suppliers { get; set; } = [];

        /// <summary>The checks as the import stores them (the file check is always on).</summary>
        public DedupOptions Dedup =>
            (CheckProject ? DedupOptions.Project : DedupOptions.None) | (CheckSystem ? DedupOptions.System : DedupOptions.None) | (CheckDoNotCall ? DedupOptions.DoNotCall : DedupOptions.None);

        /// <summary>Field errors (field → Russian message) that need no database.</summary>
        public IEnumerable<(string Field, string Message)> Validate()
        {
            if (HostId is null) yield return (nameof(HostId), "Выберите SFTP-сервер (добавьте его в «SFTP-серверы», если его нет в списке).");
            if (string.IsNullOrWhiteSpace(RemoteFolder)) yield return (nameof(RemoteFolder), "Укажите папку на сервере, например /out или . для домашней.");
            else if (RemoteFolder.Length > 500) yield return (nameof(RemoteFolder), "Папка — не длиннее 500 символов.");
            if (IntervalMinutes is < MinInterval or > MaxInterval) yield return (nameof(IntervalMinutes), $"Интервал — от {MinInterval} до {MaxInterval} минут.");
            if (Kind == SftpScheduleKind.Import)
            {
                if (string.IsNullOrWhiteSpace(FilePattern)) yield return (nameof(FilePattern), "Укажите шаблон имени файла, например *.csv.");
                else if (FilePattern.Length > 200 || FilePattern.Contains('/')) yield return (nameof(FilePattern), "Шаблон — имя файла с * и ?, без папок, например base-*.csv.");
                if (string.IsNullOrWhiteSpace(ProcessedFolder)) yield return (nameof(ProcessedFolder), "Укажите папку, куда переносить загруженные файлы, например /in/processed.");
                else if (ProcessedFolder.Trim().TrimEnd('/') == RemoteFolder?.Trim().TrimEnd('/')) yield return (nameof(ProcessedFolder), "Папка обработанных должна отличаться от папки с новыми файлами.");
                if (CheckSystem && SystemDays is < 1 or > 3650) yield return (nameof(SystemDays), "Срок проверки по всем проектам — от 1 до 3650 дней (или пусто — за всё время).");
            }
            else if (ExportFormat is not ("csv" or "xlsx")) yield return (nameof(ExportFormat), "Формат выгрузки — CSV или XLSX.");
        }
    }

    /// <summary>A new schedule's form for project <paramref name="projectId"/>, or schedule <paramref name="id"/>'s; null when not found.</summary>
    public async Task<Input?> FormAsync(int projectId, int? id, CancellationToken ct)
    {
        var project = await db.LeadProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId && p.DeletedAtUtc == null, ct);
        if (project is null) return null;
        Input input;
        if (id is null) input = new Input { ProjectId = projectId, SupplierId = project.SupplierIds.Count == 1 ? project.SupplierIds[0] : null };
        else
        {
            var s = await db.LeadSftpSchedules.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.ProjectId == projectId, ct);
            if (s is null) return null;
            input = new Input
            {
                Id = s.Id, ProjectId = s.ProjectId, HostId = s.HostId, Kind = s.Kind, RemoteFolder = s.RemoteFolder, FilePattern = s.FilePattern,
                ProcessedFolder = s.ProcessedFolder, CheckProject = s.Dedup.HasFlag(DedupOptions.Project), CheckSystem = s.Dedup.HasFlag(DedupOptions.System),
                CheckDoNotCall = s.Dedup.HasFlag(DedupOptions.DoNotCall), SystemDays = s.SystemDays, SupplierId = s.SupplierId, ExportStatus = s.ExportStatus,
                ExportFormat = s.ExportFormat, IntervalMinutes = s.IntervalMinutes, Enabled = s.Enabled,
            };
        }
        return await FillAsync(input, ct);
    }

    /// <summary>Fills the form's lists and project name (after a failed post too).</summary>
    public async Task<Input> FillAsync(Input input, CancellationToken ct)
    {
        input.ProjectName = await db.LeadProjects.Where(p => p.Id == input.ProjectId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "";
        input.Hosts = (await db.SftpHosts.AsNoTracking().OrderBy(h => h.Name).Select(h => new { h.Id, h.Name }).ToListAsync(ct)).Select(h => (h.Id, h.Name)).ToList();
        input.Suppliers = (await db.LeadSuppliers.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name)).ToList();
        return input;
    }

    /// <summary>Saves and returns the schedule id; a new or re-enabled schedule runs at the job's next minute.</summary>
    /// <exception cref="BusinessRuleException">An invalid form, or an unknown project, host, supplier or schedule.</exception>
    public async Task<int> HandleAsync(Input input, CancellationToken ct)
    {
        if (input.Validate().FirstOrDefault() is { Message: { } error }) throw new BusinessRuleException(error);
        if (!await db.LeadProjects.AnyAsync(p => p.Id == input.ProjectId && p.DeletedAtUtc == null, ct)) throw new BusinessRuleException("Проект не найден — обновите страницу.");
        if (!await db.SftpHosts.AnyAsync(h => h.Id == input.HostId, ct)) throw new BusinessRuleException("SFTP-сервер не найден — выберите другой.");
        if (input.SupplierId is { } sup && !await db.LeadSuppliers.AnyAsync(s => s.Id == sup, ct)) throw new BusinessRuleException("Поставщик не найден — выберите другого.");
        var now = clock.GetUtcNow().UtcDateTime;
        LeadSftpSchedule s;
        if (input.Id is { } id)
            s = await db.LeadSftpSchedules.FirstOrDefaultAsync(x => x.Id == id && x.ProjectId == input.ProjectId, ct) ?? throw new BusinessRuleException("Расписание не найдено — обновите страницу.");
        else db.LeadSftpSchedules.Add(s = new LeadSftpSchedule { ProjectId = input.ProjectId, CreatedAtUtc = now, NextRunAtUtc = now });
        if (input.Enabled && !s.Enabled) s.NextRunAtUtc = now;
        s.HostId = input.HostId!.Value;
        s.Kind = input.Kind;
        s.RemoteFolder = input.RemoteFolder!.Trim();
        s.IntervalMinutes = input.IntervalMinutes;
        s.Enabled = input.Enabled;
        if (input.Kind == SftpScheduleKind.Import)
        {
            s.FilePattern = input.FilePattern!.Trim();
            s.ProcessedFolder = input.ProcessedFolder!.Trim();
            s.Dedup = input.Dedup;
            s.SystemDays = input.CheckSystem ? input.SystemDays : null;
            s.SupplierId = input.SupplierId;
        }
        else
        {
            s.ExportStatus = input.ExportStatus;
            s.ExportFormat = input.ExportFormat;
        }
        await db.SaveChangesAsync(ct);
        return s.Id;
    }

    /// <summary>Deletes schedule <paramref name="id"/> of project <paramref name="projectId"/> with its run log.</summary>
    public async Task DeleteAsync(int projectId, int id, CancellationToken ct)
    {
        var s = await db.LeadSftpSchedules.FirstOrDefaultAsync(x => x.Id == id && x.ProjectId == projectId, ct) ?? throw new BusinessRuleException("Расписание не найдено — обновите страницу.");
        db.LeadSftpSchedules.Remove(s);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>«Запустить сейчас»: the schedule is due at once (the caller triggers the job).</summary>
    public async Task RunSoonAsync(int projectId, int id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.LeadSftpSchedules.Where(x => x.Id == id && x.ProjectId == projectId).ExecuteUpdateAsync(u => u.SetProperty(x => x.NextRunAtUtc, now), ct) == 0)
            throw new BusinessRuleException("Расписание не найдено — обновите страницу.");
    }
}
