using AlAroma.Web.Features.Leads.Import;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Infrastructure.Auditing;

namespace AlAroma.Web.Features.Leads.Sftp;

/// <summary>What a schedule does on its SFTP host.</summary>
public enum SftpScheduleKind
{
    /// <summary>Loads the new files of a remote folder matching a pattern, then moves each to the processed folder.</summary>
    Import,

    /// <summary>Puts the project's numbers (by a filter) into a remote folder as a new file.</summary>
    Export,
}

/// <summary>
/// A project's exchange with an SFTP host, run every <see cref="IntervalMinutes"/> by the job <c>lead-sftp</c>
/// (<see cref="RunDueSftpSchedules"/>); every run is logged in <see cref="LeadSftpRun"/> and shown on the project.
/// </summary>
public sealed class LeadSftpSchedule
{
    public int Id { get; set; }
    public int ProjectId { get; set; }

    [AuditName("SFTP-сервер")]
    public int HostId { get; set; }

    [AuditName("Действие")]
    public SftpScheduleKind Kind { get; set; }

    /// <summary>Remote folder, absolute or relative to the user's home ("/in/bases", "out").</summary>
    [AuditName("Папка на сервере")]
    public string RemoteFolder { get; set; } = "";

    /// <summary>Import: file names to take, a glob with <c>*</c> and <c>?</c>, compared without case ("*.csv").</summary>
    [AuditName("Шаблон имени файла")]
    public string FilePattern { get; set; } = "*.csv";

    /// <summary>Import: where a loaded file is moved ("/in/bases/processed"); created when missing.</summary>
    [AuditName("Папка обработанных")]
    public string ProcessedFolder { get; set; } = "";

    /// <summary>Import: the duplicate checks of each load (<see cref="LeadImport.Dedup"/>).</summary>
    [AuditName("Проверки дублей")]
    public DedupOptions Dedup { get; set; } = DedupOptions.Default;

    /// <summary>Import: the "all projects" check looks only at numbers loaded in the last N days; null = all time.</summary>
    [AuditName("Дубли по всем проектам за, дней")]
    public int? SystemDays { get; set; }

    /// <summary>Import: the supplier the loaded numbers are bought from; null = none.</summary>
    [AuditName("Поставщик")]
    public int? SupplierId { get; set; }

    /// <summary>Export: only numbers with this status; null = every status.</summary>
    [AuditName("Статус")]
    public LeadStatus? ExportStatus { get; set; }

    /// <summary>Export: "csv" or "xlsx".</summary>
    [AuditName("Формат")]
    public string ExportFormat { get; set; } = "csv";

    /// <summary>How often it runs, minutes (5 … 1440).</summary>
    [AuditName("Интервал, минут")]
    public int IntervalMinutes { get; set; } = 60;

    [AuditName("Включено")]
    public bool Enabled { get; set; } = true;

    /// <summary>When the job runs it next (UTC); set to now by «Запустить сейчас».</summary>
    public DateTime NextRunAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
