using AlAroma.Web.Infrastructure.Auditing;

namespace AlAroma.Web.Features.Leads.Projects;

/// <summary>Whether operators get numbers of a project.</summary>
public enum LeadProjectStatus { Active, Paused }

/// <summary>What a staff member does in a project: manages it (bases, imports, reports) or calls its numbers.</summary>
public enum LeadProjectRole { Manager, Operator }

/// <summary>
/// A call project (проект обзвона): bases of numbers from suppliers, called by its operators within the calling days and
/// hours, which are local to each number's own time zone (DOMAIN.md "Leads"; Vicidial's per-weekday calling window,
/// 09:00–21:00 by default). Soft-deleted into «Удалённые проекты», from where it is restored or purged.
/// </summary>
[AuditName("Проект обзвона", Link = "/leads/projects/{0}")]
public class LeadProject
{
    /// <summary>Calling days of a new project: Monday to Saturday.</summary>
    public const int WorkingDays = 0b0111111;

    public int Id { get; set; }
    [AuditName("Название")]
    public string Name { get; set; } = "";
    [AuditName("Статус")]
    public LeadProjectStatus Status { get; set; } = LeadProjectStatus.Active;

    /// <summary>Region slugs of the numbering plan (<c>moscow</c>, <c>novosibirsk-oblast</c>) the project calls; empty = every region.</summary>
    [AuditName("Регионы")]
    public List<string> Regions { get; set; } = [];

    /// <summary>Suppliers whose bases the project takes (<see cref="LeadSupplier"/> ids); empty = any.</summary>
    [AuditName("Поставщики")]
    public List<int> SupplierIds { get; set; } = [];

    /// <summary>Calling days as bits, Monday = bit 0 … Sunday = bit 6 (<see cref="CallingWindow"/>).</summary>
    [AuditName("Дни обзвона")]
    public int CallingDays { get; set; } = WorkingDays;

    /// <summary>First minute of calling, local time of the number.</summary>
    [AuditName("Звонить с")]
    public TimeOnly CallFrom { get; set; } = new(9, 0);

    /// <summary>End of calling (exclusive), local time of the number.</summary>
    [AuditName("Звонить до")]
    public TimeOnly CallTo { get; set; } = new(21, 0);

    /// <summary>Calls after which a number that never answered is no longer given out.</summary>
    [AuditName("Максимум попыток")]
    public int MaxAttempts { get; set; } = 5;

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When it was moved to «Удалённые проекты» (UTC); null while it is live.</summary>
    [AuditName("Удалён")]
    public DateTime? DeletedAtUtc { get; set; }

    /// <summary>When the purge was asked for (UTC): its numbers are being removed in batches by the background purge.</summary>
    public DateTime? PurgeRequestedAtUtc { get; set; }

    /// <summary>Numbers the purge found at its start, and how many it has removed (for its progress bar).</summary>
    public long PurgeTotal { get; set; }
    public long PurgePurged { get; set; }

    public List<LeadProjectMember> Members { get; set; } = [];

    /// <summary>The calling window of the project as a pure rule.</summary>
    public CallingWindow Window => new(CallingDays, CallFrom, CallTo);
}

/// <summary>A staff member of a project (<see cref="LeadProjectRole"/>).</summary>
public class LeadProjectMember
{
    public int ProjectId { get; set; }
    public string UserId { get; set; } = "";
    public LeadProjectRole Role { get; set; }
}
