using AlAroma.Web.Features.Promotions.Engine;
using AlAroma.Web.Infrastructure;
using static AlAroma.Tests.Promotions.Kit;

namespace AlAroma.Tests.Promotions;

public class PricingEngineTests
{
    [Fact]
    public void No_promotions_charges_the_retail_price()
    {
        var r = Price([Line("a", 1, 1990m, 2), Line("b", 2, 10.5m)]);
        AssertConsistent(r);
        Assert.Equal(3990.5m, r.Subtotal);
        Assert.Equal(0m, r.DiscountTotal);
        Assert.Empty(r.ByPromotion);
        Assert.True(r.SearchWasExact);
    }

    [Fact]
    public void Percent_by_brand_discounts_only_that_brand()
    {
        var r = Price([Line("a", 1, 1000m, 2, brand: "Dior"), Line("b", 2, 500m, brand: "Chanel")],
            Percent(10, 20m, ProductGroup.OfBrands("dior"), "Dior −20 %"));
        AssertConsistent(r);
        Assert.Equal(400m, r.Of("a").Discount);
        Assert.Equal(1600m, r.Of("a").Total);
        var applied = Assert.Single(r.Of("a").Applied);
        Assert.Equal((10, "Dior −20 %", DiscountKind.Percent, 2, 400m), (applied.PromotionId!.Value, applied.Name, applied.Kind, applied.Units, applied.Amount));
        Assert.Equal(0m, r.Of("b").Discount);
        Assert.Empty(r.Of("b").Applied);
        Assert.Equal(400m, Assert.Single(r.ByPromotion).Amount);
    }

    [Fact]
    public void Percent_is_rounded_per_unit_half_away_from_zero()
    {
        // 15 % of 333.30 = 49.995 → 50.00 per unit.
        var r = Price([Line("a", 1, 333.30m, 3)], Percent(1, 15m, ProductGroup.All));
        AssertConsistent(r);
        Assert.Equal(150m, r.Of("a").Discount);
        Assert.All(r.Of("a").UnitTotals, u => Assert.Equal(283.30m, u));
    }

    [Fact]
    public void Percent_by_category_and_by_product()
    {
        var lines = new[] { Line("a", 1, 1000m, category: "EDT"), Line("b", 2, 1000m, category: "EDP"), Line("c", 3, 1000m, category: "EDP") };
        var byCategory = Price(lines, Percent(1, 10m, ProductGroup.OfCategories("EDT")));
        Assert.Equal([100m, 0m, 0m], byCategory.Lines.Select(l => l.Discount));
        var byProduct = Price(lines, Percent(1, 10m, ProductGroup.OfProducts(3)));
        Assert.Equal([0m, 0m, 100m], byProduct.Lines.Select(l => l.Discount));
    }

    [Fact]
    public void Fixed_discount_is_per_unit_and_never_more_than_the_price()
    {
        var r = Price([Line("a", 1, 1000m, 2), Line("b", 2, 250m)], Fixed(1, 300m, ProductGroup.All));
        AssertConsistent(r);
        Assert.Equal(600m, r.Of("a").Discount);
        Assert.Equal(250m, r.Of("b").Discount);
        Assert.Equal(0m, r.Of("b").Total);
    }

    [Fact]
    public void The_larger_of_two_unit_discounts_wins_and_only_one_applies()
    {
        var r = Price([Line("a", 1, 1000m), Line("b", 2, 200m)],
            Percent(1, 10m, ProductGroup.All), Fixed(2, 50m, ProductGroup.All));
        AssertConsistent(r);
        Assert.Equal(1, Assert.Single(r.Of("a").Applied).PromotionId); // 100 > 50
        Assert.Equal(2, Assert.Single(r.Of("b").Applied).PromotionId); // 50 > 20
        Assert.Equal(150m, r.DiscountTotal);
    }

    [Fact]
    public void Equal_discounts_go_to_the_higher_priority_then_the_lower_id()
    {
        var lines = new[] { Line("a", 1, 1000m) };
        var byId = Price(lines, Percent(7, 10m, ProductGroup.All), Fixed(3, 100m, ProductGroup.All));
        Assert.Equal(3, Assert.Single(byId.Of("a").Applied).PromotionId);
        var byPriority = Price(lines, Percent(7, 10m, ProductGroup.All) with { Priority = 5 }, Fixed(3, 100m, ProductGroup.All));
        Assert.Equal(7, Assert.Single(byPriority.Of("a").Applied).PromotionId);
    }

    [Theory]
    [InlineData("2025-06-01", true)]
    [InlineData("2025-06-15", true)]
    [InlineData("2025-05-31", false)]
    [InlineData("2025-06-16", false)]
    public void Dates_are_inclusive(string today, bool applies)
    {
        var promo = Percent(1, 10m, ProductGroup.All) with { ValidFrom = new DateOnly(2025, 6, 1), ValidTo = new DateOnly(2025, 6, 15) };
        var r = PricingEngine.Price(Request([Line("a", 1, 1000m)], promo) with { Today = DateOnly.Parse(today) });
        Assert.Equal(applies ? 100m : 0m, r.DiscountTotal);
    }

    [Fact]
    public void Locations_limit_a_promotion_and_empty_means_everywhere()
    {
        var lines = new[] { Line("a", 1, 1000m) };
        Assert.Equal(0m, Price(lines, Percent(1, 10m, ProductGroup.All) with { LocationIds = [1, 3] }).DiscountTotal);
        Assert.Equal(100m, Price(lines, Percent(1, 10m, ProductGroup.All) with { LocationIds = [Shop] }).DiscountTotal);
        Assert.Equal(100m, Price(lines, Percent(1, 10m, ProductGroup.All) with { LocationIds = [] }).DiscountTotal);
    }

    [Fact]
    public void Three_units_one_free_the_cheapest_and_the_discount_spread_by_price()
    {
        var r = Price([Line("a", 1, 1000m), Line("b", 2, 800m), Line("c", 3, 500m)], ThreeForTwo(1, ProductGroup.All));
        AssertConsistent(r);
        Assert.Equal(500m, r.DiscountTotal);
        // The free unit is the cheapest one, shown as free on its line.
        Assert.Equal(1, Assert.Single(r.Of("c").Applied).FreeUnits);
        Assert.Equal(0, Assert.Single(r.Of("a").Applied).FreeUnits);
        // 500 ₽ spread over 2300 ₽ in proportion: 217.39 + 173.91 + 108.70 = 500.00.
        Assert.Equal(217.39m, r.Of("a").Discount);
        Assert.Equal(173.91m, r.Of("b").Discount);
        Assert.Equal(108.70m, r.Of("c").Discount);
        var summary = Assert.Single(r.ByPromotion);
        Assert.Equal((3, 1, 500m), (summary.Units, summary.Applications, summary.Amount));
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(7, 2)]
    public void Floor_n_over_three_units_are_free(int units, int free)
    {
        var r = Price([Line("a", 1, 700m, units)], ThreeForTwo(1, ProductGroup.All));
        AssertConsistent(r);
        Assert.Equal(free * 700m, r.DiscountTotal);
        Assert.Equal(free, r.Of("a").Applied.Sum(a => a.FreeUnits));
    }

    [Fact]
    public void Five_mixed_units_free_the_cheapest_and_six_free_the_two_cheapest()
    {
        var five = Price([Line("a", 1, 500m), Line("b", 2, 400m), Line("c", 3, 300m), Line("d", 4, 200m), Line("e", 5, 100m)],
            ThreeForTwo(1, ProductGroup.All));
        AssertConsistent(five);
        Assert.Equal(100m, five.DiscountTotal);
        Assert.Equal(1, five.Of("e").Applied.Single().FreeUnits);

        var six = Price([Line("a", 1, 600m), Line("b", 2, 500m), Line("c", 3, 400m), Line("d", 4, 300m), Line("e", 5, 200m), Line("f", 6, 100m)],
            ThreeForTwo(1, ProductGroup.All));
        AssertConsistent(six);
        Assert.Equal(300m, six.DiscountTotal);
        Assert.Equal(["e", "f"], six.Lines.Where(l => l.Applied.Single().FreeUnits == 1).Select(l => l.LineId));
    }

    [Fact]
    public void Spread_remainders_keep_the_sum_exact_to_the_kopeck()
    {
        // 10.00 ₽ free over 10.01 + 10.00 + 10.00: 3.34 + 3.33 + 3.33.
        var r = Price([Line("a", 1, 10.01m), Line("b", 2, 10m, 2)], ThreeForTwo(1, ProductGroup.All));
        AssertConsistent(r);
        Assert.Equal(10m, r.DiscountTotal);
        Assert.Equal(3.34m, r.Of("a").Discount);
        Assert.Equal(6.66m, r.Of("b").Discount);
        Assert.Equal(20.01m, r.Total);
    }

    [Fact]
    public void Three_for_two_counts_only_its_group()
    {
        var r = Price([Line("a", 1, 1000m, 2, brand: "Dior"), Line("b", 2, 100m, brand: "Chanel"), Line("c", 3, 900m, brand: "Dior")],
            ThreeForTwo(1, ProductGroup.OfBrands("Dior")));
        AssertConsistent(r);
        Assert.Equal(900m, r.DiscountTotal);
        Assert.Empty(r.Of("b").Applied);
    }

    private static ComboPromotion Combo(int id = 1) => new(id, "1500 ₽ + 700 ₽ + подарок",
    [
        new ComboSlot(ProductGroup.OfBrands("Dior"), 1500m),
        new ComboSlot(ProductGroup.OfBrands("Chanel"), 700m),
        ComboSlot.Gift(ProductGroup.OfCategories("Miniature")),
    ]);

    [Fact]
    public void Combo_with_a_gift_slot_charges_the_slot_prices()
    {
        var r = Price([Line("d", 1, 2000m, brand: "Dior"), Line("c", 2, 1000m, brand: "Chanel"), Line("m", 3, 300m, brand: "Mini", category: "Miniature")],
            Combo());
        AssertConsistent(r);
        Assert.Equal(1100m, r.DiscountTotal); // 3300 − (1500 + 700 + 0)
        Assert.Equal(2200m, r.Total);
        var summary = Assert.Single(r.ByPromotion);
        Assert.Equal((DiscountKind.Combo, 3, 1), (summary.Kind, summary.Units, summary.Applications));
        Assert.All(r.Lines, l => Assert.Equal(1, l.Applied.Single().PromotionId));
    }

    [Fact]
    public void Combo_repeats_for_every_complete_set_and_takes_the_dearer_units()
    {
        var r = Price([
            Line("d1", 1, 2000m, 2, brand: "Dior"), Line("d2", 4, 1600m, brand: "Dior"),
            Line("c", 2, 1000m, 2, brand: "Chanel"), Line("m", 3, 300m, 2, brand: "Mini", category: "Miniature")], Combo());
        AssertConsistent(r);
        Assert.Equal(2200m, r.DiscountTotal);
        Assert.Equal(2, r.ByPromotion.Single().Applications);
        Assert.Equal(0m, r.Of("d2").Discount); // the third Dior is outside the sets
        Assert.Equal(1600m, r.Of("d2").Total);
    }

    [Fact]
    public void Combo_with_an_unfilled_slot_is_not_applied()
    {
        var r = Price([Line("d", 1, 2000m, 3, brand: "Dior"), Line("c", 2, 1000m, 3, brand: "Chanel")], Combo());
        AssertConsistent(r);
        Assert.Equal(0m, r.DiscountTotal);
        Assert.Empty(r.ByPromotion);
    }

    [Fact]
    public void Combo_that_would_cost_more_than_the_retail_price_is_not_applied()
    {
        var r = Price([Line("d", 1, 1000m, brand: "Dior"), Line("c", 2, 600m, brand: "Chanel"), Line("m", 3, 50m, brand: "Mini", category: "Miniature")],
            Combo());
        Assert.Equal(0m, r.DiscountTotal);
    }

    [Fact]
    public void Birthday_discount_applies_to_the_whole_receipt_but_not_to_certificates()
    {
        var customer = new PricingCustomer(new DateOnly(1990, 6, 17), new DateOnly(2024, 1, 1));
        var request = Request([Line("a", 1, 1000m), Line("b", 2, 555.55m), Certificate("g", 3000m)], new BirthdayPromotion(9, "День рождения"))
            with { Customer = customer };
        var r = PricingEngine.Price(request);
        AssertConsistent(r);
        Assert.Equal(100m, r.Of("a").Discount);
        Assert.Equal(55.56m, r.Of("b").Discount);
        Assert.Equal(0m, r.Of("g").Discount);
        Assert.Equal(DiscountKind.Birthday, r.ByPromotion.Single().Kind);

        Assert.Equal(0m, PricingEngine.Price(request with { Customer = customer with { BirthdayDiscountUsedThisYear = true } }).DiscountTotal);
        Assert.Equal(0m, PricingEngine.Price(request with { Customer = null }).DiscountTotal);
    }

    [Fact]
    public void Birthday_and_a_bigger_brand_discount_each_unit_takes_the_better_one()
    {
        var customer = new PricingCustomer(new DateOnly(1990, 6, 15), new DateOnly(2024, 1, 1));
        var r = PricingEngine.Price(Request([Line("a", 1, 1000m, brand: "Dior"), Line("b", 2, 1000m, brand: "Chanel")],
            new BirthdayPromotion(9, "День рождения"), Percent(1, 20m, ProductGroup.OfBrands("Dior"))) with { Customer = customer });
        Assert.Equal(200m, r.Of("a").Discount);
        Assert.Equal(100m, r.Of("b").Discount);
        Assert.Equal(DiscountKind.Birthday, r.Of("b").Applied.Single().Kind);
    }

    [Fact]
    public void Certificate_lines_get_no_promotion_of_any_kind()
    {
        var r = Price([Certificate("g", 1000m, 3), Line("a", 1, 500m)],
            Percent(1, 50m, ProductGroup.All), ThreeForTwo(2, ProductGroup.All),
            new ComboPromotion(3, "Комбо", [new ComboSlot(ProductGroup.All, 1m), ComboSlot.Gift(ProductGroup.All)]));
        AssertConsistent(r);
        Assert.Equal(0m, r.Of("g").Discount);
        Assert.Equal(3000m, r.Of("g").Total);
        Assert.Empty(r.Of("g").Applied);
    }

    [Fact]
    public void Taking_a_cheap_unit_out_of_one_plus_one_to_a_small_discount_frees_a_dearer_one()
    {
        // Literally 4 units → the 100 ₽ one is free (100 ₽). Better: the 100 ₽ unit takes its 20 % (20 ₽)
        // and the three 1000 ₽ units form the group → 1000 ₽ free. Total 1020 ₽.
        var r = Price([Line("a", 1, 1000m, 3, brand: "Dior"), Line("b", 2, 100m, brand: "Dior")],
            ThreeForTwo(1, ProductGroup.OfBrands("Dior")), Percent(2, 20m, ProductGroup.OfProducts(2)));
        AssertConsistent(r);
        Assert.Equal(1020m, r.DiscountTotal);
        Assert.Equal(2, r.Of("b").Applied.Single().PromotionId);
        Assert.Equal(1, r.Of("a").Applied.Single().FreeUnits);
    }

    [Fact]
    public void A_unit_cannot_leave_the_group_for_nothing()
    {
        // Without another promotion for the 100 ₽ unit, the four units are one group and the cheapest is free.
        var r = Price([Line("a", 1, 1000m, 3), Line("b", 2, 100m)], ThreeForTwo(1, ProductGroup.All));
        Assert.Equal(100m, r.DiscountTotal);
        Assert.Equal(1, r.Of("b").Applied.Single().FreeUnits);
    }

    [Fact]
    public void One_plus_one_beats_a_brand_discount_when_the_units_are_equal()
    {
        // 3 × 1000: 1+1=3 gives 1000, 20 % on all gives 600.
        var r = Price([Line("a", 1, 1000m, 3)], ThreeForTwo(1, ProductGroup.All), Percent(2, 20m, ProductGroup.All));
        Assert.Equal(1000m, r.DiscountTotal);
        Assert.Equal(1, r.Of("a").Applied.Single().PromotionId);
    }

    [Fact]
    public void A_brand_discount_beats_one_plus_one_when_the_free_unit_is_cheap()
    {
        // 1000, 1000, 100: 1+1=3 gives 100, 20 % on all gives 420 (the 100 ₽ unit cannot stay in a group of one for free).
        var r = Price([Line("a", 1, 1000m, 2), Line("b", 2, 100m)], ThreeForTwo(1, ProductGroup.All), Percent(2, 20m, ProductGroup.All));
        Assert.Equal(420m, r.DiscountTotal);
        Assert.All(r.Lines, l => Assert.Equal(2, l.Applied.Single().PromotionId));
    }

    [Fact]
    public void Mixed_choice_some_units_in_one_plus_one_others_discounted()
    {
        // Dior 3 × 1000 (1+1=3 or 30 % Dior), Chanel 2 × 900 (1+1=3 only, so always in the group).
        // Dior in the group: 0 → 900 (3 × 300 off); 1 → 900 free + 2 × 300 = 1500; 2 → 900 + 300 = 1200; 3 → 900.
        var r = Price([Line("d", 1, 1000m, 3, brand: "Dior"), Line("c", 2, 900m, 2, brand: "Chanel")],
            ThreeForTwo(1, ProductGroup.All), Percent(2, 30m, ProductGroup.OfBrands("Dior")));
        AssertConsistent(r);
        Assert.Equal(1500m, r.DiscountTotal);
        Assert.Equal(2, r.Of("d").Applied.Single(a => a.PromotionId == 2).Units);
    }

    [Fact]
    public void Combo_competes_with_one_plus_one_for_the_same_units()
    {
        // Dior 3 × 2000, Chanel 1000, Mini 300. 1+1=3 over the three Dior: 2000. The combo (1100) takes one Dior
        // and leaves a group of two (0), so 1100. Best: 2000.
        var lines = new[] { Line("d", 1, 2000m, 3, brand: "Dior"), Line("c", 2, 1000m, brand: "Chanel"), Line("m", 3, 300m, brand: "Mini", category: "Miniature") };
        var r = Price(lines, ThreeForTwo(1, ProductGroup.OfBrands("Dior")), Combo(2));
        AssertConsistent(r);
        Assert.Equal(2000m, r.DiscountTotal);
        // With a fourth Dior both fit: 1+1=3 over three (2000) + combo with the fourth (1100).
        var four = Price([Line("d", 1, 2000m, 4, brand: "Dior"), lines[1], lines[2]], ThreeForTwo(1, ProductGroup.OfBrands("Dior")), Combo(2));
        AssertConsistent(four);
        Assert.Equal(3100m, four.DiscountTotal);
    }

    [Fact]
    public void Two_overlapping_one_plus_one_promotions_split_the_units_best()
    {
        var r = Price([Line("a", 1, 500m, 3, brand: "Dior", category: "EDT"), Line("b", 2, 400m, 3, brand: "Chanel", category: "EDT")],
            ThreeForTwo(1, ProductGroup.OfBrands("Dior")), ThreeForTwo(2, ProductGroup.OfCategories("EDT")));
        AssertConsistent(r);
        Assert.Equal(900m, r.DiscountTotal); // Dior triple (500) + Chanel triple (400)
    }

    [Fact]
    public void Big_carts_stay_correct()
    {
        var lines = Enumerable.Range(1, 10).Select(i => Line($"l{i}", i, 100m * i + 0.37m, 100, brand: i % 2 == 0 ? "Dior" : "Chanel", category: i % 3 == 0 ? "EDT" : "EDP")).ToList();
        Promotion[] promos =
        [
            ThreeForTwo(1, ProductGroup.OfBrands("Dior")), ThreeForTwo(2, ProductGroup.OfCategories("EDT")),
            Percent(3, 25m, ProductGroup.OfBrands("Chanel")), Percent(4, 12m, ProductGroup.All),
            new ComboPromotion(5, "Комбо", [new ComboSlot(ProductGroup.OfBrands("Dior"), 500m), ComboSlot.Gift(ProductGroup.OfCategories("EDT"))]),
        ];
        var r = Price(lines, promos);
        AssertConsistent(r);
        foreach (var p in promos) Assert.True(r.DiscountTotal >= Price(lines, p).DiscountTotal, $"promotion {p.Id} alone is better");
    }

    [Fact]
    public void Bad_input_is_refused_clearly()
    {
        var tooMany = Assert.Throws<BusinessRuleException>(() => Price([Line("a", 1, 10m, 101)]));
        Assert.Contains("от 1 до 100", tooMany.Message);
        Assert.Throws<ArgumentException>(() => Price([Line("a", 1, 10m), Line("a", 2, 10m)]));
        Assert.Throws<ArgumentException>(() => Price([Line("a", 1, 10.005m)]));
        Assert.Throws<ArgumentException>(() => Price([Line("a", 1, 10m)], Percent(1, 120m, ProductGroup.All)));
        Assert.Throws<ArgumentException>(() => Price([Line("a", 1, 10m)], Percent(1, 10m, ProductGroup.All), Fixed(1, 5m, ProductGroup.All)));
    }

    [Fact]
    public void A_line_without_an_id_a_quantity_of_zero_or_a_negative_price_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Price([Line("", 1, 10m)]));
        Assert.Contains("от 1 до 100", Assert.Throws<BusinessRuleException>(() => Price([Line("a", 1, 10m, 0)])).Message);
        Assert.Throws<ArgumentException>(() => Price([Line("a", 1, -0.01m)]));
    }

    [Fact]
    public void One_hundred_units_on_a_line_and_a_free_line_are_accepted()
    {
        var r = Price([Line("a", 1, 10m, PricingEngine.MaxQuantityPerLine), Line("b", 2, 0m)]);
        AssertConsistent(r);
        Assert.Equal(1000m, r.Total);
    }

    [Fact]
    public void A_group_too_small_for_a_free_unit_shows_no_promotion_on_the_receipt()
    {
        // Two units of a 1+1=3: nothing is free, so the receipt must not list the promotion at 0 ₽.
        var r = Price([Line("a", 1, 700m, 2)], ThreeForTwo(1, ProductGroup.All));
        Assert.Equal(0m, r.DiscountTotal);
        Assert.Empty(r.Of("a").Applied);
        Assert.Empty(r.ByPromotion);
    }
}
