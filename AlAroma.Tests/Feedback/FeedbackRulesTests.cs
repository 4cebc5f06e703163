using AlAroma.Web.Features.Feedback;
using AlAroma.Web.Infrastructure;
using Entity = AlAroma.Web.Features.Feedback.Feedback;

namespace AlAroma.Tests.Feedback;

/// <summary>Pure rules of «Отзывы и обращения»: NPS on the 1–10 scale and what a customer may send.</summary>
public sealed class FeedbackRulesTests
{
    [Theory]
    [InlineData(6, false, true)]   // the highest detractor
    [InlineData(7, false, false)]  // passives: 7 and 8
    [InlineData(8, false, false)]
    [InlineData(9, true, false)]   // the lowest promoter
    [InlineData(1, false, true)]
    [InlineData(10, true, false)]
    public void Promoters_rate_9_and_10_detractors_1_to_6(int rating, bool promoter, bool detractor)
    {
        Assert.Equal(promoter, Nps.IsPromoter(rating));
        Assert.Equal(detractor, Nps.IsDetractor(rating));
        var one = Nps.Of([rating]);
        Assert.Equal(promoter ? 100 : detractor ? -100 : 0, one.Score);
    }

    [Fact]
    public void Nps_is_the_share_of_promoters_minus_the_share_of_detractors_in_whole_points()
    {
        // 3 promoters (10, 9, 10), 2 passives (8, 7), 2 detractors (6, 1) of 7: (3 − 2) / 7 = 14.29 % → +14.
        var f = Nps.Of([10, 9, 8, 7, 6, 1, 10]);
        Assert.Equal(new Nps.Figures(7, 7.3m, 3, 2, 14), f);
        // Half a point rounds away from zero: 1 promoter, 3 detractors of 8 → −25; 1 of 8 → +12.5 → +13.
        Assert.Equal(-25, Nps.Of([9, 1, 2, 3, 7, 7, 8, 8]).Score);
        Assert.Equal(13, Nps.Of([9, 7, 7, 7, 7, 8, 8, 8]).Score);
        Assert.Equal(-100, Nps.Of([6, 6, 1]).Score);
    }

    [Fact]
    public void An_empty_month_has_no_average_and_no_score_rather_than_zero()
    {
        Assert.Equal(new Nps.Figures(0, null, 0, 0, null), Nps.Of([]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void A_rating_outside_1_to_10_is_not_counted_silently(int rating) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Nps.Of([5, rating]));

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(11)]
    public void A_review_needs_a_rating_from_1_to_10(int? rating)
    {
        var e = Assert.Throws<BusinessRuleException>(() => Entity.Create(1, FeedbackKind.Review, rating, "Хорошо", FeedbackSource.Bot, DateTime.UtcNow));
        Assert.Equal("Поставьте оценку от 1 до 10.", e.Message);
    }

    [Fact]
    public void A_review_may_come_without_text_an_idea_may_not_and_carries_no_rating()
    {
        var review = Entity.Create(1, FeedbackKind.Review, 10, "  \u0000 ", FeedbackSource.Bot, DateTime.UtcNow);
        Assert.Equal(("", FeedbackStatus.New), (review.Text, review.Status));
        Assert.Throws<BusinessRuleException>(() => Entity.Create(1, FeedbackKind.Idea, null, " ", FeedbackSource.Bot, DateTime.UtcNow));
        Assert.Throws<BusinessRuleException>(() => Entity.Create(1, FeedbackKind.Message, 5, "Позвоните мне", FeedbackSource.Bot, DateTime.UtcNow));
    }

    [Fact]
    public void Text_of_4000_characters_passes_and_4001_is_refused_with_the_length()
    {
        Assert.Equal(4000, Entity.Create(1, FeedbackKind.Idea, null, new string('а', 4000), FeedbackSource.Bot, DateTime.UtcNow).Text.Length);
        var e = Assert.Throws<BusinessRuleException>(() => Entity.Create(1, FeedbackKind.Idea, null, new string('а', 4001), FeedbackSource.Bot, DateTime.UtcNow));
        Assert.Contains("4001", e.Message);
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(7, false)]
    public void A_review_rated_6_or_lower_is_low(int rating, bool low) =>
        Assert.Equal(low, Entity.Create(1, FeedbackKind.Review, rating, "", FeedbackSource.Bot, DateTime.UtcNow).IsLowRating);

    [Fact]
    public void The_reply_in_telegram_escapes_the_text_and_says_what_it_answers()
    {
        var f = Entity.Create(1, FeedbackKind.Idea, null, "Идея", FeedbackSource.Bot, new DateTime(2026, 12, 1, 22, 30, 0, DateTimeKind.Utc));
        // 22:30 UTC is already 2 December in Moscow.
        Assert.Equal("<b>Al Aroma: ответ на вашу идею от 02.12.2026</b>\n\nСпасибо! &lt;b&gt; &amp; 5 &gt; 3", ReplyToFeedback.Html(f, "Спасибо! <b> & 5 > 3", "Europe/Moscow"));
    }
}
