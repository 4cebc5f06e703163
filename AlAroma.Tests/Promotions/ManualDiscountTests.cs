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
        Assert.Contains("позовите менеджера", e.Message); // what the seller can do about it
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
        var gone = Assert.Throws<ManualDiscountRefusedException>(() => Price(Roles.Admin, [new ManualDiscount(ManualDiscountKind.Percent, 5m, "nope")]));
        Assert.Contains("Строка для скидки не найдена в чеке. Обновите чек", gone.Message); // the line left the cart meanwhile
        var certificate = Assert.Throws<ManualDiscountRefusedException>(() => Price(Roles.Admin, [new ManualDiscount(ManualDiscountKind.Percent, 5m, "g")]));
        Assert.Contains("сертификат", certificate.Message);
    }
}

/// <summary>Manual discounts at their limits: per line, stacked, rounding and the role rules.</summary>
public class ManualDiscountLimitTests
{
    // a: 2 × 1000, b: 500, a certificate of 3000 (never discounted): 2500 ₽ of goods.
    private static PricingResult Price(IReadOnlyList<string>? roles, IReadOnlyList<ManualDiscount> manual, decimal sellerLimit = 15m, params Promotion[] promotions) =>
        PricingEngine.Price(Request([Line("a", 1, 1000m, 2), Line("b", 2, 500m), Certificate("g", 3000m)], promotions) with
        {
            ManualDiscounts = manual,
            ActorRoles = roles!,
            SellerManualLimitPercent = sellerLimit,
        });

    [Fact]
    public void A_seller_cannot_give_half_off_one_line_even_when_the_receipt_stays_under_the_limit()
    {
        // 50 % of b is 250 ₽ = 10 % of the receipt, but 50 % of the line.
        var e = Assert.Throws<ManualDiscountRefusedException>(() => Price([Roles.Seller], [new ManualDiscount(ManualDiscountKind.Percent, 50m, "b")]));
        Assert.Contains("не более 15 %", e.Message);
        Assert.Throws<ManualDiscountRefusedException>(() => Price([Roles.Seller], [new ManualDiscount(ManualDiscountKind.Amount, 75.01m, "b")]));
    }

    [Fact]
    public void A_seller_may_give_exactly_the_limit_on_one_line()
    {
        var r = Price([Roles.Seller], [new ManualDiscount(ManualDiscountKind.Amount, 75m, "b")]);
        Assert.Equal(425m, r.Of("b").Total);
        var applied = Assert.Single(r.Of("b").Applied);
        Assert.Equal((null, ManualDiscountPolicy.ReceiptName, DiscountKind.Manual, 1, 75m), (applied.PromotionId, applied.Name, applied.Kind, applied.Units, applied.Amount));
    }

    [Fact]
    public void A_receipt_discount_is_taken_from_what_is_left_after_the_line_discount()
    {
        // 10 % off a (200 ₽), then 10 % of the remaining 2300 ₽ = 230 ₽.
        var r = Price([Roles.Manager], [new ManualDiscount(ManualDiscountKind.Percent, 10m), new ManualDiscount(ManualDiscountKind.Percent, 10m, "a")]);
        AssertConsistent(r);
        Assert.Equal(430m, r.DiscountTotal);
        Assert.Equal(380m, r.Of("a").Discount); // 200 + 180 (1800 of the 2300)
        Assert.Equal(50m, r.Of("b").Discount);
        var manual = r.ByPromotion.Single();
        Assert.Equal((3, 3, 430m), (manual.Units, manual.Applications, manual.Amount));
    }

    [Fact]
    public void A_manual_discount_comes_off_what_promotions_left()
    {
        var r = Price([Roles.Seller], [new ManualDiscount(ManualDiscountKind.Percent, 15m)], 15m, Percent(1, 50m, ProductGroup.OfProducts(1)));
        AssertConsistent(r);
        Assert.Equal(1000m + 225m, r.DiscountTotal); // promotion 1000, then 15 % of 1500
        Assert.Throws<ManualDiscountRefusedException>(() =>
            Price([Roles.Seller], [new ManualDiscount(ManualDiscountKind.Amount, 225.01m)], 15m, Percent(1, 50m, ProductGroup.OfProducts(1))));
    }

    [Fact]
    public void The_whole_amount_left_may_be_given_by_a_manager_but_not_a_kopeck_more()
    {
        Assert.Equal(3000m, Price([Roles.Manager], [new ManualDiscount(ManualDiscountKind.Amount, 2500m)]).Total);
        Assert.Equal(0m, Price([Roles.Manager], [new ManualDiscount(ManualDiscountKind.Amount, 500m, "b")]).Of("b").Total);
        var e = Assert.Throws<ManualDiscountRefusedException>(() => Price([Roles.Manager], [new ManualDiscount(ManualDiscountKind.Amount, 500.01m, "b")]));
        Assert.Contains("больше суммы к оплате", e.Message);
    }

    [Theory]
    [InlineData(ManualDiscountKind.Percent, "0", "в процентах")]
    [InlineData(ManualDiscountKind.Percent, "-5", "в процентах")]
    [InlineData(ManualDiscountKind.Amount, "-5", "в рублях")]
    [InlineData(ManualDiscountKind.Amount, "10.005", "в рублях")]
    public void Malformed_values_are_refused_with_what_to_type(ManualDiscountKind kind, string value, string reason)
    {
        var e = Assert.Throws<ManualDiscountRefusedException>(() =>
            Price([Roles.Admin], [new ManualDiscount(kind, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture))]));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void One_hundred_percent_off_one_line_is_allowed_for_an_admin() =>
        Assert.Equal(0m, Price([Roles.Admin], [new ManualDiscount(ManualDiscountKind.Percent, 100m, "a")]).Of("a").Total);

    [Fact]
    public void The_seller_limit_is_kept_within_0_and_100_percent()
    {
        Assert.Equal(100m, ManualDiscountPolicy.LimitPercent([Roles.Seller], 150m));
        Assert.Equal(0m, ManualDiscountPolicy.LimitPercent([Roles.Seller], -5m));
        Assert.Equal(15m, ManualDiscountPolicy.LimitPercent([Roles.Seller]));
    }

    [Fact]
    public void Roles_are_matched_regardless_of_case_and_no_roles_means_no_discount()
    {
        Assert.Null(ManualDiscountPolicy.LimitPercent([Roles.Admin.ToLowerInvariant()]));
        Assert.Equal(15m, ManualDiscountPolicy.LimitPercent([Roles.Seller.ToUpperInvariant()]));
        Assert.Equal(0m, ManualDiscountPolicy.LimitPercent(null));
        Assert.Contains("недоступна", Assert.Throws<ManualDiscountRefusedException>(() =>
            Price(null, [new ManualDiscount(ManualDiscountKind.Amount, 1m)])).Message);
    }

    [Fact]
    public void The_allowed_amount_is_rounded_to_the_kopeck()
    {
        // 15 % of 333.33 = 49.9995 → 50.00 allowed.
        ManualDiscountPolicy.EnsureAllowed([Roles.Seller], 15m, 50m, 333.33m);
        Assert.Throws<ManualDiscountRefusedException>(() => ManualDiscountPolicy.EnsureAllowed([Roles.Seller], 15m, 50.01m, 333.33m));
        ManualDiscountPolicy.EnsureAllowed([Roles.Manager], 15m, 1_000m, 10m);
    }
}
