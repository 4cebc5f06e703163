using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Pos;

/// <summary>The payment dialog as posted (amounts as typed: "1 990,50").</summary>
/// <param name="CertCode">Gift certificate code paid with (optional).</param>
/// <param name="CertAmount">₽ taken from the certificate.</param>
/// <param name="Points">Points spent (whole number).</param>
public sealed record CheckoutForm(Guid Key, PaymentMode Mode, string? Card, string? Tendered, string? Expected,
    string? CertCode = null, string? CertAmount = null, string? Points = null)
{
    /// <summary>The sale to write from what the cashier typed at <paramref name="registerId"/>.</summary>
    /// <exception cref="BusinessRuleException">
    /// An amount that is not a number, a certificate code without its amount, or points that are not whole
    /// (1 point = 1 ₽, so a fraction of a point does not exist).
    /// </exception>
    public CheckoutCommand ToCommand(int registerId)
    {
        var card = AmountInput.Parse(Card, "Сумма по карте");
        var tendered = AmountInput.Parse(Tendered, "Получено наличными");
        var certAmount = AmountInput.Parse(CertAmount, "Сумма с сертификата");
        if (!string.IsNullOrWhiteSpace(CertCode) && certAmount is null) throw new BusinessRuleException("Укажите, сколько списать с сертификата.");
        IReadOnlyList<CertificatePaymentInput> certs = string.IsNullOrWhiteSpace(CertCode) ? [] : [new CertificatePaymentInput(CertCode, certAmount!.Value)];
        var points = AmountInput.Parse(Points, "Баллы") ?? 0;
        if (points != decimal.Truncate(points)) throw new BusinessRuleException("Баллы списываются целыми: 1 балл = 1 ₽.");
        return new CheckoutCommand(registerId, Key, new PaymentInput(Mode, card, tendered, certs, (int)points), Money.Parse(Expected));
    }
}
