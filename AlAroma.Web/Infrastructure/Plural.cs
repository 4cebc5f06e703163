namespace AlAroma.Web.Infrastructure;

/// <summary>Russian plural forms of a noun after a number ("1 товар", "2 товара", "5 товаров", "21 товар", "11 товаров").</summary>
public static class Plural
{
    /// <summary>The form of the noun for <paramref name="n"/>: <paramref name="one"/> (1, 21), <paramref name="few"/> (2–4, 22–24), else <paramref name="many"/>.</summary>
    public static string Of(long n, string one, string few, string many)
    {
        var abs = Math.Abs(n);
        if (abs % 100 is >= 11 and <= 14) return many;
        return (abs % 10) switch { 1 => one, 2 or 3 or 4 => few, _ => many };
    }
}
