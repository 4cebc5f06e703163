using AlAroma.Web.Features.Promotions.Engine;

namespace AlAroma.Web.Features.Pos;

/// <summary>A completed sale (чек). Immutable once written; returns are separate documents.</summary>
[Infrastructure.Auditing.AuditName("Продажа", Link = "/pos/sales/{0}")]
public class Sale
{
    public long Id { get; set; }

    /// <summary>Receipt number per shop: "{location code}-{000123}".</summary>
    public string Number { get; set; } = "";
    public int LocationId { get; set; }
    public int RegisterId { get; set; }
    public long ShiftId { get; set; }
    [Infrastructure.Auditing.AuditName("Кассир (ид.)")]
    public string CashierId { get; set; } = "";
    [Infrastructure.Auditing.AuditName("Кассир")]
    public string CashierName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Client-generated key of the checkout submit; unique, so a retried submit returns the same sale.</summary>
    [Infrastructure.Auditing.AuditName("Ключ операции")]
    public Guid IdempotencyKey { get; set; }

    /// <summary>Sum of lines at retail price, ₽.</summary>
    public decimal Subtotal { get; set; }

    /// <summary>All discounts, ₽.</summary>
    public decimal DiscountTotal { get; set; }

    /// <summary>To pay: Subtotal − DiscountTotal, ₽.</summary>
    public decimal Total { get; set; }

    /// <summary>The loyalty customer of the receipt (null = anonymous).</summary>
    public long? CustomerId { get; set; }

    /// <summary>Who gave the manual discount, when there is one (the amount is in the lines' explanations).</summary>
    [Infrastructure.Auditing.AuditName("Ручную скидку дал")]
    public string? ManualDiscountBy { get; set; }

    /// <summary>Points spent on this receipt (1 point = 1 ₽).</summary>
    [Infrastructure.Auditing.AuditName("Списано баллов")]
    public int PointsRedeemed { get; set; }

    /// <summary>Points earned by this receipt (on the part paid with money, certificate sales excluded).</summary>
    [Infrastructure.Auditing.AuditName("Начислено баллов")]
    public int PointsAccrued { get; set; }
    public List<SaleLine> Lines { get; set; } = [];
    public List<SalePayment> Payments { get; set; } = [];

    public static string MethodLabel(PaymentMethod m) => m switch
    {
        PaymentMethod.Cash => "Наличные",
        PaymentMethod.Card => "Карта",
        PaymentMethod.GiftCertificate => "Сертификат",
        PaymentMethod.Points => "Баллы",
        _ => m.ToString(),
    };
}

/// <summary>A receipt line with a snapshot of the product as sold.</summary>
[Infrastructure.Auditing.AuditName("Строка чека")]
public class SaleLine
{
    public long Id { get; set; }
    public long SaleId { get; set; }
    public int ProductId { get; set; }
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Barcode { get; set; }
    public int Quantity { get; set; }

    /// <summary>Units already returned (never above Quantity; raised only by a conditional update in ReturnSale).</summary>
    [Infrastructure.Auditing.AuditName("Возвращено, шт.")]
    public int ReturnedQuantity { get; set; }

    /// <summary>Retail price per unit at the time of sale, ₽.</summary>
    public decimal UnitPrice { get; set; }

    /// <summary>Discount on the whole line, ₽.</summary>
    public decimal Discount { get; set; }

    /// <summary>Quantity × UnitPrice − Discount, ₽.</summary>
    public decimal Total { get; set; }

    /// <summary>Effective price of each unit after discounts, ₽ (highest first; sums to Total): for returns and margins.</summary>
    [Infrastructure.Auditing.AuditName("Суммы по единицам")]
    public decimal[] UnitTotals { get; set; } = [];

    /// <summary>The line sells a gift certificate (ProductId 0, no stock, no discount, no points).</summary>
    [Infrastructure.Auditing.AuditName("Подарочный сертификат")]
    public bool IsGiftCertificate { get; set; }

    /// <summary>Code of the certificate activated by this line (13 digits).</summary>
    [Infrastructure.Auditing.AuditSecret]
    [Infrastructure.Auditing.AuditName("Код сертификата")]
    public string? CertificateCode { get; set; }

    /// <summary>Why the line is discounted: one row per promotion (or the manual discount).</summary>
    public List<SaleLineDiscount> Discounts { get; set; } = [];
}

/// <summary>The explanation of a line's discount: which promotion took how much (printed on the receipt, summed in the Z-report).</summary>
[Infrastructure.Auditing.AuditName("Скидка в строке")]
public class SaleLineDiscount
{
    public long Id { get; set; }
    public long SaleLineId { get; set; }

    /// <summary>The promotion; null for the manual discount.</summary>
    public int? PromotionId { get; set; }
    public string Name { get; set; } = "";
    public DiscountKind Kind { get; set; }

    /// <summary>Units of the line covered.</summary>
    public int Units { get; set; }

    /// <summary>Units of the line that are free (1+1=3).</summary>
    public int FreeUnits { get; set; }

    /// <summary>₽ taken off the line.</summary>
    public decimal Amount { get; set; }
}

/// <summary>One payment of a sale. For cash, Amount is what stays in the drawer (tendered − change).</summary>
[Infrastructure.Auditing.AuditName("Оплата")]
public class SalePayment
{
    public long Id { get; set; }
    public long SaleId { get; set; }
    public PaymentMethod Method { get; set; }

    /// <summary>Amount applied to the receipt, ₽.</summary>
    public decimal Amount { get; set; }

    /// <summary>Cash handed over by the customer, ₽ (cash only).</summary>
    public decimal? Tendered { get; set; }

    /// <summary>Change given back, ₽ (cash only).</summary>
    public decimal? Change { get; set; }

    /// <summary>Code of the gift certificate paid with (certificate only, 13 digits).</summary>
    [Infrastructure.Auditing.AuditSecret]
    [Infrastructure.Auditing.AuditName("Код сертификата")]
    public string? CertificateCode { get; set; }

    /// <summary>The certificate paid with (certificate only).</summary>
    public long? CertificateId { get; set; }
}
