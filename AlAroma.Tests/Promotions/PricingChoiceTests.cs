using AlAroma.Web.Features.Promotions.Engine;
using static AlAroma.Tests.Promotions.Kit;

namespace AlAroma.Tests.Promotions;

/// <summary>
/// How the engine chooses between promotions where a careless change would still give a plausible receipt: which
/// unit of a 1+1=3 is free, which promotion wins a tie, and the bounded fallback of big carts.
/// </summary>
public class PricingChoiceTests
{
    [Fact]
    public void A_unit_that_a_combo_could_also_take_still_counts_in_one_plus_one_and_the_cheapest_is_free()
    {
        // The 100 ₽ unit fits a 1+1=3 and a combo that cannot be completed (no product 9 in the cart): it stays in
        // the group of four, so the cheapest unit (100 ₽) is free, not a 1000 ₽ one.
        var combo = new ComboPromotion(2, "Комбо", [new ComboSlot(ProductGroup.OfProducts(2), 50m), new ComboSlot(ProductGroup.OfProducts(9), 10m)]);
        var r = Price([Line("a", 1, 1000m, 3), Line("b", 2, 100m)], ThreeForTwo(1, ProductGroup.All), combo);
        AssertConsistent(r);
        Assert.Equal(100m, r.DiscountTotal);
        Assert.Equal(1, r.Of("b").Applied.Single().FreeUnits);
        Assert.Equal(0, r.Of("a").Applied.Single().FreeUnits);
    }

    [Fact]
    public void Of_two_equal_one_plus_one_promotions_the_higher_priority_then_the_lower_id_applies()
    {
        var lines = new[] { Line("a", 1, 700m, 3) };
        Assert.Equal(4, Price(lines, ThreeForTwo(9, ProductGroup.All), ThreeForTwo(4, ProductGroup.All)).ByPromotion.Single().PromotionId);
        Assert.Equal(9, Price(lines, ThreeForTwo(9, ProductGroup.All) with { Priority = 1 }, ThreeForTwo(4, ProductGroup.All)).ByPromotion.Single().PromotionId);
    }

    [Fact]
    public void A_tie_between_one_plus_one_and_a_fixed_discount_goes_to_the_higher_priority()
    {
        // 3 × 300 ₽: 1+1=3 frees 300 ₽, 100 ₽ off each unit is also 300 ₽.
        var lines = new[] { Line("a", 1, 300m, 3) };
        var fixedFirst = Price(lines, ThreeForTwo(1, ProductGroup.All), Fixed(2, 100m, ProductGroup.All) with { Priority = 1 });
        Assert.Equal((2, 300m), (fixedFirst.ByPromotion.Single().PromotionId, fixedFirst.DiscountTotal));
        Assert.Equal([200m, 200m, 200m], fixedFirst.Of("a").UnitTotals);
        var groupFirst = Price(lines, ThreeForTwo(1, ProductGroup.All) with { Priority = 1 }, Fixed(2, 100m, ProductGroup.All));
        Assert.Equal((1, 300m), (groupFirst.ByPromotion.Single().PromotionId, groupFirst.DiscountTotal));
        Assert.Equal(1, groupFirst.Of("a").Applied.Single().FreeUnits);
    }

    [Fact]
    public void A_tie_between_two_combos_goes_to_the_higher_priority()
    {
        var lines = new[] { Line("d", 1, 2000m, brand: "Dior"), Line("c", 2, 1000m, brand: "Chanel") };
        ComboPromotion Pair(int id) => new(id, $"Комбо {id}", [new ComboSlot(ProductGroup.OfBrands("Dior"), 1500m), new ComboSlot(ProductGroup.OfBrands("Chanel"), 500m)]);
        Assert.Equal(3, Price(lines, Pair(3), Pair(8)).ByPromotion.Single().PromotionId);
        Assert.Equal(8, Price(lines, Pair(3), Pair(8) with { Priority = 2 }).ByPromotion.Single().PromotionId);
    }
}
