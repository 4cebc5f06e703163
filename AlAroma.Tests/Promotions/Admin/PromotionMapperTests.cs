using AlAroma.Web.Features.Promotions;
using AlAroma.Web.Features.Promotions.Engine;

namespace AlAroma.Tests.Promotions.Admin;

/// <summary>Stored promotion → engine record: every type, the group, dates, locations and priority carried over.</summary>
public sealed class PromotionMapperTests
{
    private static readonly DateOnly From = new(2026, 12, 1), To = new(2026, 12, 31);

    private static PromotionRecord Record(PromotionType type, decimal? value = null) => new()
    {
        Id = 7, Name = "Декабрь", Type = type, Value = value, ValidFrom = From, ValidTo = To, LocationIds = [3, 2, 3], Priority = 5,
        Group = new GroupSpec { Brands = ["Dior"], Categories = ["Парфюмерия"], ProductIds = [11, 12] },
    };

    [Fact]
    public void Percent_maps_to_a_percent_unit_discount_with_its_group_dates_locations_and_priority()
    {
        var p = Assert.IsType<UnitDiscountPromotion>(PromotionMapper.ToEngine(Record(PromotionType.Percent, 15m)));
        Assert.Equal((7, "Декабрь", UnitDiscountType.Percent, 15m), (p.Id, p.Name, p.Type, p.Value));
        Assert.Equal((5, From, To), (p.Priority, p.ValidFrom, p.ValidTo));
        Assert.Equal([2, 3], p.LocationIds);
        Assert.Equal([11, 12], p.Group.ProductIds!);
        Assert.Equal(["Dior"], p.Group.Brands!);
        Assert.Equal(["Парфюмерия"], p.Group.Categories!);
        Assert.False(p.Group.AllProducts);
        Assert.True(p.IsActiveOn(To, 2));
        Assert.False(p.IsActiveOn(To.AddDays(1), 2));
        Assert.False(p.IsActiveOn(From, 1));
    }

    [Fact]
    public void Fixed_maps_to_a_fixed_unit_discount()
    {
        var p = Assert.IsType<UnitDiscountPromotion>(PromotionMapper.ToEngine(Record(PromotionType.FixedPerUnit, 500m)));
        Assert.Equal((UnitDiscountType.Fixed, 500m, DiscountKind.Fixed), (p.Type, p.Value, p.Kind));
    }

    [Fact]
    public void Birthday_maps_to_the_birthday_promotion_with_its_percent_and_the_rule_defaults()
    {
        var p = Assert.IsType<BirthdayPromotion>(PromotionMapper.ToEngine(Record(PromotionType.Birthday, 12m)));
        Assert.Equal((12m, 3, 30), (p.Percent, p.DaysAround, p.OnFileDays));
    }

    [Fact]
    public void Three_for_two_maps_with_an_all_products_group()
    {
        var r = Record(PromotionType.ThreeForTwo);
        r.Group = new GroupSpec { AllProducts = true, Brands = ["ignored"] };
        var p = Assert.IsType<ThreeForTwoPromotion>(PromotionMapper.ToEngine(r));
        Assert.True(p.Group.AllProducts);
        Assert.True(p.Group.Matches(new CartLine("a", 99, "Any", null, 100m, 1)));
    }

    [Fact]
    public void Combo_keeps_slot_order_and_prices_and_a_gift_slot_costs_nothing()
    {
        var r = Record(PromotionType.Combo);
        r.Slots =
        [
            new SlotSpec { Group = new GroupSpec { Brands = ["Chanel"] }, Price = 1500m },
            new SlotSpec { Group = new GroupSpec { Categories = ["Уход"] }, Price = 700m },
            new SlotSpec { Group = new GroupSpec { ProductIds = [5] }, Price = 123m, IsGift = true },
        ];
        var p = Assert.IsType<ComboPromotion>(PromotionMapper.ToEngine(r));
        Assert.Equal([1500m, 700m, 0m], p.Slots.Select(s => s.Price));
        Assert.Equal(["Chanel"], p.Slots[0].Group.Brands!);
        Assert.Equal([5], p.Slots[2].Group.ProductIds!);
    }

    [Fact]
    public void An_open_ended_promotion_for_every_location_runs_anywhere_from_its_first_day()
    {
        var r = Record(PromotionType.Percent, 10m);
        r.ValidTo = null;
        r.LocationIds = [];
        var p = PromotionMapper.ToEngine(r);
        Assert.True(p.IsActiveOn(new DateOnly(2030, 1, 1), 42));
        Assert.False(p.IsActiveOn(From.AddDays(-1), 42));
    }

    [Theory]
    [InlineData(PromotionType.Percent)]
    [InlineData(PromotionType.FixedPerUnit)]
    [InlineData(PromotionType.Birthday)]
    public void A_type_with_a_value_but_none_stored_is_refused(PromotionType type) =>
        Assert.Throws<ArgumentException>(() => PromotionMapper.ToEngine(Record(type)));

    [Fact]
    public void Mapped_promotions_price_through_the_engine()
    {
        var r = Record(PromotionType.ThreeForTwo);
        var p = PromotionMapper.ToEngine(r);
        var lines = new[] { new CartLine("a", 11, "Dior", null, 3000m, 2), new CartLine("b", 12, "Dior", null, 1000m, 1) };
        var result = PricingEngine.Price(new PricingRequest(lines, [p], From, 2));
        Assert.Equal(1000m, result.DiscountTotal);
        Assert.Equal(1, Assert.Single(result.ByPromotion).Applications);
    }
}
