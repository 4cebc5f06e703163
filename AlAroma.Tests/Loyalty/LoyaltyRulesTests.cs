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
