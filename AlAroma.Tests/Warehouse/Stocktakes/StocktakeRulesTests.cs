using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Features.Warehouse.Stocktakes;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Tests.Warehouse.Stocktakes;

/// <summary>The pure rules of a stocktake: the difference to post, its value, statuses, scope.</summary>
public class StocktakeRulesTests
{
    [Theory]
    [InlineData(7, 10, -3)]
    [InlineData(12, 10, 2)]
    [InlineData(0, 4, -4)]
    [InlineData(5, 5, 0)]
    public void The_adjustment_is_counted_minus_book_at_count(int counted, int book, int expected) =>
        Assert.Equal(expected, StocktakeRules.Adjustment(counted, book));

    [Fact]
    public void Sales_after_counting_do_not_change_the_difference_and_the_final_balance_is_count_minus_sold()
    {
        // Book 10 when counted, 7 on the shelf; then 2 sold: balance 8. Posting adds −3 to 8 → 5 = 7 − 2.
        var adjustment = StocktakeRules.Adjustment(7, 10);
        Assert.True(StocktakeRules.Applicable(8, adjustment));
        Assert.Equal(5, 8 + adjustment);
        // Counted 2, book 5, then 4 left the shop (impossible physically): the balance 1 cannot take −3.
        Assert.False(StocktakeRules.Applicable(1, StocktakeRules.Adjustment(2, 5)));
    }

    [Fact]
    public void The_value_is_at_cost_in_kopecks() => Assert.Equal(-1234.56m * 3, StocktakeRules.Value(-3, 1234.56m));

    [Fact]
    public void Statuses_follow_counting_review_posted()
    {
        var s = new Stocktake { Number = "ИН-2026-000001" };
        Assert.Throws<BusinessRuleException>(() => s.Submit(DateTime.UtcNow, "a", anythingCounted: false));
        Assert.Throws<BusinessRuleException>(() => s.Post(DateTime.UtcNow, "a"));
        s.Submit(DateTime.UtcNow, "a", anythingCounted: true);
        Assert.Equal(StocktakeStatus.Review, s.Status);
        Assert.Throws<BusinessRuleException>(() => s.EnsureCounting());
        s.Exclude(5, true);
        s.Exclude(5, true);
        Assert.Equal([5], s.ExcludedProductIds);
        s.Exclude(5, false);
        Assert.Empty(s.ExcludedProductIds);
        s.Post(DateTime.UtcNow, "m");
        Assert.Equal(StocktakeStatus.Posted, s.Status);
        Assert.Throws<BusinessRuleException>(() => s.Cancel());
        Assert.Throws<BusinessRuleException>(() => s.Reopen());
    }

    [Fact]
    public void A_partial_stocktake_covers_only_its_brands()
    {
        var s = new Stocktake { Scope = StocktakeScope.Brands, ScopeValues = ["Dior"] };
        Assert.True(s.Covers(new Product { Brand = "Dior" }));
        Assert.False(s.Covers(new Product { Brand = "Chanel" }));
        Assert.False(s.Covers(new Product { Brand = null }));
        Assert.True(new Stocktake().Covers(new Product()));
    }
}
