namespace AlAroma.Web.Features.Leads.Projects;

/// <summary>
/// When a project may call: weekdays as bits (Monday = bit 0 … Sunday = bit 6) and hours [From, To) in the local time
/// of the called number. Pure; the time zones are whatever IANA ids the numbers carry.
/// </summary>
public readonly record struct CallingWindow(int Days, TimeOnly From, TimeOnly To)
{
    /// <summary>The bit of a weekday in <see cref="Days"/>.</summary>
    public static int Bit(DayOfWeek day) => 1 << (((int)day + 6) % 7);

    /// <summary>Whether a number whose local time is <paramref name="local"/> may be called now.</summary>
    public bool Allows(DateTime local) =>
        (Days & Bit(local.DayOfWeek)) != 0 && TimeOnly.FromDateTime(local) >= From && TimeOnly.FromDateTime(local) < To;

    /// <summary>Of <paramref name="timeZones"/> (IANA ids), those where it is calling time at <paramref name="utcNow"/>.</summary>
    public IReadOnlyList<string> OpenZones(DateTime utcNow, IEnumerable<string> timeZones)
    {
        var open = new List<string>();
        foreach (var id in timeZones)
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var tz) && Allows(TimeZoneInfo.ConvertTimeFromUtc(utcNow, tz))) open.Add(id);
        return open;
    }

    /// <summary>"пн–сб 09:00–21:00" style text for lists.</summary>
    public override string ToString()
    {
        var names = new[] { "пн", "вт", "ср", "чт", "пт", "сб", "вс" };
        var bits = Days;
        var days = string.Join(", ", names.Where((_, i) => (bits & (1 << i)) != 0));
        return $"{(Days == 0b1111111 ? "ежедневно" : days)} {From:HH\\:mm}–{To:HH\\:mm}";
    }
}
