using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Promotions.Engine;
using static AlAroma.Tests.Promotions.Kit;

namespace AlAroma.Tests.Promotions;

/// <summary>
/// A customer's one-time discount gift in the engine: a percentage of what is left after promotions and the manual
/// discount, certificates excluded, no role limit (the gift was the approval), explained on the lines and the receipt.
/// </summary>
public class GiftDiscountTests
{
    private static readonly GiftDiscount TenPercent = new("Подарок «Скидка 10 %»", 10m);

    private static PricingRequest Receipt(params Promotion[] promotions) =>
        Request([Line("a", 1, 1000m, 2), Line("b", 2, 500m), Certificate("g", 3000m)], promotions) with { ActorRoles = [Roles.Cashier] };

    [Fact]
    public void A_gift_takes_its_percent_of_the_goods_and_leaves_the_certificate_alone()
    {
        var r = PricingEngine.Price(Receipt() with { Gift = TenPercent });
        AssertConsistent(r);
        Assert.Equal(250m, r.DiscountTotal); // 10 % of 2 500, the 3 000 certificate untouched, a cashier may use it
        Assert.Equal((200m, 50m, 0m), (r.Of("a").Discount, r.Of("b").Discount, r.Of("g").Discount));
        Assert.Equal([900m, 900m], r.Of("a").UnitTotals);
        var applied = r.Of("a").Applied.Single();
        Assert.Equal((null, "Подарок «Скидка 10 %»", DiscountKind.Gift, 2, 200m), (applied.PromotionId, applied.Name, applied.Kind, applied.Units, applied.Amount));
        var total = r.ByPromotion.Single();
        Assert.Equal((DiscountKind.Gift, 3, 1, 250m), (total.Kind, total.Units, total.Applications, total.Amount));
    }

    [Fact]
    public void A_gift_comes_after_the_promotions_and_the_manual_discount()
    {
        var request = Receipt(Percent(1, 20m, ProductGroup.OfBrands("Dior"))) with
        {
            ManualDiscounts = [new ManualDiscount(ManualDiscountKind.Amount, 100m)],
            ActorRoles = [Roles.Manager],
            Gift = TenPercent,
        };
        var r = PricingEngine.Price(request);
        AssertConsistent(r);
        // 2 500 − 20 % = 2 000, − 100 ₽ manual = 1 900, − 10 % gift = 190.
        Assert.Equal(500m + 100m + 190m, r.DiscountTotal);
        Assert.Equal(190m, r.ByPromotion.Single(p => p.Kind == DiscountKind.Gift).Amount);
        Assert.Equal(DiscountKind.Gift, r.ByPromotion[^1].Kind);
    }

    [Fact]
    public void A_receipt_of_only_certificates_gets_nothing_from_a_gift()
    {
        var r = PricingEngine.Price(Request([Certificate("g", 3000m)]) with { Gift = TenPercent });
        Assert.Equal(0m, r.DiscountTotal);
        Assert.Empty(r.ByPromotion);
        Assert.Empty(r.Of("g").Applied);
    }

    [Fact]
    public void A_full_gift_makes_the_goods_free_and_rounding_keeps_every_kopeck()
    {
        var free = PricingEngine.Price(Receipt() with { Gift = TenPercent with { Percent = 100m } });
        Assert.Equal(3000m, free.Total); // only the certificate is paid
        var odd = PricingEngine.Price(Request([Line("a", 1, 333.33m, 3)]) with { Gift = TenPercent with { Percent = 7m } });
        AssertConsistent(odd);
        Assert.Equal(70m, odd.DiscountTotal); // 7 % of 999,99 = 69,9993 → 70,00 once for the receipt
        Assert.Equal([310m, 310m, 309.99m], odd.Of("a").UnitTotals);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.01)]
    public void A_gift_percent_out_of_range_is_a_programming_error(decimal percent) =>
        Assert.Throws<ArgumentException>(() => PricingEngine.Price(Receipt() with { Gift = TenPercent with { Percent = percent } }));
}
