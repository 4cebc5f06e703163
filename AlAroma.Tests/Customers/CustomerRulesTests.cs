using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Customers.Card;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Tests.Customers;

/// <summary>Pure rules of the CRM screens: level progress, consents, tags, what is left of each accrual.</summary>
public sealed class CustomerRulesTests
{
    private static readonly LoyaltyRules Rules = new();

    [Theory]
    [InlineData(0, LoyaltyLevel.Standard, LoyaltyLevel.Silver, 15_000, 0)]
    [InlineData(7_500, LoyaltyLevel.Standard, LoyaltyLevel.Silver, 7_500, 50)]
    [InlineData(14_999.01, LoyaltyLevel.Standard, LoyaltyLevel.Silver, 1, 99)]
    [InlineData(15_000, LoyaltyLevel.Silver, LoyaltyLevel.Gold, 35_000, 0)]
    [InlineData(37_600, LoyaltyLevel.Silver, LoyaltyLevel.Gold, 12_400, 64)]
    [InlineData(149_999, LoyaltyLevel.Gold, LoyaltyLevel.Platinum, 1, 99)]
    [InlineData(-500, LoyaltyLevel.Standard, LoyaltyLevel.Silver, 15_000, 0)]
    public void Progress_names_the_next_level_and_what_is_missing_in_whole_roubles(double spent, LoyaltyLevel level, LoyaltyLevel next, int missing, int percent)
    {
        var p = LevelProgress.Of(Rules, (decimal)spent);
        Assert.Equal(level, p.Level);
        Assert.Equal(next, p.Next);
        Assert.Equal(missing, p.Missing);
        Assert.Equal(percent, p.Percent);
    }

    [Fact]
    public void Progress_reads_like_the_screens_say_it_and_ends_at_platinum()
    {
        Assert.Equal("до Золота 12\u202F400\u00A0₽", LevelProgress.Of(Rules, 37_600m).Text);
        Assert.Equal("до Серебра 150\u00A0₽", LevelProgress.Of(Rules, 14_850m).Text);
        var top = LevelProgress.Of(Rules, 150_000m);
        Assert.Equal((LoyaltyLevel.Platinum, (LoyaltyLevel?)null, 0m, 100), (top.Level, top.Next, top.Missing, top.Percent));
        Assert.Equal("Высший уровень", top.Text);
        Assert.Equal("до Платины 1\u00A0₽", LevelProgress.Of(Rules with { PlatinumFrom = 100_000m }, 99_999m).Text);
        // A card above what its purchases earn (kept until the nightly run) counts towards the level above its own.
        Assert.Equal("Высший уровень", LevelProgress.Of(Rules, 0m, LoyaltyLevel.Platinum).Text);
        var gold = LevelProgress.Of(Rules, 1_000m, LoyaltyLevel.Gold);
        Assert.Equal((LoyaltyLevel.Gold, (LoyaltyLevel?)LoyaltyLevel.Platinum, 149_000m, 0), (gold.Level, gold.Next, gold.Missing, gold.Percent));
        Assert.Equal(LoyaltyLevel.Gold, LevelProgress.Of(Rules, 60_000m, LoyaltyLevel.Silver).Level); // the purchases earn more: they count
    }

    [Fact]
    public void A_consent_keeps_its_date_and_source_and_an_older_answer_does_not_undo_a_newer_one()
    {
        var c = new Customer();
        var day = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new Consent(ConsentChannel.Email, false, null, null), c.ConsentOf(ConsentChannel.Email));
        Assert.True(c.SetConsent(ConsentChannel.Telegram, true, ConsentSource.Bot, day));
        Assert.True(c.MarketingTelegram);
        Assert.False(c.SetConsent(ConsentChannel.Telegram, false, ConsentSource.Import, day.AddDays(-30)));
        Assert.Equal(new Consent(ConsentChannel.Telegram, true, day, ConsentSource.Bot), c.ConsentOf(ConsentChannel.Telegram));
        Assert.True(c.SetConsent(ConsentChannel.Telegram, false, ConsentSource.Manager, day.AddHours(1)));
        Assert.Equal(new Consent(ConsentChannel.Telegram, false, day.AddHours(1), ConsentSource.Manager), c.ConsentOf(ConsentChannel.Telegram));
        Assert.True(c.SetConsent(ConsentChannel.Sms, true, ConsentSource.Till, day));
        Assert.True(c.SetConsent(ConsentChannel.Email, true, ConsentSource.Import, day));
        Assert.True(c.MarketingSms && c.MarketingEmail);
        Assert.Equal((ConsentSource?)ConsentSource.Import, c.EmailConsentSource);
        Assert.Equal((ConsentSource?)ConsentSource.Till, c.SmsConsentSource);
    }

    [Fact]
    public void Tags_are_trimmed_deduplicated_and_limited()
    {
        Assert.Equal(["VIP", "опт"], Customer.ParseTags(" VIP, опт ;vip,, "));
        Assert.Empty(Customer.ParseTags(null));
        Assert.Throws<BusinessRuleException>(() => Customer.ParseTags(new string('я', 41)));
        Assert.Throws<BusinessRuleException>(() => Customer.ParseTags(string.Join(",", Enumerable.Range(0, 21))));
    }

    [Fact]
    public void What_is_left_of_each_accrual_follows_the_oldest_first_rule()
    {
        var t0 = new DateTime(2025, 1, 10, 0, 0, 0, DateTimeKind.Utc);
        PointsFifo.Entry[] ledger =
        [
            new(t0, 100, t0.AddMonths(12)),               // 0: accrual
            new(t0.AddMonths(3), 50, t0.AddMonths(15)),   // 1: accrual
            new(t0.AddMonths(4), -120, null),             // 2: spends all of 0 and 20 of 1
            new(t0.AddMonths(5), 30, t0.AddMonths(17)),   // 3: accrual
        ];
        var now = t0.AddMonths(16); // lot 1 (30 left) has expired, lot 3 lives
        var left = PointsFifo.Remaining(ledger, now);
        Assert.Equal([new PointsFifo.LotLeft(0, 0, 0, t0.AddMonths(12)), new PointsFifo.LotLeft(1, 0, 30, t0.AddMonths(15)), new PointsFifo.LotLeft(3, 30, 0, t0.AddMonths(17))], left);
        Assert.Equal(30, PointsFifo.ExpiredBy(ledger, now));
        // A debt (a reversal below zero) is repaid by the next accrual first.
        var debt = PointsFifo.Remaining([new(t0, -40, null), new(t0.AddDays(1), 100, t0.AddMonths(12))], t0.AddDays(2));
        Assert.Equal([new PointsFifo.LotLeft(1, 60, 0, t0.AddMonths(12))], debt);
    }
}
