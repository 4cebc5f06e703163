namespace AlAroma.Web.Features.Loyalty.Birthdays;

/// <summary>When a birthday is celebrated: the rule the gift job and its tests share.</summary>
public static class BirthdayCalendar
{
    /// <summary>Local hour (0–23) from which the greeting and gift go out: 09:00 in the customer's shop's time zone.</summary>
    public const int GreetingHour = 9;

    /// <summary>
    /// Whether <paramref name="localDay"/> is the birthday <paramref name="birthday"/> of its year: the same month and
    /// day; a 29 February birthday is kept on 28 February in a year without one.
    /// </summary>
    public static bool IsBirthday(DateOnly birthday, DateOnly localDay) =>
        birthday.Month == localDay.Month && birthday.Day == localDay.Day
        || birthday is { Month: 2, Day: 29 } && localDay is { Month: 2, Day: 28 } && !DateTime.IsLeapYear(localDay.Year);
}
