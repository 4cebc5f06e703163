namespace AlAroma.Web.Features.Leads.Conversion;

/// <summary>
/// The maintained counters of the conversion report, per project, supplier (0 = none), region ('' = unknown) and Moscow
/// day: numbers loaded that day, and the changes of that day in numbers attempted, contacted (someone answered:
/// Vicidial's human_answered), success, refused and do-not-call. Written only by the statement-level triggers on
/// <c>leads</c> (migration LeadStats), so every path — a load of a million rows, a result button, a PBX event, a purge —
/// keeps them exact with one aggregate per statement; summed over days they are the current state. The dashboard reads
/// these, never the numbers themselves.
/// </summary>
[Infrastructure.Auditing.NotAudited]
public class LeadStat
{
    public int ProjectId { get; set; }
    public int SupplierId { get; set; }
    public string Region { get; set; } = "";
    public DateOnly Day { get; set; }
    public long Numbers { get; set; }
    public long Attempted { get; set; }
    public long Contacted { get; set; }
    public long Success { get; set; }
    public long Refused { get; set; }
    public long DoNotCall { get; set; }
}
