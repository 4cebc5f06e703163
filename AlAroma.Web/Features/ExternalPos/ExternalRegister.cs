using AlAroma.Web.Infrastructure.Auditing;

namespace AlAroma.Web.Features.ExternalPos;

/// <summary>
/// A till of another program (a franchisee's shop, a partner's cash register) that takes part in the loyalty programme
/// through the external POS API (<c>/api/v1</c>). It signs in with its <see cref="ApiKey"/> and signs every request with
/// its secret (HMAC-SHA256, <see cref="ExternalPosSignatureAttribute"/>); the secret is kept encrypted with the app's Data
/// Protection key ring (the server needs it in clear to check a signature, so it cannot be a hash) and is shown once,
/// when made. A deactivated register is refused with 401.
/// </summary>
[AuditName("Внешняя касса")]
public sealed class ExternalRegister
{
    public int Id { get; set; }

    [AuditName("Название")]
    public string Name { get; set; } = "";

    /// <summary>The public key id sent in <c>X-Api-Key</c>: "pos_" and 24 lower-case hex digits, unique.</summary>
    [AuditName("Ключ API")]
    public string ApiKey { get; set; } = "";

    /// <summary>The HMAC secret, encrypted (<see cref="ExternalPosSecrets"/>).</summary>
    [AuditName("Секрет"), AuditSecret]
    public string SecretProtected { get; set; } = "";

    [AuditName("Активна")]
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    [AuditName("Создал")]
    public string CreatedBy { get; set; } = "";
}

/// <summary>Kind of an <see cref="ExternalPosEvent"/>.</summary>
public enum ExternalPosEventKind
{
    Sale = 1,
    Return = 2,
}

/// <summary>
/// One sale or return event a register sent, by its own event id (unique per register): the idempotency record. A
/// repeat with the same body gets the stored answer and changes nothing; the same id with another body is refused (409).
/// </summary>
[NotAudited]
public sealed class ExternalPosEvent
{
    public long Id { get; set; }
    public int RegisterId { get; set; }

    /// <summary>The register's id of the event (1–100 characters).</summary>
    public string EventId { get; set; } = "";
    public ExternalPosEventKind Kind { get; set; }

    /// <summary>Lower-case hex SHA-256 of the request body as signed.</summary>
    public string BodySha256 { get; set; } = "";

    /// <summary>The JSON answered the first time.</summary>
    public string ResponseJson { get; set; } = "";
    public DateTime AtUtc { get; set; }
}

/// <summary>
/// A receipt of an external register with a customer: what the programme needs of it — the amounts, the points moved —
/// and what its returns took back. Its goods count for the customer's level like a sale at our tills
/// (<see cref="Loyalty.LoyaltyPurchases"/>).
/// </summary>
[AuditName("Чек внешней кассы")]
public sealed class ExternalSale
{
    public long Id { get; set; }
    public int RegisterId { get; set; }

    /// <summary>The sale event's id (<see cref="ExternalPosEvent.EventId"/>), by which returns name it.</summary>
    public string EventId { get; set; } = "";

    [AuditName("Номер чека")]
    public string ReceiptNumber { get; set; } = "";

    [AuditName("Покупатель")]
    public long CustomerId { get; set; }

    [AuditName("Когда")]
    public DateTime AtUtc { get; set; }

    /// <summary>The receipt's total after discounts, goods only, ₽.</summary>
    [AuditName("Сумма")]
    public decimal Total { get; set; }

    /// <summary>Paid with cash and card, ₽ (the base of the accrual).</summary>
    [AuditName("Оплачено деньгами")]
    public decimal MoneyPaid { get; set; }

    [AuditName("Списано баллов")]
    public int PointsRedeemed { get; set; }

    [AuditName("Начислено баллов")]
    public int PointsAccrued { get; set; }

    /// <summary>Returned so far, ₽ of <see cref="Total"/>.</summary>
    [AuditName("Возвращено")]
    public decimal ReturnedTotal { get; set; }

    /// <summary>Of the returned, given back in money, ₽.</summary>
    public decimal ReturnedMoney { get; set; }

    /// <summary>Of the returned, points given back to the balance.</summary>
    public int PointsRestored { get; set; }

    /// <summary>Accrued points taken back by the returns.</summary>
    public int PointsReversed { get; set; }

    /// <summary>Paid neither with money nor with points (the register's own certificates and the like), ₽.</summary>
    public decimal OtherPaid => Total - MoneyPaid - PointsRedeemed;
}
