using System.Text.Json;

namespace AlAroma.Web.Features.Leads.Numbering;

/// <summary>Where a Russian mobile number is registered, by the official numbering plan.</summary>
/// <param name="RegionSlug">The first region of the range ("moscow", "novosibirsk-oblast").</param>
/// <param name="RegionName">Its Russian name ("город Москва").</param>
/// <param name="TimeZoneId">Its IANA time zone ("Asia/Novosibirsk"): the calling hours of a lead are local to it. Null for a
/// range the registry gives to all of Russia (<see cref="RussianNumberingPlan.AllRussia"/>): the number may be anywhere.</param>
/// <param name="Operator">The operator's name (ПАО "МегаФон"), or null when the registry names none.</param>
/// <param name="RegionSlugs">Every region the range serves (a range can serve a city and its oblast), first = <paramref name="RegionSlug"/>.</param>
public sealed record NumberRegion(string RegionSlug, string RegionName, string? TimeZoneId, string? Operator, IReadOnlyList<string> RegionSlugs);

/// <summary>
/// The Russian mobile numbering plan (DEF codes +7 9xx): the region, time zone and operator of a number, looked up by
/// binary search over the registry's ranges (16 498 ranges in 83 codes), in memory, without allocating beyond the
/// result. libphonenumber cannot do this: its geocoder has nothing for +7 9xx.
/// Source: «Российская система и план нумерации» of the Ministry of Digital Development (open data, DEF-9xx.csv),
/// compiled by DimmKG/ru-phone-base (MIT; see <c>Numbering/Data/README.md</c> and <c>LICENSE</c> there).
/// Immutable and thread-safe; <see cref="Default"/> is loaded once from the app's embedded data.
/// </summary>
public sealed class RussianNumberingPlan
{
    private const int FirstCode = 900;

    /// <summary>The registry's "region" of ranges assigned for the whole country (federal numbers).</summary>
    public const string AllRussia = "all-russia";

    // Per DEF code (index code − 900): the ranges sorted by start, as parallel arrays (compact, cache-friendly).
    private readonly Ranges?[] codes = new Ranges?[100];
    private readonly NumberRegion?[] regionSets;

    private sealed record Ranges(int[] From, int[] To, int[] Region, int[] Operator);

    private static readonly Lazy<RussianNumberingPlan> Embedded = new(() =>
    {
        var asm = typeof(RussianNumberingPlan).Assembly;
        Stream Open(string name) => asm.GetManifestResourceStream("AlAroma.Web.numbering." + name)
            ?? throw new InvalidOperationException($"The numbering plan file {name} is not embedded in the app.");
        using var mobile = Open("mobile.json");
        using var regions = Open("regions.json");
        using var zones = Open("timezones.json");
        using var operators = Open("operators-mobile.json");
        return Load(mobile, regions, zones, operators);
    });

    /// <summary>The plan embedded in the app (loaded on first use).</summary>
    public static RussianNumberingPlan Default => Embedded.Value;

    /// <summary>Number of ranges loaded.</summary>
    public int RangeCount { get; }

    /// <summary>Every region of the registry by slug: its Russian name and IANA time zone, in the registry's order.</summary>
    public IReadOnlyList<(string Slug, string Name, string TimeZoneId)> Regions { get; }

    private RussianNumberingPlan(NumberRegion?[] regionSets, Dictionary<int, List<(int From, int To, int Region, int Operator)>> byCode, string?[] operatorNames,
        IReadOnlyList<(string, string, string)> regions)
    {
        this.regionSets = regionSets;
        Regions = regions;
        operatorsByIndex = operatorNames;
        foreach (var (code, list) in byCode)
        {
            list.Sort((a, b) => a.From.CompareTo(b.From));
            codes[code - FirstCode] = new Ranges(list.Select(r => r.From).ToArray(), list.Select(r => r.To).ToArray(),
                list.Select(r => r.Region).ToArray(), list.Select(r => r.Operator).ToArray());
            RangeCount += list.Count;
        }
    }

    private readonly string?[] operatorsByIndex;

    /// <summary>Reads the four files of the compiled registry (shapes in <c>Numbering/Data/README.md</c>).</summary>
    /// <exception cref="InvalidDataException">A file does not have the expected shape, or a region (other than <see cref="AllRussia"/>) has no time zone.</exception>
    public static RussianNumberingPlan Load(Stream mobile, Stream regions, Stream timeZones, Stream operators)
    {
        var regionRows = JsonSerializer.Deserialize<List<RegionRow>>(regions, Json) ?? throw new InvalidDataException("regions.json is empty.");
        var names = regionRows.ToDictionary(r => r.Slug, r => r.Name);
        // A region spanning several zones (Sakha) has {"default", "byDistrict"}; mobile ranges name no district, so the default.
        var zones = (JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(timeZones) ?? throw new InvalidDataException("timezones.json is empty."))
            .ToDictionary(z => z.Key, z => z.Value.ValueKind == JsonValueKind.Object ? z.Value.GetProperty("default").GetString()! : z.Value.GetString()!);
        var operatorNames = JsonSerializer.Deserialize<Dictionary<string, string>>(operators) ?? throw new InvalidDataException("operators-mobile.json is empty.");
        using var doc = JsonDocument.Parse(mobile);
        var root = doc.RootElement;
        var inns = root.GetProperty("o").EnumerateArray().Select(e => e.GetString()).ToArray();
        var sets = root.GetProperty("r").EnumerateArray().Select(set =>
        {
            var slugs = set.EnumerateArray().Select(s => s.GetString()!).ToArray();
            if (slugs.Length == 0) return null;
            var first = slugs[0];
            if (first == AllRussia) return new NumberRegion(first, "вся Россия", null, null, slugs);
            if (!zones.TryGetValue(first, out var zone)) throw new InvalidDataException($"The region «{first}» has no time zone in timezones.json.");
            return new NumberRegion(first, names.GetValueOrDefault(first, first), zone, null, slugs);
        }).ToArray();
        var byCode = new Dictionary<int, List<(int, int, int, int)>>();
        foreach (var code in root.GetProperty("c").EnumerateObject())
        {
            if (!int.TryParse(code.Name, out var def) || def is < FirstCode or > 999) throw new InvalidDataException($"«{code.Name}» is not a DEF code 9xx.");
            var list = byCode[def] = [];
            foreach (var row in code.Value.EnumerateArray())
                list.Add((row[0].GetInt32(), row[1].GetInt32(), row[3].GetInt32(), row[2].GetInt32()));
        }
        var operatorByIndex = inns.Select(inn => inn is not null && operatorNames.TryGetValue(inn, out var n) ? n : null).ToArray();
        var regionList = regionRows.Where(r => zones.ContainsKey(r.Slug)).Select(r => (r.Slug, r.Name, zones[r.Slug])).ToList();
        return new RussianNumberingPlan(sets, byCode, operatorByIndex, regionList);
    }

    /// <summary>
    /// The region of a mobile number in E.164 ("+79161234567"), or null when it is not +7 9xx with 10 digits or no range
    /// of the registry holds it (an unassigned block).
    /// </summary>
    public NumberRegion? Find(string e164)
    {
        if (e164.Length != 12 || e164[0] != '+' || e164[1] != '7' || e164[2] != '9') return null;
        var code = 0;
        var subscriber = 0;
        for (var i = 2; i < 12; i++)
        {
            var d = e164[i] - '0';
            if ((uint)d > 9) return null;
            if (i < 5) code = code * 10 + d;
            else subscriber = subscriber * 10 + d;
        }
        return RangeOf(code, subscriber) is { } at && regionSets[at.Region] is { } region ? region with { Operator = operatorsByIndex[at.Operator] } : null;
    }

    /// <summary>
    /// The region and time zone of a mobile number given as its digits (79161234567), without its operator: the bulk
    /// load's lookup, which allocates nothing. Null as for <see cref="Find"/>.
    /// </summary>
    public NumberRegion? FindPlace(long digits)
    {
        if (digits / 1_000_000_000 != 79) return null;
        var code = (int)(digits / 10_000_000 % 1000);
        var subscriber = (int)(digits % 10_000_000);
        return RangeOf(code, subscriber) is { } at ? regionSets[at.Region] : null;
    }

    // The last range of the code starting at or before the subscriber number, if it reaches it.
    private (int Region, int Operator)? RangeOf(int code, int subscriber)
    {
        if (codes[code - FirstCode] is not { } ranges) return null;
        var at = Array.BinarySearch(ranges.From, subscriber);
        if (at < 0) at = ~at - 1;
        if (at < 0 || ranges.To[at] < subscriber) return null;
        return (ranges.Region[at], ranges.Operator[at]);
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private sealed record RegionRow(string Slug, string Name);
}
