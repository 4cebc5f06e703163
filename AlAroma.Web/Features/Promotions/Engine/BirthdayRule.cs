namespace AlAroma.Web.Features.Promotions.Engine;

/// <summary>
/// When a customer gets the birthday discount (DOMAIN.md): within <c>daysAround</c> days before to
/// <c>daysAround</c> days after the birthday, the birthday on file for at least <c>onFileDays</c> days,
/// not yet used this year. The window crosses year ends (birthday 31 Dec is celebrated on 2 Jan of the next
/// year, 1 Jan on 29 Dec of the previous one); 29 Feb is celebrated on 28 Feb in non-leap years.
/// All dates are local dates of the shop.
/// </summary>
public static class BirthdayRule
{
    /// <summary>Whether <paramref name="customer"/> gets <paramref name="promotion"/> on <paramref name="today"/>.</summary>
    public static bool Qualifies(PricingCustomer? customer, BirthdayPromotion promotion, DateOnly today)
    {
        if (customer?.Birthday is not { } birthday || customer.BirthdayDiscountUsedThisYear) return false;
        if (customer.BirthdayRecordedOn is not { } recorded) return false;
        if (today.DayNumber - recorded.DayNumber < promotion.OnFileDays) return false;
        return IsWithinWindow(birthday, today, promotion.DaysAround);
    }

    /// <summary>Whether <paramref name="today"/> is at most <paramref name="daysAround"/> days from a celebration of the birthday.</summary>
    public static bool IsWithinWindow(DateOnly birthday, DateOnly today, int daysAround)
    {
        for (var year = today.Year - 1; year <= today.Year + 1; year++)
        {
            if (year < DateOnly.MinValue.Year + 1 || year > DateOnly.MaxValue.Year - 1) continue;
            if (Math.Abs(today.DayNumber - Celebration(birthday, year).DayNumber) <= daysAround) return true;
        }
        return false;
    }

    /// <summary>The day the birthday is celebrated in <paramref name="year"/> (29 Feb → 28 Feb in non-leap years).</summary>
    public static DateOnly Celebration(DateOnly birthday, int year) =>
        birthday is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 2, 28)
            : new DateOnly(year, birthday.Month, birthday.Day);
}
