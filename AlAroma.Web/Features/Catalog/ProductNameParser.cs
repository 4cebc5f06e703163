using System.Globalization;
using System.Text.RegularExpressions;

namespace AlAroma.Web.Features.Catalog;

/// <summary>
/// Reads what a product name says about the bottle: the concentration ("Tihota Eau de Parfum" → EDP,
/// "туалетная вода" → EDT) and the volume ("100 ml", "50 мл", "3.4 oz"). Used by the import when the file has
/// no such columns, and for the values of those columns when it has them.
/// </summary>
public static partial class ProductNameParser
{
    /// <summary>Category given to imported products whose file has no category.</summary>
    public const string DefaultCategory = "Парфюмерия";

    /// <summary>Millilitres in one US fluid ounce.</summary>
    public const decimal MlPerOunce = 29.5735m;

    // Longest and most specific first: "Eau de Parfum" must win over "Parfum", "Extrait de Parfum" over "Eau de…".
    private static readonly (Regex Pattern, Concentration Value)[] Concentrations =
    [
        (Rx(@"extrait\s+de\s+parfum|parfum\s+extrait"), Concentration.Parfum),
        (Rx(@"eau\s+de\s+parfum|\bedp\b|парфюмерная\s+вода|парфюмированная\s+вода"), Concentration.EauDeParfum),
        (Rx(@"eau\s+de\s+toilette|\bedt\b|туалетная\s+вода"), Concentration.EauDeToilette),
        (Rx(@"eau\s+de\s+cologne|\bedc\b|\bcologne\b|одеколон"), Concentration.EauDeCologne),
        (Rx(@"body\s+mist|body\s+spray|мист\s+для\s+тела|спрей\s+для\s+тела|дымка\s+для\s+тела"), Concentration.BodyMist),
        (Rx(@"\bparfum\b|\bextrait\b|\bperfume\b|\bдухи\b"), Concentration.Parfum),
    ];

    private static Regex Rx(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    [GeneratedRegex(@"(?<n>\d+(?:[.,]\d+)?)\s*(?<u>ml|мл|fl\.?\s*oz|oz)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VolumePattern();

    /// <summary>The concentration named in <paramref name="text"/>, or null when it names none.</summary>
    public static Concentration? ConcentrationOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        foreach (var (pattern, value) in Concentrations)
            if (pattern.IsMatch(text)) return value;
        return null;
    }

    /// <summary>
    /// The bottle volume in millilitres named in <paramref name="text"/> ("100 ml", "100ml", "50 мл", "3.4 oz"), or null.
    /// Ounces are converted at 29.5735 ml and rounded to the nearest 5 ml, the size printed on bottles
    /// (3.4 oz → 100 ml, 1.7 oz → 50 ml, 1 oz → 30 ml); below 5 ml to whole millilitres.
    /// </summary>
    public static int? VolumeOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var m = VolumePattern().Match(text);
        if (!m.Success) return null;
        var n = decimal.Parse(m.Groups["n"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        if (!m.Groups["u"].Value.EndsWith("oz", StringComparison.OrdinalIgnoreCase))
            return n is > 0 and <= 100_000 ? (int)Math.Round(n, MidpointRounding.AwayFromZero) : null;
        var ml = n * MlPerOunce;
        var rounded = ml < 5 ? Math.Round(ml, MidpointRounding.AwayFromZero) : Math.Round(ml / 5, MidpointRounding.AwayFromZero) * 5;
        return rounded is > 0 and <= 100_000 ? (int)rounded : null;
    }

    /// <summary>
    /// A volume typed in a column: a bare number is millilitres ("100", "100,0"), otherwise as <see cref="VolumeOf"/>.
    /// Null when it is not a volume.
    /// </summary>
    public static int? VolumeCell(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().Replace(',', '.');
        if (decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var n))
            return n is > 0 and <= 100_000 ? (int)Math.Round(n, MidpointRounding.AwayFromZero) : null;
        return VolumeOf(text);
    }

    /// <summary>
    /// Gender from a column value: "женский", "жен", "Ж", "female", "women", "pour femme" → Female; "мужской", "муж", "М",
    /// "male", "men", "pour homme" → Male; "унисекс", "unisex", "U" → Unisex. Null when not recognised.
    /// </summary>
    public static Gender? GenderOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().ToLowerInvariant();
        return t switch
        {
            "ж" or "жен" or "жен." or "женский" or "женская" or "для женщин" or "f" or "w" or "female" or "women" or "woman" or "pour femme" or "femme" => Gender.Female,
            "м" or "муж" or "муж." or "мужской" or "мужская" or "для мужчин" or "m" or "male" or "men" or "man" or "pour homme" or "homme" => Gender.Male,
            "у" or "унисекс" or "u" or "unisex" or "uni" => Gender.Unisex,
            _ => null,
        };
    }
}
