using AlAroma.Web.Features.Loyalty;

namespace AlAroma.Tests.Loyalty;

public sealed class LoyaltyRulesTests
{
    private readonly LoyaltyRules _rules = new();

    [Theory]
    [InlineData(0, LoyaltyLevel.Standard)]
    [InlineData(14_999.99, LoyaltyLevel.Standard)]
    [InlineData(15_000, LoyaltyLevel.Silver)]
    [InlineData(49_999.99, LoyaltyLevel.Silver)]
    [InlineData(50_000, LoyaltyLevel.Gold)]
    [InlineData(150_000, LoyaltyLevel.Platinum)]
    public void Levels_start_at_their_thresholds(decimal spent, LoyaltyLevel level) => Assert.Equal(level, _rules.LevelFor(spent));

    [Theory]
    [InlineData(99.99, LoyaltyLevel.Gold, 0)]
    [InlineData(100, LoyaltyLevel.Standard, 1)]
    [InlineData(1_999.99, LoyaltyLevel.Silver, 57)]   // 19 whole hundreds × 3
    [InlineData(2_000, LoyaltyLevel.Gold, 100)]
    [InlineData(12_345, LoyaltyLevel.Platinum, 861)] // 123 × 7
    [InlineData(0, LoyaltyLevel.Platinum, 0)]
    public void Accrual_is_per_whole_hundred_paid_with_money(decimal paid, LoyaltyLevel level, int points) =>
        Assert.Equal(points, _rules.Accrual(paid, level));

    [Theory]
    [InlineData(10_000, 5_000, 3_000)] // 30 % cap
    [InlineData(10_000, 1_200, 1_200)] // balance cap
    [InlineData(999, 5_000, 299)]      // rounded down to whole ₽
    [InlineData(10_000, -50, 0)]       // negative balance after a return: redemption blocked
    [InlineData(0, 100, 0)]
    public void Redemption_is_capped_by_30_percent_and_the_balance(decimal total, int balance, int max) =>
        Assert.Equal(max, _rules.MaxRedeemable(total, balance));
}

/// <summary>Edges the first tests left open (mutation testing showed them): the platinum threshold, every level's rate, negative amounts and the labels a cashier reads.</summary>
public sealed class LoyaltyRulesEdgeTests
{
    private readonly LoyaltyRules _rules = new();

    [Theory]
    [InlineData(149_999.99, LoyaltyLevel.Gold)]
    [InlineData(1_000_000, LoyaltyLevel.Platinum)]
    [InlineData(-500, LoyaltyLevel.Standard)] // more returned than bought
    public void Levels_just_below_and_far_above_a_threshold(decimal spent, LoyaltyLevel level) => Assert.Equal(level, _rules.LevelFor(spent));

    [Theory]
    [InlineData(LoyaltyLevel.Standard, 1)]
    [InlineData(LoyaltyLevel.Silver, 3)]
    [InlineData(LoyaltyLevel.Gold, 5)]
    [InlineData(LoyaltyLevel.Platinum, 7)]
    public void Each_level_earns_its_own_rate(LoyaltyLevel level, int rate)
    {
        Assert.Equal(rate, _rules.RatePer100(level));
        Assert.Equal(10 * rate, _rules.Accrual(1_000, level));
    }

    [Fact]
    public void A_configured_programme_uses_its_own_thresholds_rates_and_share()
    {
        var rules = new LoyaltyRules(SilverFrom: 100, GoldFrom: 200, PlatinumFrom: 300,
            StandardPointsPer100: 2, SilverPointsPer100: 4, GoldPointsPer100: 6, PlatinumPointsPer100: 8, MaxRedeemShare: 0.5m);
        Assert.Equal(LoyaltyLevel.Silver, rules.LevelFor(100));
        Assert.Equal(LoyaltyLevel.Gold, rules.LevelFor(250));
        Assert.Equal(LoyaltyLevel.Platinum, rules.LevelFor(300));
        Assert.Equal(8, rules.Accrual(100, LoyaltyLevel.Platinum));
        Assert.Equal(2, rules.Accrual(100, LoyaltyLevel.Standard));
        Assert.Equal(500, rules.MaxRedeemable(1_000, 10_000));
    }

    [Theory]
    [InlineData(-1_000)]
    [InlineData(-0.01)]
    public void A_negative_amount_earns_nothing_rather_than_taking_points(decimal paid) =>
        Assert.Equal(0, _rules.Accrual(paid, LoyaltyLevel.Platinum));

    [Theory]
    [InlineData(-1_000, 500)]
    [InlineData(100, 0)]
    public void Nothing_is_redeemable_on_a_negative_receipt_or_an_empty_balance(decimal total, int balance) =>
        Assert.Equal(0, _rules.MaxRedeemable(total, balance));

    [Fact]
    public void Redeeming_exactly_the_balance_is_allowed() => Assert.Equal(3_000, _rules.MaxRedeemable(10_000, 3_000));

    [Theory]
    [InlineData(LoyaltyLevel.Standard, "Стандарт")]
    [InlineData(LoyaltyLevel.Silver, "Серебряный")]
    [InlineData(LoyaltyLevel.Gold, "Золотой")]
    [InlineData(LoyaltyLevel.Platinum, "Платиновый")]
    public void Levels_have_russian_labels(LoyaltyLevel level, string label) => Assert.Equal(label, LoyaltyRules.Label(level));
}
