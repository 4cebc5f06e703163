namespace AlAroma.Web.Features.Reports;

/// <summary>
/// The business day of a location: its local calendar day (DOMAIN.md: "business days and reports are local to it"),
/// as a half-open UTC range for querying UTC timestamps.
/// </summary>
public static class BusinessDay
{
    /// <summary>Time zone used when a report covers several locations or a location has none: Moscow.</summary>
    public const string DefaultTimeZoneId = "Europe/Moscow";

    /// <summary>The time zone with IANA id <paramref name="timeZoneId"/>; Moscow when it is empty or unknown to the system.</summary>
    public static TimeZoneInfo Zone(string? timeZoneId)
    {
        if (!string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var tz)) return tz;
        return TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZoneId);
    }

    /// <summary>
    /// UTC range [FromUtc, ToUtc) of local day <paramref name="day"/> in <paramref name="timeZoneId"/>: from local
    /// midnight to the next local midnight (23 or 25 hours long on a DST change day).
    /// </summary>
    public static (DateTime FromUtc, DateTime ToUtc) UtcRange(DateOnly day, string? timeZoneId)
    {
        var tz = Zone(timeZoneId);
        return (StartUtc(day, tz), StartUtc(day.AddDays(1), tz));
    }

    /// <summary>Today's local date in <paramref name="timeZoneId"/> at UTC instant <paramref name="nowUtc"/>.</summary>
    public static DateOnly Today(DateTimeOffset nowUtc, string? timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(nowUtc, Zone(timeZoneId)).DateTime);

    /// <summary>Local wall-clock time in <paramref name="timeZoneId"/> of UTC instant <paramref name="utc"/> (Kind Unspecified).</summary>
    public static DateTime ToLocal(DateTime utc, string? timeZoneId) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(timeZoneId)), DateTimeKind.Unspecified);

    private static DateTime StartUtc(DateOnly day, TimeZoneInfo tz)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where a DST jump skips midnight, the day starts at the first local time that exists.
        while (tz.IsInvalidTime(local)) local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, tz);
    }
}
