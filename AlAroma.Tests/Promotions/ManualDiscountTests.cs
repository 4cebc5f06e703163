using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Promotions.Engine;
using static AlAroma.Tests.Promotions.Kit;

namespace AlAroma.Tests.Promotions;

public class ManualDiscountTests
{
    private static PricingResult Price(string role, IReadOnlyList<ManualDiscount> manual, decimal sellerLimit = 15m, params Promotion[] promotions) =>
        PricingEngine.Price(Request([Line("a", 1, 1000m, 2), Line("b", 2, 500m), Certificate("g", 3000m)], promotions) with
        {
            ManualDiscounts = manual,
            ActorRoles = [role],
            SellerManualLimitPercent = sellerLimit,
        });

    [Fact]
    public void Seller_may_give_up_to_the_limit_on_the_receipt_certificates_excluded()
    {
        var r = Price(Roles.Seller, [new ManualDiscount(ManualDiscountKind.Percent, 15m)]);
        AssertConsistent(r);
        Assert.Equal(375m, r.DiscountTotal); // 15 % of 2500, the certificate untouched
        Assert.Equal(300m, r.Of("a").Discount);
        Assert.Equal(75m, r.Of("b").Discount);
        Assert.Equal(0m, r.Of("g").Discount);
        var manual = r.ByPromotion.Single();
        Assert.Equal((null, DiscountKind.Manual, 375m), (manual.PromotionId, manual.Kind, manual.Amount));
    }

    [Fact]
    public void Seller_over_the_limit_is_refused_with_a_russian_message()
    {
        var e = Assert.Throws<ManualDiscountRefusedException>(() => Price(Roles.Seller, [new ManualDiscount(ManualDiscountKind.Percent, 16m)]));
        Assert.Contains("не более 15 %", e.Message);
        Assert.Throws<ManualDiscountRefusedException>(() => Price(Roles.Seller, [new ManualDiscount(ManualDiscountKind.Amount, 375.01m)]));
        Assert.Equal(375m, Price(Roles.Seller, [new ManualDiscount(ManualDiscountKind.Amount, 375m)]).DiscountTotal);
    }

    [Fact]
    public void Seller_limit_is_configurable()
    {
        Assert.Equal(450m, Price(Roles.Seller, [new ManualDiscount(ManualDiscountKind.Percent, 18m)], sellerLimit: 20m).DiscountTotal);
        Assert.Throws<ManualDiscountRefusedException>(() => Price(Roles.Seller, [new ManualDiscount(ManualDiscountKind.Percent, 5m)], sellerLimit: 0m));
    }

    [Fact]
    public void Seller_cannot_stack_line_and_receipt_discounts_past_the_limit() =>
        Assert.Throws<ManualDiscountRefusedException>(() => Price(Roles.Seller,
            [new ManualDiscount(ManualDiscountKind.Percent, 15m), new ManualDiscount(ManualDiscountKind.Percent, 15m, "a")]));

    [Fact]
    public void Cashier_gets_no_manual_discount()
    {
        var e = Assert.Throws<ManualDiscountRefusedException>(() => Price(Roles.Cashier, [new ManualDiscount(ManualDiscountKind.Amount, 1m)]));
        Assert.Contains("недоступна", e.Message);
        // Without a manual discount the cashier prices normally.
        Assert.Equal(0m, Price(Roles.Cashier, []).DiscountTotal);
    }

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Admin)]
    public void Manager_and_admin_may_give_any(string role)
    {
        var r = Price(role, [new ManualDiscount(ManualDiscountKind.Percent, 100m)]);
        AssertConsistent(r);
        Assert.Equal(3000m, r.Total); // only the certificate is left to pay
    }

    [Fact]
    public void Most_permissive_role_wins() =>
        Assert.Null(ManualDiscountPolicy.LimitPercent([Roles.Cashier, Roles.Manager]));

    [Fact]
    public void Line_discount_touches_only_its_line_and_comes_after_promotions()
    {
        var r = Price(Roles.Seller, [new ManualDiscount(ManualDiscountKind.Percent, 10m, "a")], 15m, Percent(1, 20m, ProductGroup.OfProducts(1)));
        AssertConsistent(r);
        Assert.Equal(1440m, r.Of("a").Total); // 2000 − 400 (20 %) − 160 (10 % of 1600)
        Assert.Equal([720m, 720m], r.Of("a").UnitTotals);
        Assert.Equal([DiscountKind.Percent, DiscountKind.Manual], r.Of("a").Applied.Select(a => a.Kind));
        Assert.Equal(0m, r.Of("b").Discount);
    }

    [Fact]
    public void Amount_discount_is_spread_exactly_over_the_receipt()
    {
        var r = Price(Roles.Manager, [new ManualDiscount(ManualDiscountKind.Amount, 100m)]);
        AssertConsistent(r);
        Assert.Equal(100m, r.DiscountTotal);
        Assert.Equal(80m, r.Of("a").Discount);
        Assert.Equal(20m, r.Of("b").Discount);
    }

    [Fact]
    public void Impossible_manual_discounts_are_refused()
    {
        Assert.Throws<ManualDiscountRefusedException>(() => Price(Roles.Admin, [new ManualDiscount(ManualDiscountKind.Amount, 2500.01m)]));
        Assert.Throws<ManualDiscountRefusedException>(() => Price(Roles.Admin, [new ManualDiscount(ManualDiscountKind.Percent, 101m)]));
        Assert.Throws<ManualDiscountRefusedException>(() => Price(Roles.Admin, [new ManualDiscount(ManualDiscountKind.Amount, 0m)]));
        Assert.Throws<ManualDiscountRefusedException>(() => Price(Roles.Admin, [new ManualDiscount(ManualDiscountKind.Percent, 5m, "nope")]));
        var certificate = Assert.Throws<ManualDiscountRefusedException>(() => Price(Roles.Admin, [new ManualDiscount(ManualDiscountKind.Percent, 5m, "g")]));
        Assert.Contains("сертификат", certificate.Message);
    }
}
