namespace AlAroma.Web.Infrastructure.Time;

/// <summary>
/// The one answer to "what is the local time, the business day and its UTC bounds at this location": every stored
/// instant is UTC, every location has an IANA time zone (<c>Location.TimeZoneId</c>, DOMAIN.md: "business days and
/// reports are local to it"; Russia has eleven zones). Where no location applies (several locations at once, a
/// screen of the whole chain) callers pass the viewer's current location zone if they have one, else null, which
/// means the chain default <see cref="DefaultZone"/>. A day starts at local midnight, or where a DST jump skips
/// midnight at the first local time that exists, and ends where the next one starts (23 or 25 hours on a DST day).
/// </summary>
public static class LocalTime
{
    /// <summary>The chain's default zone: used when a location has none or the system does not know its id.</summary>
    public const string DefaultZone = "Europe/Moscow";

    /// <summary>The zone by IANA id, falling back to <see cref="DefaultZone"/>.</summary>
    public static TimeZoneInfo Zone(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var tz)
            ? tz : TimeZoneInfo.FindSystemTimeZoneById(DefaultZone);

    /// <summary>True when the system knows <paramref name="timeZoneId"/> as a time zone (for validating input).</summary>
    public static bool IsKnown(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);

    /// <summary>"22.11.2026 14:05": the UTC instant in the location's local time.</summary>
    public static string Format(DateTime utc, string? timeZoneId = null) =>
        ToLocal(utc, timeZoneId).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"22.11.2026 14:05", or an empty string for null.</summary>
    public static string Format(DateTime? utc, string? timeZoneId = null) => utc is null ? "" : Format(utc.Value, timeZoneId);

    /// <summary>The UTC instant as the location's local wall-clock time (Kind Unspecified, e.g. for Excel cells).</summary>
    public static DateTime ToLocal(DateTime utc, string? timeZoneId = null) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(timeZoneId)), DateTimeKind.Unspecified);

    /// <summary>The UTC instant of local wall-clock time <paramref name="local"/> (a form's datetime-local) in the zone.</summary>
    public static DateTime ToUtc(DateTime local, string? timeZoneId = null) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone(timeZoneId)), DateTimeKind.Utc);

    /// <summary>The local calendar day (the business day) at UTC instant <paramref name="nowUtc"/>.</summary>
    public static DateOnly Today(DateTimeOffset nowUtc, string? timeZoneId = null) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(nowUtc, Zone(timeZoneId)).DateTime);

    /// <summary>UTC range [FromUtc, ToUtc) of local day <paramref name="day"/>: from its start to the next day's start.</summary>
    public static (DateTime FromUtc, DateTime ToUtc) UtcRange(DateOnly day, string? timeZoneId = null)
    {
        var tz = Zone(timeZoneId);
        return (DayStartUtc(day, tz), DayStartUtc(day.AddDays(1), tz));
    }

    /// <summary>
    /// The UTC half-open range [from, to) covering local days <paramref name="fromDay"/>..<paramref name="toDay"/>
    /// inclusive; an open end stays null.
    /// </summary>
    public static (DateTime? FromUtc, DateTime? ToUtc) Period(DateOnly? fromDay, DateOnly? toDay, string? timeZoneId = null)
    {
        var tz = Zone(timeZoneId);
        return (fromDay is { } f ? DayStartUtc(f, tz) : null, toDay is { } t ? DayStartUtc(t.AddDays(1), tz) : null);
    }

    private static DateTime DayStartUtc(DateOnly day, TimeZoneInfo tz)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where a DST jump skips midnight (Santiago, Beirut, Havana…), the day starts at the first local time that exists.
        while (tz.IsInvalidTime(local)) local = local.AddMinutes(15);
        return TimeZoneInfo.ConvertTimeToUtc(local, tz);
    }
}
