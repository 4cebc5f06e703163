using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Pos;

/// <summary>How the customer pays at the till: the three payment buttons of the POS.</summary>
public enum PaymentMode
{
    /// <summary>Наличные (F2): the money part in cash, change from the cash tendered.</summary>
    Cash = 1,

    /// <summary>Карта (F3): the money part by card.</summary>
    Card = 2,

    /// <summary>Смешанная оплата (F4): a part by card, the rest in cash.</summary>
    Mixed = 3,
}

/// <summary>A gift certificate offered as payment.</summary>
/// <param name="Code">The certificate code as typed (spaces allowed).</param>
/// <param name="Amount">₽ to take from it (≤ its balance; checked when redeemed).</param>
public sealed record CertificatePaymentInput(string Code, decimal Amount);

/// <summary>What the cashier entered in the payment dialog.</summary>
/// <param name="Mode">Which button was used (decides how the money part — what certificates and points leave — is paid).</param>
/// <param name="CardAmount">Amount charged on the card terminal, ₽ (Card: the whole money part; Mixed: the card part).</param>
/// <param name="CashTendered">Cash handed over by the customer, ₽; null means "exactly the cash part, no change".</param>
/// <param name="Certificates">Gift certificates paid with (none by default).</param>
/// <param name="Points">Loyalty points spent (1 point = 1 ₽).</param>
public sealed record PaymentInput(PaymentMode Mode, decimal? CardAmount, decimal? CashTendered,
    IReadOnlyList<CertificatePaymentInput>? Certificates = null, int Points = 0);

/// <summary>The payments to record and the change to hand back.</summary>
/// <param name="Payments">One row per method actually used (amount &gt; 0); cash Amount is net of change.</param>
/// <param name="Change">Change in cash, ₽ (only ever from cash).</param>
public sealed record PaymentPlan(IReadOnlyList<SalePayment> Payments, decimal Change)
{
    /// <summary>Cash part of the receipt (what stays in the drawer), ₽.</summary>
    public decimal Cash => Payments.Where(p => p.Method == PaymentMethod.Cash).Sum(p => p.Amount);

    /// <summary>Card part of the receipt, ₽.</summary>
    public decimal Card => Payments.Where(p => p.Method == PaymentMethod.Card).Sum(p => p.Amount);

    /// <summary>Part paid with gift certificates, ₽.</summary>
    public decimal Certificates => Payments.Where(p => p.Method == PaymentMethod.GiftCertificate).Sum(p => p.Amount);

    /// <summary>Points spent.</summary>
    public int Points => (int)Payments.Where(p => p.Method == PaymentMethod.Points).Sum(p => p.Amount);

    /// <summary>Part paid with money (cash + card), ₽: what earns points.</summary>
    public decimal Money => Cash + Card;
}

/// <summary>
/// Payment rules of a sale (DOMAIN.md "Point of sale"): the receipt may be split across gift certificates, points,
/// card and cash; paid must equal due exactly; certificates and points never exceed what is due (no change from
/// them); points at most <c>maxPoints</c> (30 % / balance, see LoyaltyRules); card never exceeds the money part;
/// cash tendered must cover the cash part; change is given only from cash. A receipt that sells a gift certificate
/// takes no certificate at all, and its points pay only for its goods (DOMAIN.md "Gift certificates": a certificate
/// cannot pay for another certificate, which would renew its 12 months; no points on the sale of a certificate).
/// Pure: no database, no clock.
/// </summary>
public static class PaymentRules
{
    /// <summary>Checks the entered payment against the amount due and splits it into payment rows.</summary>
    /// <param name="due">Amount to pay, ₽ (&gt; 0).</param>
    /// <param name="input">What the cashier entered.</param>
    /// <param name="maxPoints">Most points the customer may spend on this receipt (0 without a customer).</param>
    /// <param name="certificatesSold">Part of <paramref name="due"/> that sells gift certificates, ₽ (0 when the receipt sells none).</param>
    /// <returns>The payments (certificates, points, cash with Tendered/Change, card) and the change.</returns>
    /// <exception cref="BusinessRuleException">
    /// Underpaid, overpaid by card/certificates/points, too many points, negative amounts, an empty receipt, a
    /// certificate offered on a receipt that sells one, or points beyond its goods; the message says what to fix.
    /// </exception>
    public static PaymentPlan Plan(decimal due, PaymentInput input, int maxPoints = 0, decimal certificatesSold = 0)
    {
        due = Money.Round(due);
        if (due <= 0) throw new BusinessRuleException("Чек пуст: добавьте товар, чтобы принять оплату.");
        var card = Money.Round(input.CardAmount ?? 0);
        decimal? tendered = input.CashTendered is { } t ? Money.Round(t) : null;
        if (card < 0 || tendered < 0 || input.Points < 0) throw new BusinessRuleException("Сумма оплаты не может быть отрицательной.");

        certificatesSold = Money.Round(certificatesSold);
        if (certificatesSold > 0 && input.Certificates is { Count: > 0 })
            throw new BusinessRuleException("Сертификат нельзя оплатить другим сертификатом: в чеке продаётся подарочный сертификат. "
                + "Уберите оплату сертификатом и примите наличные или карту, либо пробейте сертификат отдельным чеком.");
        if (certificatesSold > 0 && input.Points > due - certificatesSold)
            throw new BusinessRuleException($"Баллами оплачиваются только товары ({Money.Format(due - certificatesSold)}), а не подарочный сертификат. Уменьшите количество баллов.");

        var payments = new List<SalePayment>();
        foreach (var c in input.Certificates ?? [])
        {
            var amount = Money.Round(c.Amount);
            if (amount <= 0) throw new BusinessRuleException("Сумма оплаты сертификатом должна быть больше нуля.");
            if (string.IsNullOrWhiteSpace(c.Code)) throw new BusinessRuleException("Введите код сертификата.");
            var code = new string(c.Code.Where(char.IsAsciiDigit).ToArray());
            if (payments.Any(p => p.CertificateCode == code)) throw new BusinessRuleException("Один сертификат указан дважды. Укажите его один раз на всю сумму.");
            payments.Add(new SalePayment { Method = PaymentMethod.GiftCertificate, Amount = amount, CertificateCode = code });
        }
        if (input.Points > 0)
        {
            if (input.Points > maxPoints)
                throw new BusinessRuleException(maxPoints <= 0
                    ? "Списать баллы нельзя: нет клиента, у клиента нет баллов или в чеке нечего оплачивать баллами."
                    : $"Можно списать не более {maxPoints} баллов (30 % чека, не больше баланса клиента). Уменьшите количество баллов.");
            payments.Add(new SalePayment { Method = PaymentMethod.Points, Amount = input.Points });
        }
        var nonMoney = payments.Sum(p => p.Amount);
        if (nonMoney > due)
            throw new BusinessRuleException($"Сертификатами и баллами оплачено {Money.Format(nonMoney)}, а к оплате {Money.Format(due)}. Сдача с сертификата и баллов не выдаётся — уменьшите сумму.");
        var rest = due - nonMoney;

        if (rest == 0)
        {
            if (card != 0 || tendered is > 0)
                throw new BusinessRuleException("Чек полностью оплачен сертификатом и баллами: карта и наличные не нужны.");
            return new PaymentPlan(payments, 0);
        }
        switch (input.Mode)
        {
            case PaymentMode.Cash:
                if (card != 0) throw new BusinessRuleException("При оплате наличными сумма по карте не указывается. Выберите «Смешанная оплата».");
                break;
            case PaymentMode.Card:
                if (card < rest) throw new BusinessRuleException($"Оплата картой {Money.Format(card)} меньше суммы к оплате {Money.Format(rest)}. Проведите по карте всю сумму или выберите «Смешанная оплата».");
                if (card > rest) throw new BusinessRuleException($"Оплата картой {Money.Format(card)} больше суммы к оплате {Money.Format(rest)}. По карте проводится ровно сумма чека.");
                if (tendered is > 0) throw new BusinessRuleException("При оплате картой наличные не принимаются. Выберите «Смешанная оплата».");
                break;
            case PaymentMode.Mixed:
                if (card <= 0 || card >= rest)
                    throw new BusinessRuleException($"При смешанной оплате сумма по карте должна быть больше 0 и меньше суммы к оплате {Money.Format(rest)}.");
                break;
            default:
                throw new BusinessRuleException("Выберите способ оплаты: наличные, карта или смешанная.");
        }

        var cashPart = rest - card;
        decimal change = 0;
        if (cashPart > 0)
        {
            var given = tendered ?? cashPart;
            if (given < cashPart)
                throw new BusinessRuleException($"Недостаточно наличных: к оплате наличными {Money.Format(cashPart)}, получено {Money.Format(given)}. Не хватает {Money.Format(cashPart - given)}.");
            change = given - cashPart;
            payments.Insert(0, new SalePayment { Method = PaymentMethod.Cash, Amount = cashPart, Tendered = given, Change = change });
        }
        if (card > 0) payments.Insert(cashPart > 0 ? 1 : 0, new SalePayment { Method = PaymentMethod.Card, Amount = card });
        return new PaymentPlan(payments, change);
    }
}
