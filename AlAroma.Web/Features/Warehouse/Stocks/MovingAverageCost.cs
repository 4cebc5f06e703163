using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Warehouse.Stocks;

/// <summary>
/// Moving-average purchase cost (DOMAIN.md: posting a goods receipt updates it). Pure arithmetic, no database:
/// newAvg = (onHand × oldAvg + qty × price) / (onHand + qty), rounded to kopecks.
/// </summary>
public static class MovingAverageCost
{
    /// <summary>The average cost after receiving <paramref name="quantity"/> units at <paramref name="unitPrice"/>.</summary>
    /// <param name="onHand">Units on hand at all locations before the receipt (negative is treated as 0).</param>
    /// <param name="oldAverage">Average cost before the receipt, ₽ per unit.</param>
    /// <param name="quantity">Units received (&gt; 0).</param>
    /// <param name="unitPrice">Purchase price, ₽ per unit.</param>
    /// <returns>New average cost, ₽ per unit, rounded to kopecks.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Quantity ≤ 0.</exception>
    public static decimal Next(int onHand, decimal oldAverage, int quantity, decimal unitPrice) =>
        NextForTotal(onHand, oldAverage, quantity, quantity * unitPrice);

    /// <summary>
    /// The average cost after receiving <paramref name="quantity"/> units that cost <paramref name="totalCost"/>
    /// together (several lines of one product in one receipt, possibly at different prices).
    /// </summary>
    /// <param name="onHand">Units on hand at all locations before the receipt (negative is treated as 0).</param>
    /// <param name="oldAverage">Average cost before the receipt, ₽ per unit.</param>
    /// <param name="quantity">Units received (&gt; 0).</param>
    /// <param name="totalCost">Σ quantity × purchase price of the received units, ₽.</param>
    /// <returns>New average cost, ₽ per unit, rounded to kopecks.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Quantity ≤ 0.</exception>
    public static decimal NextForTotal(int onHand, decimal oldAverage, int quantity, decimal totalCost)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var stock = Math.Max(onHand, 0);
        return Money.Round((stock * oldAverage + totalCost) / (stock + quantity));
    }
}
