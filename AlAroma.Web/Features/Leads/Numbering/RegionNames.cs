using System.Text;

namespace AlAroma.Web.Features.Leads.Numbering;

/// <summary>
/// A region as a supplier's file or libphonenumber's geocoder writes it ("Москва", "г. Санкт-Петербург",
/// "Новосибирская обл.", "Республика Татарстан", "moscow") to the numbering plan's region slug. Matching ignores case, ё/е,
/// punctuation and the words город/г./область/обл./край/республика/респ./автономный округ/АО, so the common spellings meet.
/// </summary>
public static class RegionNames
{
    private static readonly Lazy<Dictionary<string, string>> BySlugOrName = new(() =>
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (slug, name, _) in RussianNumberingPlan.Default.Regions)
        {
            map.TryAdd(Key(name), slug);
            map.TryAdd(Key(slug.Replace('-', ' ')), slug);
        }
        return map;
    });

    private static readonly Lazy<Dictionary<string, (string Name, string TimeZoneId)>> Regions = new(() =>
        RussianNumberingPlan.Default.Regions.ToDictionary(r => r.Slug, r => (r.Name, r.TimeZoneId)));

    private static readonly string[] Noise =
        ["город", "г", "область", "обл", "край", "республика", "респ", "автономный", "округ", "ао", "автономная", "федерального", "значения",
         "oblast", "krai", "republic", "of", "city", "kray", "okrug"];

    /// <summary>The slug of the region the text names, or null when it names none (or is empty).</summary>
    public static string? Match(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var key = Key(text);
        return key.Length == 0 ? null : BySlugOrName.Value.GetValueOrDefault(key);
    }

    /// <summary>The IANA zone of a region slug, or null for an unknown slug.</summary>
    public static string? TimeZoneOf(string slug) => Regions.Value.TryGetValue(slug, out var r) ? r.TimeZoneId : null;

    /// <summary>The Russian name of a region slug ("город Москва"), or the slug itself when unknown.</summary>
    public static string NameOf(string? slug) => slug is null ? "" : Regions.Value.TryGetValue(slug, out var r) ? r.Name : slug;

    /// <summary>Every region (slug, Russian name), by name, for the filters and the project form.</summary>
    public static IReadOnlyList<(string Slug, string Name)> All() =>
        RussianNumberingPlan.Default.Regions.Select(r => (r.Slug, r.Name)).OrderBy(r => r.Name, StringComparer.Create(new System.Globalization.CultureInfo("ru-RU"), true)).ToList();

    // Lower case, ё → е, letters and digits only, the noise words dropped, the rest joined by single spaces.
    private static string Key(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Replace('ё', 'е')) sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Noise.Contains(w)));
    }
}
