using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Features.Warehouse;

namespace AlAroma.Tests.Warehouse;

/// <summary>The moving-average cost formula, computed by hand.</summary>
public class MovingAverageCostTests
{
    [Fact]
    public void Three_receipts_at_different_prices()
    {
        // 1) empty stock, 10 units at 100 ₽ → 100 ₽.
        var avg = MovingAverageCost.Next(onHand: 0, oldAverage: 0m, quantity: 10, unitPrice: 100m);
        Assert.Equal(100.00m, avg);
        // 2) 10 on hand at 100, 5 more at 130: (10·100 + 5·130) / 15 = 1650 / 15 = 110 ₽.
        avg = MovingAverageCost.Next(10, avg, 5, 130m);
        Assert.Equal(110.00m, avg);
        // 3) 5 sold meanwhile → 10 on hand at 110, 15 more at 90: (10·110 + 15·90) / 25 = 2450 / 25 = 98 ₽.
        avg = MovingAverageCost.Next(10, avg, 15, 90m);
        Assert.Equal(98.00m, avg);
    }

    [Fact]
    public void Rounds_to_kopecks_half_away_from_zero()
    {
        // (1·10 + 2·10.01) / 3 = 30.02 / 3 = 10.00666… → 10.01 ₽.
        Assert.Equal(10.01m, MovingAverageCost.Next(1, 10m, 2, 10.01m));
        // (1·0.01 + 1·0) / 2 = 0.005 → 0.01 ₽ (away from zero).
        Assert.Equal(0.01m, MovingAverageCost.Next(1, 0.01m, 1, 0m));
    }

    [Fact]
    public void Several_lines_of_one_product_count_as_their_total_cost()
    {
        // 4 on hand at 50; lines 2 × 80 and 4 × 65 → (200 + 160 + 260) / 10 = 62 ₽.
        Assert.Equal(62.00m, MovingAverageCost.NextForTotal(4, 50m, 6, 2 * 80m + 4 * 65m));
    }

    [Fact]
    public void Ignores_a_negative_stock_and_refuses_zero_quantity()
    {
        Assert.Equal(70m, MovingAverageCost.Next(-3, 999m, 2, 70m));
        Assert.Throws<ArgumentOutOfRangeException>(() => MovingAverageCost.Next(5, 10m, 0, 10m));
    }
}
