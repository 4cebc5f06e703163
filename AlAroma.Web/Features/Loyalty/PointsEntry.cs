namespace AlAroma.Web.Features.Loyalty;

/// <summary>Kind of a points ledger entry (DOMAIN.md: accrual, redemption, reversal, expiry, manual adjustment).</summary>
public enum PointsEntryKind
{
    [Infrastructure.Auditing.AuditName("Начисление")] Accrual = 1,
    [Infrastructure.Auditing.AuditName("Списание в оплату")] Redemption = 2,
    [Infrastructure.Auditing.AuditName("Отмена начисления (возврат)")] Reversal = 3,
    [Infrastructure.Auditing.AuditName("Сгорание")] Expiry = 4,
    [Infrastructure.Auditing.AuditName("Корректировка")] Adjustment = 5,
    [Infrastructure.Auditing.AuditName("Подарок")] Gift = 6,
}

/// <summary>Append-only points ledger row: a signed change with the balance after it, linked to the receipt.</summary>
[Infrastructure.Auditing.AuditName("Движение баллов")]
public class PointsEntry
{
    public long Id { get; set; }
    [Infrastructure.Auditing.AuditName("Покупатель")]
    public long CustomerId { get; set; }
    public PointsEntryKind Kind { get; set; }

    /// <summary>Signed points: + accrual/gift/restored redemption, − redemption/reversal/expiry.</summary>
    public int Points { get; set; }
    [Infrastructure.Auditing.AuditName("Баллов после")]
    public int BalanceAfter { get; set; }
    [Infrastructure.Auditing.AuditName("Когда")]
    public DateTime AtUtc { get; set; }

    /// <summary>When these points expire (accruals and gifts; UTC).</summary>
    [Infrastructure.Auditing.AuditName("Сгорают")]
    public DateTime? ExpiresAtUtc { get; set; }
    [Infrastructure.Auditing.AuditName("Чек")]
    public long? SaleId { get; set; }
    public string? Comment { get; set; }
    [Infrastructure.Auditing.AuditName("Кто")]
    public string UserName { get; set; } = "";

    /// <summary>The staff member who gave a staff gift (their user id; the day's gift limit counts by it); null on other entries.</summary>
    public string? StaffUserId { get; set; }
}
