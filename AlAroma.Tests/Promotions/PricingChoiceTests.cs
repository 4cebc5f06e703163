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

    [Fact]
    public void Two_products_at_one_price_are_not_taken_for_each_other()
    {
        // Product 1 has its own 1+1=3 (first in promotion order) that it cannot fill alone; the brand's 1+1=3 takes it
        // with product 2 at the same price and a cheaper unit, which is then free.
        var r = Price([Line("x", 1, 1000m), Line("y", 2, 1000m), Line("w", 3, 500m)],
            ThreeForTwo(1, ProductGroup.OfProducts(1)) with { Priority = 1 }, ThreeForTwo(2, ProductGroup.OfBrands("Dior")));
        AssertConsistent(r);
        Assert.Equal(500m, r.DiscountTotal);
        Assert.Equal(1, r.Of("w").Applied.Single().FreeUnits);
    }

    [Fact]
    public void A_line_with_two_promotions_lists_them_in_promotion_order_with_their_units()
    {
        // 4 × 1000 ₽ with 1+1=3 and 5 % off: three make the 1+1=3 (1000 ₽ free), the fourth gets 5 % (50 ₽).
        var r = Price([Line("a", 1, 1000m, 4)], ThreeForTwo(1, ProductGroup.All), Percent(2, 5m, ProductGroup.All));
        AssertConsistent(r);
        Assert.Equal(1050m, r.DiscountTotal);
        Assert.Equal([(1, 3, 1, 1000m), (2, 1, 0, 50m)], r.Of("a").Applied.Select(a => (a.PromotionId!.Value, a.Units, a.FreeUnits, a.Amount)));
        Assert.Equal([(1, 3, 1000m), (2, 1, 50m)], r.ByPromotion.Select(p => (p.PromotionId!.Value, p.Units, p.Amount)));
        var percentFirst = Price([Line("a", 1, 1000m, 4)], ThreeForTwo(1, ProductGroup.All), Percent(2, 5m, ProductGroup.All) with { Priority = 1 });
        Assert.Equal([2, 1], percentFirst.Of("a").Applied.Select(a => a.PromotionId!.Value));
        Assert.Equal([2, 1], percentFirst.ByPromotion.Select(p => p.PromotionId!.Value));
    }

    [Fact]
    public void A_cart_past_the_search_budget_keeps_the_best_combination_the_search_had_found()
    {
        // 1+1=3 on Dior, 1+1=3 on Chanel, 1 % off everything last. The search's first complete answer (both 1+1=3,
        // 2 000 ₽) is found within 7 nodes; the fallback's own candidates give one 1+1=3 and 1 % on the other brand.
        var lines = new[] { Line("d", 1, 1000m, 3, brand: "Dior"), Line("c", 2, 1000m, 3, brand: "Chanel") };
        var request = Request(lines, ThreeForTwo(1, ProductGroup.OfBrands("Dior")), ThreeForTwo(2, ProductGroup.OfBrands("Chanel")),
            Percent(3, 1m, ProductGroup.All));
        var r = PricingEngine.PriceWithBudget(request, 7);
        AssertConsistent(r);
        Assert.False(r.SearchWasExact);
        Assert.Equal(2000m, r.DiscountTotal);
    }

    [Fact]
    public void A_cart_past_the_search_budget_still_gets_both_one_plus_one_when_one_unit_moves()
    {
        // Each brand has two 1 000 ₽ units and a 900 ₽ one that also has 1 % off. Each 1+1=3 on its own takes its
        // brand's three units; the fallback then moves the other brand's 900 ₽ unit from 1 % into its 1+1=3.
        var lines = new[]
        {
            Line("d", 1, 1000m, 2, brand: "Dior"), Line("d9", 9, 900m, brand: "Dior"),
            Line("c", 2, 1000m, 2, brand: "Chanel"), Line("c8", 8, 900m, brand: "Chanel"),
        };
        var request = Request(lines, ThreeForTwo(1, ProductGroup.OfBrands("Dior")), ThreeForTwo(2, ProductGroup.OfBrands("Chanel")),
            Percent(3, 1m, ProductGroup.OfProducts(8, 9)));
        var r = PricingEngine.PriceWithBudget(request, 1);
        AssertConsistent(r);
        Assert.False(r.SearchWasExact);
        Assert.Equal(1800m, r.DiscountTotal);
        Assert.Equal(1, r.Of("d9").Applied.Single().FreeUnits);
        Assert.Equal(1, r.Of("c8").Applied.Single().FreeUnits);
    }

    [Fact]
    public void A_cart_past_the_search_budget_fills_a_combo_set_by_set_with_the_dearest_units()
    {
        // "Dior + Chanel for 2 500 ₽" (slots 1 500 + 1 000) and two units of each brand: the fallback fills the first set
        // with the dearest Dior and the dearest Chanel (1 700 ₽ off), the second with the others (500 ₽ off).
        var lines = new[]
        {
            Line("d1", 1, 3000m, brand: "Dior"), Line("d2", 2, 2000m, brand: "Dior"),
            Line("c1", 3, 1200m, brand: "Chanel"), Line("c2", 4, 1000m, brand: "Chanel"),
        };
        var combo = new ComboPromotion(1, "Dior + Chanel", [new ComboSlot(ProductGroup.OfBrands("Dior"), 1500m), new ComboSlot(ProductGroup.OfBrands("Chanel"), 1000m)]);
        var r = PricingEngine.PriceWithBudget(Request(lines, combo), 1);
        AssertConsistent(r);
        Assert.False(r.SearchWasExact);
        Assert.Equal(2200m, r.DiscountTotal);
        Assert.Equal((4, 2), (r.ByPromotion.Single().Units, r.ByPromotion.Single().Applications));
        Assert.Equal(2200m, Price(lines, combo).DiscountTotal); // what the exact search finds
    }
}
