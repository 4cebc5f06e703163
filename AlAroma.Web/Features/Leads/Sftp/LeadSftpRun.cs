using AlAroma.Web.Infrastructure.Auditing;

namespace AlAroma.Web.Features.Leads.Sftp;

/// <summary>One run of a <see cref="LeadSftpSchedule"/>: when, what it moved and what went wrong, for the project's page.</summary>
[NotAudited]
public sealed class LeadSftpRun
{
    public long Id { get; set; }
    public int ScheduleId { get; set; }
    public int ProjectId { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>True when the run did everything it found to do; false when the connection or a file failed.</summary>
    public bool Succeeded { get; set; }

    /// <summary>Import: files matching the pattern; export: 1 when a file was put.</summary>
    public int Files { get; set; }

    /// <summary>Import: files loaded in this run; export: files written.</summary>
    public int FilesDone { get; set; }

    /// <summary>Import: rows read from the loaded files; export: numbers written.</summary>
    public long Rows { get; set; }

    /// <summary>Import: numbers added to the project (and put back to work).</summary>
    public long Imported { get; set; }

    /// <summary>Import: rows refused (invalid numbers, duplicates, do-not-call).</summary>
    public long Rejected { get; set; }

    /// <summary>What went wrong, in Russian, one line per problem; null when nothing did.</summary>
    public string? Error { get; set; }

    /// <summary>The files of the run, one line each ("base-01.csv: 1 000 строк, загружено 990").</summary>
    public string? Detail { get; set; }
}

/// <summary>Whether a remote file seen by an import schedule was loaded.</summary>
public enum SftpFileStatus
{
    /// <summary>Its load was started (the import id is set); the next run reads the import's outcome.</summary>
    Loading,

    /// <summary>Loaded; <see cref="LeadSftpFile.MovedAtUtc"/> says whether it was moved away yet.</summary>
    Loaded,

    /// <summary>Refused (not a table, no phone column, a failed load): left where it is and not tried again until it changes.</summary>
    Failed,
}

/// <summary>
/// A remote file an import schedule has seen, by name, size and modification time: a file is loaded once, even when moving
/// it away failed or the app stopped between the load and the move; a file replaced by a new one (other size or time) is
/// a new file.
/// </summary>
[NotAudited]
public sealed class LeadSftpFile
{
    public long Id { get; set; }
    public int ScheduleId { get; set; }
    public string Name { get; set; } = "";
    public long Size { get; set; }
    public DateTime ModifiedAtUtc { get; set; }
    public SftpFileStatus Status { get; set; }
    public Guid? ImportId { get; set; }
    public string? Error { get; set; }
    public DateTime SeenAtUtc { get; set; }
    public DateTime? MovedAtUtc { get; set; }
}
