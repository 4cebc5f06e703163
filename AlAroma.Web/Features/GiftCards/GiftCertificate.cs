namespace AlAroma.Web.Features.GiftCards;

/// <summary>Lifecycle of a gift certificate.</summary>
public enum CertificateStatus
{
    [Infrastructure.Auditing.AuditName("Действует")] Active = 1,
    [Infrastructure.Auditing.AuditName("Истёк срок")] Expired = 2,
    [Infrastructure.Auditing.AuditName("Аннулирован")] Cancelled = 9,
}

/// <summary>Kind of a certificate ledger entry.</summary>
public enum CertificateEntryKind
{
    [Infrastructure.Auditing.AuditName("Активация")] Activate = 1,
    [Infrastructure.Auditing.AuditName("Оплата покупки")] Redeem = 2,
    [Infrastructure.Auditing.AuditName("Возврат на сертификат")] Refund = 3,
    [Infrastructure.Auditing.AuditName("Сгорание")] Expire = 4,
    [Infrastructure.Auditing.AuditName("Корректировка")] Adjust = 5,
}

/// <summary>
/// A gift certificate (подарочный сертификат): sold at the POS for a nominal, valid 12 months, spent in parts,
/// never exchanged for cash. <see cref="Balance"/> only changes through <see cref="CertificateLedger"/>, which
/// writes a <see cref="GiftCertificateEntry"/> with the balance after each change.
/// </summary>
[Infrastructure.Auditing.AuditName("Подарочный сертификат", Link = "/giftcards/{0}")]
public class GiftCertificate
{
    public long Id { get; set; }

    /// <summary>13 digits, Luhn check digit (<see cref="CertificateCode"/>); unique.</summary>
    [Infrastructure.Auditing.AuditSecret]
    [Infrastructure.Auditing.AuditName("Код сертификата")]
    public string Code { get; set; } = "";

    /// <summary>Face value, ₽.</summary>
    public decimal Nominal { get; set; }

    /// <summary>What is left to spend, ₽ (0 … Nominal; a database CHECK keeps it ≥ 0).</summary>
    [Infrastructure.Auditing.AuditName("Остаток на сертификате")]
    public decimal Balance { get; set; }
    public CertificateStatus Status { get; set; }
    [Infrastructure.Auditing.AuditName("Активирован")]
    public DateTime ActivatedAtUtc { get; set; }

    /// <summary>End of validity (UTC): activation + 12 months.</summary>
    [Infrastructure.Auditing.AuditName("Действует до")]
    public DateTime ExpiresAtUtc { get; set; }
    public int LocationId { get; set; }

    /// <summary>The sale that sold it (null when issued by a manager).</summary>
    [Infrastructure.Auditing.AuditName("Чек продажи")]
    public long? SaleId { get; set; }
    public List<GiftCertificateEntry> Entries { get; set; } = [];

    /// <summary>Russian status as the customer would put it, given the time now.</summary>
    public string StatusLabel(DateTime nowUtc) => Status switch
    {
        CertificateStatus.Cancelled => "Аннулирован",
        CertificateStatus.Expired => "Истёк срок",
        _ when ExpiresAtUtc <= nowUtc => "Истёк срок",
        _ when Balance == 0 => "Использован полностью",
        _ => "Действует",
    };
}

/// <summary>Append-only activity ledger of a certificate: every change with the balance after it.</summary>
[Infrastructure.Auditing.AuditName("Движение по сертификату")]
public class GiftCertificateEntry
{
    public long Id { get; set; }
    [Infrastructure.Auditing.AuditName("Сертификат")]
    public long CertificateId { get; set; }
    public CertificateEntryKind Kind { get; set; }

    /// <summary>Signed ₽: + activation/refund, − redemption/expiry.</summary>
    public decimal Amount { get; set; }

    /// <summary>Balance right after this entry, ₽.</summary>
    public decimal BalanceAfter { get; set; }
    [Infrastructure.Auditing.AuditName("Когда")]
    public DateTime AtUtc { get; set; }
    [Infrastructure.Auditing.AuditName("Чек")]
    public long? SaleId { get; set; }
    public string? Comment { get; set; }
    [Infrastructure.Auditing.AuditName("Кто")]
    public string UserName { get; set; } = "";

    public static string KindLabel(CertificateEntryKind k) => k switch
    {
        CertificateEntryKind.Activate => "Активация",
        CertificateEntryKind.Redeem => "Оплата покупки",
        CertificateEntryKind.Refund => "Возврат на сертификат",
        CertificateEntryKind.Expire => "Сгорание",
        CertificateEntryKind.Adjust => "Корректировка",
        _ => k.ToString(),
    };
}
