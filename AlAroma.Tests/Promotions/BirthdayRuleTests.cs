using AlAroma.Web.Features.Promotions.Engine;

namespace AlAroma.Tests.Promotions;

public class BirthdayRuleTests
{
    private static readonly BirthdayPromotion Promo = new(1, "День рождения");

    private static bool Gets(string birthday, string today, string recordedOn = "2020-01-01", bool used = false) =>
        BirthdayRule.Qualifies(new PricingCustomer(DateOnly.Parse(birthday), DateOnly.Parse(recordedOn), used), Promo, DateOnly.Parse(today));

    [Theory]
    [InlineData("2025-06-12", true)]  // −3
    [InlineData("2025-06-15", true)]  // the day
    [InlineData("2025-06-18", true)]  // +3
    [InlineData("2025-06-11", false)] // −4
    [InlineData("2025-06-19", false)] // +4
    public void Window_is_three_days_either_side(string today, bool expected) =>
        Assert.Equal(expected, Gets("1990-06-15", today));

    [Theory]
    [InlineData("2025-12-28", true)]
    [InlineData("2025-12-31", true)]
    [InlineData("2026-01-03", true)]  // +3 across the new year
    [InlineData("2026-01-04", false)] // +4
    [InlineData("2025-12-27", false)] // −4
    public void Birthday_on_31_december_wraps_into_january(string today, bool expected) =>
        Assert.Equal(expected, Gets("1985-12-31", today));

    [Theory]
    [InlineData("2024-12-29", true)]  // −3 across the new year
    [InlineData("2024-12-28", false)] // −4
    [InlineData("2025-01-04", true)]
    [InlineData("2025-01-05", false)]
    public void Birthday_on_1_january_starts_in_december(string today, bool expected) =>
        Assert.Equal(expected, Gets("2000-01-01", today));

    [Theory]
    [InlineData("2025-02-25", true)]  // 28 Feb − 3 in a non-leap year
    [InlineData("2025-02-24", false)]
    [InlineData("2025-03-03", true)]  // 28 Feb + 3
    [InlineData("2025-03-04", false)]
    [InlineData("2024-02-26", true)]  // 29 Feb − 3 in a leap year
    [InlineData("2024-02-25", false)]
    [InlineData("2024-03-03", true)]  // 29 Feb + 3
    [InlineData("2024-03-04", false)]
    public void Birthday_on_29_february_is_28_february_in_non_leap_years(string today, bool expected) =>
        Assert.Equal(expected, Gets("1996-02-29", today));

    [Fact]
    public void Celebration_of_29_february() =>
        Assert.Equal((new DateOnly(2025, 2, 28), new DateOnly(2028, 2, 29)),
            (BirthdayRule.Celebration(new DateOnly(1996, 2, 29), 2025), BirthdayRule.Celebration(new DateOnly(1996, 2, 29), 2028)));

    [Theory]
    [InlineData("2025-05-17", false)] // on file 29 days
    [InlineData("2025-05-16", true)]  // on file 30 days
    public void Birthday_must_be_on_file_for_30_days(string recordedOn, bool expected) =>
        Assert.Equal(expected, Gets("1990-06-15", "2025-06-15", recordedOn));

    [Fact]
    public void Once_a_year_and_only_with_a_known_birthday()
    {
        Assert.False(Gets("1990-06-15", "2025-06-15", used: true));
        Assert.False(BirthdayRule.Qualifies(new PricingCustomer(null, new DateOnly(2020, 1, 1)), Promo, new DateOnly(2025, 6, 15)));
        Assert.False(BirthdayRule.Qualifies(new PricingCustomer(new DateOnly(1990, 6, 15), null), Promo, new DateOnly(2025, 6, 15)));
        Assert.False(BirthdayRule.Qualifies(null, Promo, new DateOnly(2025, 6, 15)));
    }

    [Fact]
    public void Engine_gives_the_birthday_discount_only_inside_the_window()
    {
        var lines = new List<CartLine> { Kit.Line("a", 1, 1000m) };
        var customer = new PricingCustomer(new DateOnly(1990, 6, 15), new DateOnly(2020, 1, 1));
        PricingResult On(string day) => PricingEngine.Price(new PricingRequest(lines, [Promo], DateOnly.Parse(day), Kit.Shop, customer));
        Assert.Equal(100m, On("2025-06-18").DiscountTotal);
        Assert.Equal(0m, On("2025-06-19").DiscountTotal);
        Assert.Equal("День рождения", On("2025-06-12").Lines[0].Applied.Single().Name);
    }
}
