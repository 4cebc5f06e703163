using AlAroma.Web.Features.Promotions;

namespace AlAroma.Tests.Promotions.Admin;

/// <summary>The form's own rules (no database): messages in Russian, keyed by the field they belong next to.</summary>
public sealed class PromotionFormTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);

    private static PromotionForm Valid(PromotionType type = PromotionType.Percent) => new()
    {
        Name = "Скидка на Dior", Type = type, Value = "10", ValidFrom = Day, ValidTo = Day.AddDays(30),
        Group = new GroupInput { Brands = ["Dior"] },
    };

    private static PromotionForm Combo(params SlotInput[] slots)
    {
        var f = Valid(PromotionType.Combo);
        f.Slots = [.. slots];
        return f;
    }

    private static SlotInput Slot(string brand, string? price, bool gift = false) =>
        new() { Group = new GroupInput { Brands = [brand] }, Price = price, IsGift = gift };

    [Fact]
    public void A_complete_form_has_no_errors() => Assert.Empty(Valid().Validate());

    [Theory]
    [InlineData("0")]
    [InlineData("0,5")]
    [InlineData("100")]
    [InlineData("99,5")]
    [InlineData("десять")]
    [InlineData("")]
    public void Percent_must_be_from_1_to_99(string value)
    {
        var f = Valid();
        f.Value = value;
        Assert.Contains("процент", Assert.Contains(nameof(PromotionForm.Value), f.Validate()), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("99")]
    [InlineData("12,5")]
    [InlineData("12.5")]
    public void Percent_from_1_to_99_is_accepted_with_a_comma_or_a_dot(string value)
    {
        var f = Valid();
        f.Value = value;
        Assert.Empty(f.Validate());
    }

    [Fact]
    public void Birthday_percent_is_checked_the_same_way_and_needs_no_group()
    {
        var f = Valid(PromotionType.Birthday);
        f.Group = new GroupInput();
        Assert.Empty(f.Validate());
        f.Value = "150";
        Assert.Equal("Процент скидки должен быть от 1 до 99.", f.Validate()[nameof(PromotionForm.Value)]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Fixed_discount_must_be_above_zero(string value)
    {
        var f = Valid(PromotionType.FixedPerUnit);
        f.Value = value;
        Assert.Equal("Скидка в рублях должна быть больше 0 ₽.", f.Validate()[nameof(PromotionForm.Value)]);
        f.Value = "1 500,50";
        Assert.Empty(f.Validate());
    }

    [Fact]
    public void End_before_start_is_an_error_on_the_end_date()
    {
        var f = Valid();
        f.ValidTo = Day.AddDays(-1);
        Assert.Equal("Дата окончания не может быть раньше даты начала.", f.Validate()[nameof(PromotionForm.ValidTo)]);
        f.ValidTo = Day;
        Assert.Empty(f.Validate());
    }

    [Fact]
    public void Start_date_and_name_are_required()
    {
        var f = Valid();
        f.ValidFrom = null;
        f.Name = " ";
        var e = f.Validate();
        Assert.Contains(nameof(PromotionForm.ValidFrom), e);
        Assert.Contains(nameof(PromotionForm.Name), e);
    }

    [Fact]
    public void A_group_type_needs_some_products()
    {
        var f = Valid(PromotionType.ThreeForTwo);
        f.Group = new GroupInput { Brands = [" "], Skus = " , " };
        Assert.Contains(nameof(PromotionForm.Group), f.Validate());
        f.Group = new GroupInput { All = true };
        Assert.Empty(f.Validate());
    }

    [Fact]
    public void Combo_needs_two_slots_with_groups_and_the_spare_blank_row_is_ignored()
    {
        var one = Combo(Slot("Chanel", "1500"), new SlotInput());
        Assert.Equal("В комбо нужно хотя бы 2 слота с выбранными товарами.", one.Validate()[nameof(PromotionForm.Slots)]);
        var two = Combo(Slot("Chanel", "1500"), Slot("Dior", null, gift: true), new SlotInput());
        Assert.Empty(two.Validate());
        Assert.Equal(2, two.FilledSlots.Count);
    }

    [Fact]
    public void A_paid_slot_needs_a_price_above_zero_and_a_slot_needs_products()
    {
        var f = Combo(Slot("Chanel", "0"), new SlotInput { Price = "700" });
        var e = f.Validate();
        Assert.Contains("Slots[0].Price", e);
        Assert.Contains("Slots[1].Group", e);
    }

    [Fact]
    public void Only_one_gift_slot()
    {
        var f = Combo(Slot("Chanel", "1500"), Slot("Dior", null, true), Slot("Versace", null, true));
        Assert.Equal("В комбо может быть только один подарок.", f.Validate()[nameof(PromotionForm.Slots)]);
    }

    [Fact]
    public void ApplyTo_keeps_only_what_the_type_uses_and_maps_skus_to_ids()
    {
        var f = Combo(Slot("Chanel", "1 500"), new SlotInput { Group = new GroupInput { Skus = "aa-0001; AA-0002" }, IsGift = true, Price = "99" }, new SlotInput());
        f.LocationIds = [3, 2, 3];
        var r = new PromotionRecord { Value = 5m, Group = new GroupSpec { Brands = ["old"] } };
        f.ApplyTo(r, new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["AA-0001"] = 1, ["AA-0002"] = 2 });
        Assert.Null(r.Value);
        Assert.True(r.Group.IsEmpty);
        Assert.Equal(2, r.Slots.Count);
        Assert.Equal(1500m, r.Slots[0].Price);
        Assert.Equal((true, 0m), (r.Slots[1].IsGift, r.Slots[1].Price));
        Assert.Equal([1, 2], r.Slots[1].Group.ProductIds);
        Assert.Equal([2, 3], r.LocationIds);
    }

    [Fact]
    public void A_stored_promotion_round_trips_through_the_form()
    {
        var r = new PromotionRecord
        {
            Id = 4, Name = "Комбо", Type = PromotionType.Combo, ValidFrom = Day, Priority = 3, LocationIds = [2],
            Slots = [new SlotSpec { Group = new GroupSpec { ProductIds = [1] }, Price = 1500.5m }, new SlotSpec { Group = new GroupSpec { Brands = ["Dior"] }, IsGift = true }],
        };
        var form = PromotionForm.From(r, new Dictionary<int, string> { [1] = "AA-0001" });
        Assert.Equal("AA-0001", form.Slots[0].Group.Skus);
        Assert.Equal("1500,5", form.Slots[0].Price);
        Assert.Empty(form.Validate());
        var copy = new PromotionRecord();
        form.ApplyTo(copy, new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["AA-0001"] = 1 });
        Assert.Equal(r.Slots, copy.Slots, (a, b) => a.Price == b.Price && a.IsGift == b.IsGift && a.Group.ProductIds.SequenceEqual(b.Group.ProductIds) && a.Group.Brands.SequenceEqual(b.Group.Brands));
        Assert.Equal((r.Name, r.ValidFrom, r.ValidTo, r.Priority), (copy.Name, copy.ValidFrom, copy.ValidTo, copy.Priority));
    }

    [Theory]
    [InlineData(PromotionStatus.Active, "2026-12-01", "2026-12-31", "2026-11-30", PromotionState.Scheduled)]
    [InlineData(PromotionStatus.Active, "2026-12-01", "2026-12-31", "2026-12-01", PromotionState.Running)]
    [InlineData(PromotionStatus.Active, "2026-12-01", "2026-12-31", "2026-12-31", PromotionState.Running)]
    [InlineData(PromotionStatus.Active, "2026-12-01", "2026-12-31", "2027-01-01", PromotionState.Finished)]
    [InlineData(PromotionStatus.Paused, "2026-12-01", "2026-12-31", "2026-11-30", PromotionState.Paused)]
    [InlineData(PromotionStatus.Paused, "2026-12-01", "2026-12-31", "2026-12-15", PromotionState.Paused)]
    [InlineData(PromotionStatus.Paused, "2026-12-01", "2026-12-31", "2027-01-01", PromotionState.Finished)]
    [InlineData(PromotionStatus.Active, "2026-12-01", null, "2099-01-01", PromotionState.Running)]
    public void The_list_state_is_derived_from_status_and_dates(PromotionStatus status, string from, string? to, string today, PromotionState expected) =>
        Assert.Equal(expected, PromotionRecord.State(status, DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to), DateOnly.Parse(today)));
}
