using AlAroma.Web.Features.Pos;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Tests.Pos;

public class PaymentRulesTests
{
    [Fact]
    public void Cash_with_change_records_the_cash_part_and_the_change()
    {
        var plan = PaymentRules.Plan(1990m, new PaymentInput(PaymentMode.Cash, null, 5000m));
        var cash = Assert.Single(plan.Payments);
        Assert.Equal(PaymentMethod.Cash, cash.Method);
        Assert.Equal(1990m, cash.Amount);
        Assert.Equal(5000m, cash.Tendered);
        Assert.Equal(3010m, cash.Change);
        Assert.Equal(3010m, plan.Change);
    }

    [Fact]
    public void Cash_without_tendered_is_exact_with_no_change()
    {
        var plan = PaymentRules.Plan(1990.50m, new PaymentInput(PaymentMode.Cash, null, null));
        Assert.Equal(1990.50m, Assert.Single(plan.Payments).Tendered);
        Assert.Equal(0m, plan.Change);
    }

    [Fact]
    public void Card_exact_is_one_card_payment_without_change()
    {
        var plan = PaymentRules.Plan(3450m, new PaymentInput(PaymentMode.Card, 3450m, null));
        var card = Assert.Single(plan.Payments);
        Assert.Equal(PaymentMethod.Card, card.Method);
        Assert.Equal(3450m, card.Amount);
        Assert.Null(card.Tendered);
        Assert.Equal(0m, plan.Change);
    }

    [Fact]
    public void Mixed_splits_card_and_cash_and_gives_change_only_from_cash()
    {
        var plan = PaymentRules.Plan(5000m, new PaymentInput(PaymentMode.Mixed, 3000m, 2500m));
        Assert.Equal(3000m, plan.Card);
        Assert.Equal(2000m, plan.Cash);
        Assert.Equal(500m, plan.Change);
        Assert.Equal(5000m, plan.Payments.Sum(p => p.Amount));
    }

    [Theory]
    [InlineData(PaymentMode.Cash, null, "1000")]      // cash short
    [InlineData(PaymentMode.Card, "1989.99", null)]    // card short
    [InlineData(PaymentMode.Mixed, "1000", "500")]    // cash part 990, only 500 given
    public void Underpaid_is_refused(PaymentMode mode, string? card, string? tendered)
    {
        var e = Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(1990m, new PaymentInput(mode, Money.Parse(card), Money.Parse(tendered))));
        Assert.Matches("Недостаточно|меньше", e.Message);
    }

    [Theory]
    [InlineData(PaymentMode.Card, "2000")]
    [InlineData(PaymentMode.Mixed, "1990")]
    [InlineData(PaymentMode.Mixed, "2500")]
    public void Card_over_the_amount_due_is_refused(PaymentMode mode, string card) =>
        Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(1990m, new PaymentInput(mode, Money.Parse(card), null)));

    [Fact]
    public void Negative_amounts_and_empty_receipts_are_refused()
    {
        Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(100m, new PaymentInput(PaymentMode.Cash, null, -5m)));
        Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(0m, new PaymentInput(PaymentMode.Cash, null, null)));
        Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(100m, new PaymentInput(PaymentMode.Card, 100m, 50m)));
    }

    [Theory]
    [InlineData(1000, 1000)] // the whole receipt is the certificate
    [InlineData(4000, 500)] // goods and a certificate, the certificate offered only for a part
    public void A_receipt_that_sells_a_certificate_cannot_be_paid_even_partly_with_a_certificate(int due, int fromCertificate)
    {
        var e = Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(due, new PaymentInput(PaymentMode.Card, due - fromCertificate, null,
            [new CertificatePaymentInput("4600000000017", fromCertificate)]), certificatesSold: 1000m));
        Assert.StartsWith("Сертификат нельзя оплатить другим сертификатом: ", e.Message);
        Assert.Contains("наличные или карту", e.Message);
    }

    [Fact]
    public void A_receipt_of_goods_only_may_still_be_paid_with_a_certificate()
    {
        var plan = PaymentRules.Plan(3000m, new PaymentInput(PaymentMode.Card, 1000m, null, [new CertificatePaymentInput("4600000000017", 2000m)]));
        Assert.Equal((2000m, 1000m), (plan.Certificates, plan.Card));
    }

    [Fact]
    public void Points_pay_only_for_the_goods_of_a_receipt_that_sells_a_certificate()
    {
        var e = Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(4000m, new PaymentInput(PaymentMode.Card, 2999m, null, Points: 1001), maxPoints: 5000, certificatesSold: 3000m));
        Assert.Contains("только товары", e.Message);
        var plan = PaymentRules.Plan(4000m, new PaymentInput(PaymentMode.Card, 3000m, null, Points: 1000), maxPoints: 5000, certificatesSold: 3000m);
        Assert.Equal((1000, 3000m), (plan.Points, plan.Card));
    }

    [Fact]
    public void Shift_figures_net_cash_of_change_and_average_the_receipts()
    {
        var f = ShiftReport.Compute(1000m,
            [new(1990m, 0m), new(3000m, 0m), new(500m, 0m)],
            [new(PaymentMethod.Cash, 1990m, 2000m, 10m), new(PaymentMethod.Card, 3000m, null, null),
             new(PaymentMethod.Card, 200m, null, null), new(PaymentMethod.Cash, 300m, 500m, 200m)]);
        Assert.Equal(3, f.Receipts);
        Assert.Equal(5490m, f.Revenue);
        Assert.Equal(2290m, f.Of(PaymentMethod.Cash));
        Assert.Equal(3200m, f.Of(PaymentMethod.Card));
        Assert.Equal(3290m, f.ExpectedCash);
        Assert.Equal(2500m, f.CashTendered);
        Assert.Equal(210m, f.ChangeGiven);
        Assert.Equal(1830m, f.AverageReceipt);
    }
}

/// <summary>Edges of the payment dialog a cashier hits: zero fields, exact limits, the order of rows on the receipt.</summary>
public class PaymentRulesEdgeTests
{
    private static readonly CertificatePaymentInput Cert = new("1234 5678 9012 8", 1000m);

    [Fact]
    public void A_mixed_payment_with_nothing_on_the_card_is_refused()
    {
        var e = Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(1990m, new PaymentInput(PaymentMode.Mixed, 0m, 2000m)));
        Assert.Contains("больше 0", e.Message);
    }

    [Fact]
    public void A_mixed_receipt_lists_cash_then_card_then_the_certificate()
    {
        var plan = PaymentRules.Plan(5000m, new PaymentInput(PaymentMode.Mixed, 1000m, 3000m, [Cert]));
        Assert.Equal([PaymentMethod.Cash, PaymentMethod.Card, PaymentMethod.GiftCertificate], plan.Payments.Select(p => p.Method));
        Assert.Equal((3000m, 1000m, 1000m, 0m), (plan.Cash, plan.Card, plan.Certificates, plan.Change));
    }

    [Fact]
    public void A_card_payment_with_an_empty_cash_field_of_zero_is_accepted()
    {
        var plan = PaymentRules.Plan(1990m, new PaymentInput(PaymentMode.Card, 1990m, 0m));
        Assert.Equal(PaymentMethod.Card, Assert.Single(plan.Payments).Method);
    }

    [Fact]
    public void A_card_payment_with_cash_handed_over_is_refused() =>
        Assert.Contains("наличные не принимаются",
            Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(1990m, new PaymentInput(PaymentMode.Card, 1990m, 100m))).Message);

    [Fact]
    public void Cash_mode_with_a_card_amount_is_refused() =>
        Assert.Contains("Смешанная",
            Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(1990m, new PaymentInput(PaymentMode.Cash, 10m, 2000m))).Message);

    [Fact]
    public void Exactly_the_cash_part_tendered_gives_no_change()
    {
        var plan = PaymentRules.Plan(1990m, new PaymentInput(PaymentMode.Cash, null, 1990m));
        Assert.Equal((1990m, 0m), (plan.Cash, plan.Change));
    }

    [Fact]
    public void The_allowed_maximum_of_points_may_be_spent()
    {
        var plan = PaymentRules.Plan(1000m, new PaymentInput(PaymentMode.Cash, null, null, Points: 300), maxPoints: 300);
        Assert.Equal((300, 700m), (plan.Points, plan.Cash));
        Assert.Equal(700m, plan.Money);
    }

    [Fact]
    public void Points_over_a_positive_maximum_name_that_maximum()
    {
        var e = Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(1000m, new PaymentInput(PaymentMode.Cash, null, null, Points: 301), maxPoints: 300));
        Assert.Contains("не более 300 баллов", e.Message);
        var none = Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(1000m, new PaymentInput(PaymentMode.Cash, null, null, Points: 1)));
        Assert.Contains("нет клиента", none.Message);
    }

    [Fact]
    public void Points_for_exactly_the_goods_of_a_receipt_with_a_certificate_are_accepted()
    {
        var plan = PaymentRules.Plan(1500m, new PaymentInput(PaymentMode.Cash, null, null, Points: 500), maxPoints: 500, certificatesSold: 1000m);
        Assert.Equal((500, 1000m), (plan.Points, plan.Cash));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-100")]
    public void A_certificate_part_of_zero_or_less_is_refused(string amount) =>
        Assert.Contains("больше нуля", Assert.Throws<BusinessRuleException>(() =>
            PaymentRules.Plan(1990m, new PaymentInput(PaymentMode.Cash, null, null, [new CertificatePaymentInput("1234567890128", Money.Parse(amount)!.Value)]))).Message);

    [Fact]
    public void A_certificate_without_a_code_is_refused() =>
        Assert.Contains("код сертификата", Assert.Throws<BusinessRuleException>(() =>
            PaymentRules.Plan(1990m, new PaymentInput(PaymentMode.Cash, null, null, [new CertificatePaymentInput("  ", 100m)]))).Message);

    [Fact]
    public void The_same_certificate_typed_with_and_without_spaces_is_refused_as_a_duplicate() =>
        Assert.Contains("дважды", Assert.Throws<BusinessRuleException>(() =>
            PaymentRules.Plan(5000m, new PaymentInput(PaymentMode.Cash, null, null, [Cert, new CertificatePaymentInput("1234567890128", 500m)]))).Message);

    [Fact]
    public void Negative_card_or_points_are_refused()
    {
        Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(100m, new PaymentInput(PaymentMode.Mixed, -5m, 200m)));
        Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(100m, new PaymentInput(PaymentMode.Cash, null, null, Points: -5), maxPoints: 30));
    }

    [Fact]
    public void Exactly_covered_by_a_certificate_with_zero_in_the_money_fields_is_accepted()
    {
        var plan = PaymentRules.Plan(1000m, new PaymentInput(PaymentMode.Cash, 0m, 0m, [Cert]));
        Assert.Equal(PaymentMethod.GiftCertificate, Assert.Single(plan.Payments).Method);
        Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(1000m, new PaymentInput(PaymentMode.Cash, null, 50m, [Cert])));
    }

    [Fact]
    public void An_unknown_payment_mode_is_refused() =>
        Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(100m, new PaymentInput((PaymentMode)9, null, null)));
    [Fact]
    public void Two_certificates_add_up_and_a_certificate_sale_with_none_offered_is_fine()
    {
        var plan = PaymentRules.Plan(5000m, new PaymentInput(PaymentMode.Cash, null, null, [Cert, new CertificatePaymentInput("5000000000005", 1500m)]));
        Assert.Equal((2500m, 2500m), (plan.Certificates, plan.Cash));
        var sale = PaymentRules.Plan(5000m, new PaymentInput(PaymentMode.Card, 5000m, null, []), certificatesSold: 5000m);
        Assert.Equal(5000m, sale.Card);
    }

    [Fact]
    public void Refusals_name_the_amounts_to_fix()
    {
        var card = Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(100m, new PaymentInput(PaymentMode.Cash, -5m, 200m)));
        Assert.Contains("не может быть отрицательной", card.Message);
        var points = Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(1000m, new PaymentInput(PaymentMode.Cash, null, null, Points: 1500), maxPoints: 2000));
        Assert.Contains("Сдача с сертификата и баллов не выдаётся", points.Message);
        var goods = Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(1500m, new PaymentInput(PaymentMode.Cash, null, null, Points: 600), maxPoints: 600, certificatesSold: 1000m));
        Assert.Contains(Money.Format(500m), goods.Message);
        var cash = Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(1990m, new PaymentInput(PaymentMode.Cash, null, 1000m)));
        Assert.Contains("Не хватает " + Money.Format(990m), cash.Message);
    }
}
