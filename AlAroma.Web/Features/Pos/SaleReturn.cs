namespace AlAroma.Web.Features.Pos;

/// <summary>A return of goods by receipt (Возврат): "S1-V000001". Immutable once written.</summary>
[Infrastructure.Auditing.AuditName("Возврат")]
public class SaleReturn
{
    public long Id { get; set; }

    /// <summary>Return number per shop: "{location code}-V{000001}".</summary>
    public string Number { get; set; } = "";
    public long SaleId { get; set; }
    public int LocationId { get; set; }
    public int RegisterId { get; set; }

    /// <summary>The shift the refund was paid out in (its drawer gives the cash back).</summary>
    public long ShiftId { get; set; }
    public string CashierName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Client-generated key of the submit; unique, so a retry returns the same return.</summary>
    public Guid IdempotencyKey { get; set; }

    /// <summary>Refunded in total: the effective prices of the returned units, ₽.</summary>
    public decimal Total { get; set; }

    /// <summary>Redeemed points given back to the customer.</summary>
    public int PointsRestored { get; set; }

    /// <summary>Points taken back because the receipt's accrual shrank (≥ 0).</summary>
    public int PointsReversed { get; set; }
    public List<SaleReturnLine> Lines { get; set; } = [];
    public List<SaleReturnPayment> Payments { get; set; } = [];
}

/// <summary>Units of one receipt line given back.</summary>
[Infrastructure.Auditing.AuditName("Строка возврата")]
public class SaleReturnLine
{
    public long Id { get; set; }
    public long SaleReturnId { get; set; }

    /// <summary>The receipt line returned.</summary>
    public long SaleLineId { get; set; }
    public int ProductId { get; set; }
    public string Name { get; set; } = "";
    public int Quantity { get; set; }

    /// <summary>Refund for these units: their effective prices, ₽.</summary>
    public decimal Amount { get; set; }
}

/// <summary>Money going back by one original method (for a certificate: onto that certificate).</summary>
public class SaleReturnPayment
{
    public long Id { get; set; }
    public long SaleReturnId { get; set; }
    public PaymentMethod Method { get; set; }

    /// <summary>₽ refunded (points: 1 point = 1 ₽).</summary>
    public decimal Amount { get; set; }

    /// <summary>The certificate re-credited (certificate only).</summary>
    public long? CertificateId { get; set; }
}

/// <summary>Внесение (In) or Изъятие (Out) of cash during a shift.</summary>
public enum CashMovementKind
{
    In = 1,
    Out = 2,
}

/// <summary>Cash put into or taken out of the drawer with a reason; counted in the expected cash and the X/Z-reports.</summary>
[Infrastructure.Auditing.AuditName("Движение наличных")]
public class CashMovement
{
    public long Id { get; set; }
    public long ShiftId { get; set; }
    public CashMovementKind Kind { get; set; }

    /// <summary>Always positive, ₽; Kind says the direction.</summary>
    public decimal Amount { get; set; }
    public string Reason { get; set; } = "";
    public DateTime AtUtc { get; set; }
    public string UserName { get; set; } = "";

    /// <summary>"Внесение" / "Изъятие".</summary>
    public static string Label(CashMovementKind k) => k == CashMovementKind.In ? "Внесение" : "Изъятие";
}
