using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Promotions.Engine;

/// <summary>Integer kopecks arithmetic of the engine (exact sums, no drift).</summary>
internal static class Kopecks
{
    public static long From(decimal rubles) => (long)(Money.Round(rubles) * 100m);

    public static decimal ToRubles(long kopecks) => kopecks / 100m;

    /// <summary><paramref name="percent"/> % of <paramref name="kopecks"/>, rounded to a kopeck away from zero.</summary>
    public static long Percent(long kopecks, decimal percent) => From(ToRubles(kopecks) * percent / 100m);

    /// <summary>
    /// Splits <paramref name="total"/> kopecks over items in proportion to <paramref name="weights"/>
    /// (largest remainder: each gets the floor of its exact share, the kopecks left go one each to the largest
    /// fractional parts, ties to the lower index). The shares sum to <paramref name="total"/> exactly, and when
    /// 0 ≤ total ≤ Σweights each share lies in [0, weight].
    /// </summary>
    public static long[] Spread(long total, IReadOnlyList<long> weights)
    {
        var shares = new long[weights.Count];
        if (total == 0 || weights.Count == 0) return shares;
        Int128 sum = 0;
        foreach (var w in weights) sum += w;
        if (sum <= 0) throw new InvalidOperationException("Cannot spread a discount over items that cost nothing.");
        var remainders = new Int128[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = (Int128)total * weights[i];
            shares[i] = (long)(exact / sum);
            remainders[i] = exact % sum;
            given += shares[i];
        }
        var order = Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        for (var k = 0; given < total; k++, given++) shares[order[k]]++;
        return shares;
    }
}
