using AlAroma.Web.Infrastructure.Auditing;

namespace AlAroma.Web.Features.Leads.Numbers;

/// <summary>
/// A number of a project's base (лид). Loaded in bulk by <c>Import/RunLeadImport</c> (binary COPY, never EF row by row),
/// so it is not audited row by row: the import writes one audit entry, and each call is kept in <see cref="LeadCall"/>.
/// </summary>
[NotAudited]
public class Lead
{
    public long Id { get; set; }
    public int ProjectId { get; set; }

    /// <summary>E.164 without the "+", as a number: 79161234567 (every Russian number is 11 digits).</summary>
    public long Phone { get; set; }
    public int? SupplierId { get; set; }

    /// <summary>Region slug of the numbering plan ("moscow"), from the file's column or the plan; null when unknown.</summary>
    public string? Region { get; set; }

    /// <summary>IANA zone the calling hours are read in; Europe/Moscow when the region gives none (federal ranges).</summary>
    public string TimeZoneId { get; set; } = "Europe/Moscow";
    public LeadStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime? LastCallAtUtc { get; set; }

    /// <summary>
    /// When the number is due again (UTC): the load time for a new one, the retry time after no answer or busy, the agreed
    /// time of a callback; the queue takes the earliest due first.
    /// </summary>
    public DateTime QueueAtUtc { get; set; }
    public string? LastOperatorId { get; set; }
    public string? Comment { get; set; }

    /// <summary>The file's other columns, as a JSON object {"column": "value"} (jsonb); null when there were none.</summary>
    public string? Extra { get; set; }
    public DateTime LoadedAtUtc { get; set; }
    public Guid? ImportId { get; set; }

    /// <summary>The operator who has the number on screen, until <see cref="TakenUntilUtc"/> (so nobody else gets it).</summary>
    public string? TakenBy { get; set; }
    public DateTime? TakenUntilUtc { get; set; }

    /// <summary>Last call's talk time, seconds, and its recording (from the telephony webhooks).</summary>
    public int? LastDurationSeconds { get; set; }
    public string? RecordingUrl { get; set; }

    /// <summary>"+79161234567".</summary>
    public string E164 => "+" + Phone;
}

/// <summary>One call of a number, or one result an operator gave it: its history on the card and the conversion by day.</summary>
[NotAudited]
public class LeadCall
{
    public long Id { get; set; }
    public long LeadId { get; set; }
    public int ProjectId { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>The status the call gave the number; null for a telephony event that set none (a call that is still going on).</summary>
    public LeadStatus? Result { get; set; }
    public string? OperatorId { get; set; }
    public string? Comment { get; set; }
    public int? DurationSeconds { get; set; }

    /// <summary>"operator" for a result button, else the telephony provider ("zadarma", "mango", "generic").</summary>
    public string Source { get; set; } = "operator";
    public string? ProviderCallId { get; set; }
    public string? RecordingUrl { get; set; }
}

/// <summary>
/// A do-not-call entry (не звонить): system-wide (<see cref="ProjectId"/> null) or for one project, with why and when.
/// Imports refuse these numbers when asked, and the queue never gives them out.
/// </summary>
[AuditName("Не звонить")]
public class DoNotCallEntry
{
    public long Id { get; set; }
    public long Phone { get; set; }
    public int? ProjectId { get; set; }
    [AuditName("Причина")]
    public string Reason { get; set; } = "";
    public DateTime AddedAtUtc { get; set; }
    public string? AddedBy { get; set; }
}
