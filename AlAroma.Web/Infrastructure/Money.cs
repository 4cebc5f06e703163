using System.Globalization;

namespace AlAroma.Web.Infrastructure;

/// <summary>
/// Rubles with kopecks (DOMAIN.md: decimal, numeric(14,2), MidpointRounding.AwayFromZero).
/// </summary>
public static class Money
{
    /// <summary>The culture every screen, receipt and report formats with.</summary>
    public static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>Rounds ₽ to whole kopecks, halves away from zero (0,005 → 0,01).</summary>
    public static decimal Round(decimal rubles) => Math.Round(rubles, 2, MidpointRounding.AwayFromZero);

    /// <summary>"1 990,00 ₽" with a narrow no-break space as the thousands separator (SCREENS.md).</summary>
    public static string Format(decimal rubles) =>
        Round(rubles).ToString("#,##0.00", Ru).Replace('\u00A0', '\u202F').Replace(' ', '\u202F') + "\u00A0₽";

    /// <summary>Parses what a person types: "1 990,50", "1990.5", "1990" → 1990.50 ₽. Null when it is not a number.</summary>
    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Replace("₽", "").Replace("\u00A0", "").Replace("\u202F", "").Replace(" ", "").Replace(',', '.').Trim();
        return decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? Round(v) : null;
    }
}
