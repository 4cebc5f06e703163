using AlAroma.Web.Infrastructure.Auditing;

namespace AlAroma.Web.Features.Leads.Import;

/// <summary>Where an import of a base is: uploaded (columns to map), queued for the background worker, running, or over.</summary>
public enum LeadImportStatus { Uploaded, Queued, Running, Done, Cancelled, Failed }

/// <summary>
/// One load of a phone base into a project (загрузка базы). The file stays on disk under <c>Leads:Folder</c> until the
/// import is over; the run is one transaction (all or nothing: a cancelled, failed or killed run leaves no number of it),
/// and its counters, written from a second connection while it runs, feed the progress bar wherever the person is.
/// One audit entry per import (this row), never one per number.
/// </summary>
[AuditName("Загрузка базы", Link = "/leads/imports/{0}")]
public class LeadImport
{
    public Guid Id { get; set; }
    public int ProjectId { get; set; }
    [AuditName("Поставщик")]
    public int? SupplierId { get; set; }
    [AuditName("Файл")]
    public string FileName { get; set; } = "";

    /// <summary>Path of the stored upload (deleted when the import is over).</summary>
    public string StoredPath { get; set; } = "";
    public long FileBytes { get; set; }

    /// <summary>"csv" or "xlsx"; a CSV's encoding name and delimiter code (<c>Infrastructure/Import/ImportFile</c>).</summary>
    public string Format { get; set; } = "csv";
    public string? Encoding { get; set; }
    public string? Delimiter { get; set; }

    /// <summary>The file's header row.</summary>
    public List<string> Headers { get; set; } = [];

    /// <summary>Column (0-based) of the phone, of the region (optional) and of the comment (optional); the rest go to the number's extra JSON.</summary>
    public int? PhoneColumn { get; set; }
    public int? RegionColumn { get; set; }
    public int? CommentColumn { get; set; }

    /// <summary>The duplicate checks chosen for this import (<see cref="DedupOptions"/>).</summary>
    [AuditName("Проверки дублей")]
    public DedupOptions Dedup { get; set; } = DedupOptions.Default;

    /// <summary>With <see cref="DedupOptions.System"/>: only numbers loaded in the last so many days count; null = any time.</summary>
    public int? SystemDays { get; set; }
    [AuditName("Статус")]
    public LeadImportStatus Status { get; set; }

    public long RowsRead { get; set; }
    public long BytesRead { get; set; }
    [AuditName("Загружено")]
    public long Imported { get; set; }

    /// <summary>Numbers already in the project that were put back to work (the project check off).</summary>
    public long Requeued { get; set; }
    public long DuplicatesInFile { get; set; }
    public long DuplicatesInProject { get; set; }
    public long DuplicatesInSystem { get; set; }
    public long DoNotCall { get; set; }

    /// <summary>Rows whose phone is not a valid Russian number (empty, short, long, letters, Kazakhstan, 8-800).</summary>
    public long Invalid { get; set; }

    /// <summary>Total rows refused, all reasons.</summary>
    [AuditName("Отклонено")]
    public long Rejected => DuplicatesInFile + DuplicatesInProject + DuplicatesInSystem + DoNotCall + Invalid;

    /// <summary>The rejected-rows CSV on disk (kept after the import), null when none.</summary>
    public string? RejectedPath { get; set; }
    public string? Error { get; set; }
    public bool CancelRequested { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>Last sign of life of the run (UTC); a running import silent for long is one whose process died.</summary>
    public DateTime? HeartbeatAtUtc { get; set; }

    /// <summary>Whether the run is over (done, cancelled or failed).</summary>
    public bool IsOver => Status is LeadImportStatus.Done or LeadImportStatus.Cancelled or LeadImportStatus.Failed;
}

/// <summary>
/// The duplicate checks of an import, chosen per import as Vicidial does (INTEGRATIONS.md). Within the file is always on:
/// a project holds a number once. Without <see cref="Project"/>, a number the project already has is put back to work
/// (status new, attempts 0, the new supplier) instead of being refused.
/// </summary>
[Flags]
public enum DedupOptions
{
    None = 0,
    /// <summary>Refuse a number the project already has.</summary>
    Project = 1,
    /// <summary>Refuse a number any other project has (optionally only loaded in the last N days).</summary>
    System = 2,
    /// <summary>Refuse a number of the system-wide or the project's do-not-call list.</summary>
    DoNotCall = 4,
    Default = Project | DoNotCall,
}
