using AlAroma.Web.Features.Pos;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Tests.Pos;

/// <summary>PaymentRules with certificates and points.</summary>
public class PaymentSplitRulesTests
{
    private static readonly CertificatePaymentInput Cert = new("1234 5678 9012 8", 1000m);

    [Fact]
    public void Certificate_points_and_card_split_the_receipt_exactly()
    {
        var plan = PaymentRules.Plan(5000m, new PaymentInput(PaymentMode.Card, 3500m, null, [Cert], Points: 500), maxPoints: 1500);
        Assert.Equal((3500m, 1000m, 500, 0m, 0m), (plan.Card, plan.Certificates, plan.Points, plan.Cash, plan.Change));
        Assert.Equal(3500m, plan.Money);
        Assert.Equal("1234567890128", plan.Payments.Single(p => p.Method == PaymentMethod.GiftCertificate).CertificateCode);
    }

    [Fact]
    public void Change_is_given_only_from_cash()
    {
        var plan = PaymentRules.Plan(5000m, new PaymentInput(PaymentMode.Cash, null, 5000m, [Cert]), 0);
        Assert.Equal((4000m, 1000m), (plan.Cash, plan.Change));
        var over = Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(800m, new PaymentInput(PaymentMode.Cash, null, null, [Cert]), 0));
        Assert.Contains("Сдача с сертификата и баллов не выдаётся", over.Message);
    }

    [Fact]
    public void Points_over_the_allowed_maximum_or_without_a_customer_are_refused()
    {
        Assert.Contains("не более 300 баллов", Assert.Throws<BusinessRuleException>(() =>
            PaymentRules.Plan(1000m, new PaymentInput(PaymentMode.Cash, null, null, Points: 301), maxPoints: 300)).Message);
        Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(1000m, new PaymentInput(PaymentMode.Cash, null, null, Points: 1)));
        Assert.Equal(700m, PaymentRules.Plan(1000m, new PaymentInput(PaymentMode.Cash, null, null, Points: 300), maxPoints: 300).Cash);
    }

    [Fact]
    public void Card_must_equal_what_certificates_and_points_leave()
    {
        Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(5000m, new PaymentInput(PaymentMode.Card, 5000m, null, [Cert]), 0));
        Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(5000m, new PaymentInput(PaymentMode.Mixed, 4000m, null, [Cert]), 0));
        var mixed = PaymentRules.Plan(5000m, new PaymentInput(PaymentMode.Mixed, 1000m, 5000m, [Cert]), 0);
        Assert.Equal((1000m, 3000m, 2000m), (mixed.Card, mixed.Cash, mixed.Change));
    }

    [Fact]
    public void A_receipt_paid_fully_by_certificate_takes_no_money_and_a_code_twice_is_refused()
    {
        var plan = PaymentRules.Plan(1000m, new PaymentInput(PaymentMode.Cash, null, null, [Cert]), 0);
        Assert.Equal(PaymentMethod.GiftCertificate, Assert.Single(plan.Payments).Method);
        Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(1000m, new PaymentInput(PaymentMode.Cash, null, 100m, [Cert]), 0));
        Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(3000m, new PaymentInput(PaymentMode.Cash, null, null, [Cert, Cert]), 0));
        Assert.Throws<BusinessRuleException>(() => PaymentRules.Plan(3000m, new PaymentInput(PaymentMode.Cash, null, null, [Cert with { Amount = 0 }]), 0));
    }
}
