using System.Globalization;
using System.Text.RegularExpressions;

namespace AlAroma.Web.Features.Locations;

/// <summary>
/// A shop's coordinates as the admin pastes them from a map: "55.7636, 37.6062" (Yandex and Google Maps copy latitude
/// first), also with decimal commas ("55,7636 37,6062") or a semicolon between. Degrees, WGS 84.
/// </summary>
public static partial class Coordinates
{
    [GeneratedRegex(@"^\s*(-?\d{1,3}(?:[.,]\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:[.,]\d+)?)\s*$")]
    private static partial Regex Pair();

    /// <summary>Reads "latitude, longitude"; empty text = no coordinates.</summary>
    /// <returns>The point (null for empty text), or a Russian error saying how to write it.</returns>
    public static (double? Latitude, double? Longitude, string? Error) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null, null);
        var m = Pair().Match(text);
        if (!m.Success) return (null, null, "Координаты — широта и долгота через запятую, как их копирует карта: 55.7636, 37.6062.");
        var lat = double.Parse(m.Groups[1].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        var lon = double.Parse(m.Groups[2].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        if (lat is < -90 or > 90 || lon is < -180 or > 180)
            return (null, null, "Широта — от −90 до 90, долгота — от −180 до 180. Проверьте порядок: сначала широта (для Москвы 55.75), потом долгота (37.62).");
        return (lat, lon, null);
    }

    /// <summary>"55.7636, 37.6062", or empty without coordinates.</summary>
    public static string Format(double? latitude, double? longitude) =>
        latitude is { } lat && longitude is { } lon ? string.Create(CultureInfo.InvariantCulture, $"{lat:0.######}, {lon:0.######}") : "";
}
