using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Pos;

/// <summary>How the customer pays at the till: the three payment buttons of the POS.</summary>
public enum PaymentMode
{
    /// <summary>Наличные (F2): all in cash, change from the cash tendered.</summary>
    Cash = 1,

    /// <summary>Карта (F3): the whole amount by card.</summary>
    Card = 2,

    /// <summary>Смешанная оплата (F4): a part by card, the rest in cash.</summary>
    Mixed = 3,
}

/// <summary>What the cashier entered in the payment dialog.</summary>
/// <param name="Mode">Which button was used.</param>
/// <param name="CardAmount">Amount charged on the card terminal, ₽ (Card: the whole amount due; Mixed: the card part).</param>
/// <param name="CashTendered">Cash handed over by the customer, ₽; null means "exactly the cash part, no change".</param>
public sealed record PaymentInput(PaymentMode Mode, decimal? CardAmount, decimal? CashTendered);

/// <summary>The payments to record and the change to hand back.</summary>
/// <param name="Payments">One row per method actually used (amount &gt; 0); cash Amount is net of change.</param>
/// <param name="Change">Change in cash, ₽ (only ever from cash).</param>
public sealed record PaymentPlan(IReadOnlyList<SalePayment> Payments, decimal Change)
{
    /// <summary>Cash part of the receipt (what stays in the drawer), ₽.</summary>
    public decimal Cash => Payments.Where(p => p.Method == PaymentMethod.Cash).Sum(p => p.Amount);

    /// <summary>Card part of the receipt, ₽.</summary>
    public decimal Card => Payments.Where(p => p.Method == PaymentMethod.Card).Sum(p => p.Amount);
}

/// <summary>
/// Payment rules of a sale (DOMAIN.md "Point of sale"): paid must equal due exactly; card never exceeds what is due;
/// cash tendered must cover the cash part; change is given only from cash. Pure: no database, no clock.
/// </summary>
public static class PaymentRules
{
    /// <summary>Checks the entered payment against the amount due and splits it into payment rows.</summary>
    /// <param name="due">Amount to pay, ₽ (&gt; 0).</param>
    /// <param name="input">What the cashier entered.</param>
    /// <returns>The payments (cash Amount = cash part, Tendered, Change; card Amount) and the change.</returns>
    /// <exception cref="BusinessRuleException">Underpaid, card over the amount due, negative amounts, or an empty receipt; the message says what to fix.</exception>
    public static PaymentPlan Plan(decimal due, PaymentInput input)
    {
        due = Money.Round(due);
        if (due <= 0) throw new BusinessRuleException("Чек пуст: добавьте товар, чтобы принять оплату.");
        var card = Money.Round(input.CardAmount ?? 0);
        decimal? tendered = input.CashTendered is { } t ? Money.Round(t) : null;
        if (card < 0 || tendered < 0) throw new BusinessRuleException("Сумма оплаты не может быть отрицательной.");

        switch (input.Mode)
        {
            case PaymentMode.Cash:
                if (card != 0) throw new BusinessRuleException("При оплате наличными сумма по карте не указывается. Выберите «Смешанная оплата».");
                break;
            case PaymentMode.Card:
                if (card < due) throw new BusinessRuleException($"Оплата картой {Money.Format(card)} меньше суммы к оплате {Money.Format(due)}. Проведите по карте всю сумму или выберите «Смешанная оплата».");
                if (card > due) throw new BusinessRuleException($"Оплата картой {Money.Format(card)} больше суммы к оплате {Money.Format(due)}. По карте проводится ровно сумма чека.");
                if (tendered is > 0) throw new BusinessRuleException("При оплате картой наличные не принимаются. Выберите «Смешанная оплата».");
                break;
            case PaymentMode.Mixed:
                if (card <= 0 || card >= due)
                    throw new BusinessRuleException($"При смешанной оплате сумма по карте должна быть больше 0 и меньше суммы к оплате {Money.Format(due)}.");
                break;
            default:
                throw new BusinessRuleException("Выберите способ оплаты: наличные, карта или смешанная.");
        }

        var cashPart = due - card;
        var payments = new List<SalePayment>();
        decimal change = 0;
        if (cashPart > 0)
        {
            var given = tendered ?? cashPart;
            if (given < cashPart)
                throw new BusinessRuleException($"Недостаточно наличных: к оплате наличными {Money.Format(cashPart)}, получено {Money.Format(given)}. Не хватает {Money.Format(cashPart - given)}.");
            change = given - cashPart;
            payments.Add(new SalePayment { Method = PaymentMethod.Cash, Amount = cashPart, Tendered = given, Change = change });
        }
        if (card > 0) payments.Add(new SalePayment { Method = PaymentMethod.Card, Amount = card });
        return new PaymentPlan(payments, change);
    }
}
