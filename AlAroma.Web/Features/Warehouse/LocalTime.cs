namespace AlAroma.Web.Features.Warehouse;

/// <summary>
/// Converting between stored UTC instants and the local time of a location (default Europe/Moscow) for
/// warehouse screens: display as "dd.MM.yyyy HH:mm" and period filters by local calendar days.
/// </summary>
public static class LocalTime
{
    /// <summary>The zone used when a location has none or an unknown one.</summary>
    public const string DefaultZone = "Europe/Moscow";

    /// <summary>The zone by IANA id, falling back to <see cref="DefaultZone"/>.</summary>
    public static TimeZoneInfo Zone(string? timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(string.IsNullOrWhiteSpace(timeZoneId) ? DefaultZone : timeZoneId, out var tz)
            ? tz : TimeZoneInfo.FindSystemTimeZoneById(DefaultZone);

    /// <summary>"22.11.2026 14:05": the UTC instant in the location's local time.</summary>
    public static string Format(DateTime utc, string? timeZoneId = null) => ToLocal(utc, timeZoneId).ToString("dd.MM.yyyy HH:mm");

    /// <summary>The UTC instant as the location's local wall-clock time (Kind Unspecified, e.g. for Excel cells).</summary>
    public static DateTime ToLocal(DateTime utc, string? timeZoneId = null) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(timeZoneId));

    /// <summary>"22.11.2026 14:05", or an empty string for null.</summary>
    public static string Format(DateTime? utc, string? timeZoneId = null) => utc is null ? "" : Format(utc.Value, timeZoneId);

    /// <summary>The local calendar day of a UTC instant.</summary>
    public static DateOnly Today(DateTimeOffset nowUtc, string? timeZoneId = null) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(nowUtc, Zone(timeZoneId)).DateTime);

    /// <summary>
    /// The UTC half-open range [from, to) covering local days <paramref name="fromDay"/>..<paramref name="toDay"/>
    /// inclusive; an open end stays null.
    /// </summary>
    public static (DateTime? FromUtc, DateTime? ToUtc) Period(DateOnly? fromDay, DateOnly? toDay, string? timeZoneId = null)
    {
        var tz = Zone(timeZoneId);
        DateTime? Start(DateOnly d) => TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), tz);
        return (fromDay is { } f ? Start(f) : null, toDay is { } t ? Start(t.AddDays(1)) : null);
    }
}
