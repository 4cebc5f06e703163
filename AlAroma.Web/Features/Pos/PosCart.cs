using AlAroma.Web.Infrastructure.Auditing;

namespace AlAroma.Web.Features.Pos;

/// <summary>
/// The open receipt of a register, kept on the server so that a reload or a crashed browser loses nothing.
/// One cart per register (unique); it is emptied when the sale is written. Not audited: the sale is.
/// </summary>
[NotAudited]
public class PosCart
{
    public long Id { get; set; }
    public int RegisterId { get; set; }

    /// <summary>Bumped by every change; the till keeps one idempotency key per version of the cart.</summary>
    public int Version { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>The loyalty customer attached at the till (null = anonymous sale).</summary>
    public long? CustomerId { get; set; }

    /// <summary>Manual receipt discount (F6); null = none.</summary>
    public CartManualDiscount? ManualDiscount { get; set; }

    /// <summary>
    /// The customer's one-time discount gift applied to this receipt («Применить» on the till's customer panel); marked
    /// used when the sale is written. Cleared with the customer.
    /// </summary>
    public long? GiftId { get; set; }

    public List<PosCartLine> Lines { get; set; } = [];

    /// <summary>Gift certificates being sold on this receipt.</summary>
    public List<PosCartCertificate> Certificates { get; set; } = [];

    /// <summary>Everything off the cart (after a sale, or "Очистить чек"): goods, certificates, customer, manual discount and gift.</summary>
    public void Empty()
    {
        Lines.Clear();
        Certificates.Clear();
        ManualDiscount = null;
        SetCustomer(null);
    }

    /// <summary>Puts a customer on the receipt (null = anonymous); a gift of the previous customer leaves with them.</summary>
    public void SetCustomer(long? customerId)
    {
        if (customerId != CustomerId) GiftId = null;
        CustomerId = customerId;
    }
}

/// <summary>Gift certificates of one nominal being sold in a cart (one line per nominal).</summary>
[NotAudited]
public class PosCartCertificate
{
    public long Id { get; set; }
    public long CartId { get; set; }

    /// <summary>Face value, ₽ (one of Pos:CertificateNominals).</summary>
    public decimal Nominal { get; set; }

    /// <summary>Certificates, ≥ 1.</summary>
    public int Quantity { get; set; }
}

/// <summary>A product and how many units of it are in a cart (one line per product).</summary>
[NotAudited]
public class PosCartLine
{
    public long Id { get; set; }
    public long CartId { get; set; }
    public int ProductId { get; set; }

    /// <summary>Units, ≥ 1.</summary>
    public int Quantity { get; set; }
}
