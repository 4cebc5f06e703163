using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Pos;

/// <summary>A cashier's shift at a register: opened with a cash float, closed with counted cash (Z-report).</summary>
[Infrastructure.Auditing.AuditName("Смена", Link = "/pos/shifts/{0}")]
public class Shift
{
    public long Id { get; set; }
    public int RegisterId { get; set; }
    public Register? Register { get; set; }
    public int LocationId { get; set; }
    [Infrastructure.Auditing.AuditName("Открыл (ид.)")]
    public string OpenedByUserId { get; set; } = "";
    [Infrastructure.Auditing.AuditName("Кто открыл")]
    public string OpenedByName { get; set; } = "";
    public DateTime OpenedAtUtc { get; set; }

    /// <summary>Cash in the drawer at opening, ₽.</summary>
    [Infrastructure.Auditing.AuditName("Размен на начало")]
    public decimal OpeningFloat { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    [Infrastructure.Auditing.AuditName("Кто закрыл")]
    public string? ClosedByName { get; set; }

    /// <summary>Cash counted at closing, ₽.</summary>
    public decimal? CountedCash { get; set; }

    /// <summary>Cash the drawer should hold at closing (float + cash taken − change − cash refunds ± cash in/out), ₽.</summary>
    public decimal? ExpectedCash { get; set; }
    /// <summary>The manager who confirmed a discrepancy above Pos:DiscrepancyLimit at closing (null when none was needed).</summary>
    public string? DiscrepancyConfirmedBy { get; set; }
    public bool IsOpen => ClosedAtUtc is null;

    /// <summary>Counted − expected, ₽ (negative = shortage).</summary>
    public decimal? Discrepancy => CountedCash is { } c && ExpectedCash is { } e ? Money.Round(c - e) : null;
}
