namespace AlAroma.Web.Infrastructure.Time;

/// <summary>
/// The time zones a location may be given: Russia's eleven zones (Новосибирск and Красноярск share UTC+7), by IANA
/// id with the label the admin picks from. Offsets are the standard ones since 26.10.2014 (Федеральный закон
/// № 107-ФЗ «Об исчислении времени»; Russia keeps no daylight saving time).
/// </summary>
public static class RussianTimeZones
{
    /// <summary>One choice of the select: IANA id and a Russian label such as «Москва, UTC+3».</summary>
    public sealed record Choice(string Id, string Label);

    /// <summary>West to east.</summary>
    public static IReadOnlyList<Choice> All { get; } =
    [
        new("Europe/Kaliningrad", "Калининград, UTC+2"),
        new("Europe/Moscow", "Москва, UTC+3"),
        new("Europe/Samara", "Самара, UTC+4"),
        new("Asia/Yekaterinburg", "Екатеринбург, UTC+5"),
        new("Asia/Omsk", "Омск, UTC+6"),
        new("Asia/Novosibirsk", "Новосибирск, UTC+7"),
        new("Asia/Krasnoyarsk", "Красноярск, UTC+7"),
        new("Asia/Irkutsk", "Иркутск, UTC+8"),
        new("Asia/Yakutsk", "Якутск, UTC+9"),
        new("Asia/Vladivostok", "Владивосток, UTC+10"),
        new("Asia/Magadan", "Магадан, UTC+11"),
        new("Asia/Kamchatka", "Камчатка, UTC+12"),
    ];

    /// <summary>
    /// The choices for a location whose zone is <paramref name="current"/>: the list above, plus the current zone
    /// when it is outside it (set before this list existed), so that saving the form does not change it unasked.
    /// </summary>
    public static IReadOnlyList<Choice> For(string? current) =>
        string.IsNullOrWhiteSpace(current) || All.Any(c => c.Id == current) ? All : [.. All, new(current, current)];
}
