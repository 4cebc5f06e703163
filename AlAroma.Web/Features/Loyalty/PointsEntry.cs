namespace AlAroma.Web.Features.Loyalty;

/// <summary>Kind of a points ledger entry (DOMAIN.md: accrual, redemption, reversal, expiry, manual adjustment).</summary>
public enum PointsEntryKind
{
    Accrual = 1,
    Redemption = 2,
    Reversal = 3,
    Expiry = 4,
    Adjustment = 5,
    Gift = 6,
}

/// <summary>Append-only points ledger row: a signed change with the balance after it, linked to the receipt.</summary>
[Infrastructure.Auditing.AuditName("Движение баллов")]
public class PointsEntry
{
    public long Id { get; set; }
    public long CustomerId { get; set; }
    public PointsEntryKind Kind { get; set; }

    /// <summary>Signed points: + accrual/gift/restored redemption, − redemption/reversal/expiry.</summary>
    public int Points { get; set; }
    public int BalanceAfter { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>When these points expire (accruals and gifts; UTC).</summary>
    public DateTime? ExpiresAtUtc { get; set; }
    public long? SaleId { get; set; }
    public string? Comment { get; set; }
    public string UserName { get; set; } = "";
}
