using AlAroma.Web.Features.Reports;

namespace AlAroma.Tests.Reports;

public class BusinessDayTests
{
    [Fact]
    public void Moscow_day_starts_at_21_utc_of_the_previous_day()
    {
        var (from, to) = BusinessDay.UtcRange(new DateOnly(2026, 11, 23), "Europe/Moscow");
        Assert.Equal(new DateTime(2026, 11, 22, 21, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 11, 23, 21, 0, 0, DateTimeKind.Utc), to);
    }

    [Fact]
    public void Yekaterinburg_day_is_two_hours_earlier_than_moscow()
    {
        var (from, to) = BusinessDay.UtcRange(new DateOnly(2026, 11, 23), "Asia/Yekaterinburg");
        Assert.Equal(new DateTime(2026, 11, 22, 19, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 11, 23, 19, 0, 0, DateTimeKind.Utc), to);
    }

    [Fact]
    public void A_day_with_a_dst_change_is_23_hours_long()
    {
        var (from, to) = BusinessDay.UtcRange(new DateOnly(2026, 3, 29), "Europe/Berlin");
        Assert.Equal(TimeSpan.FromHours(23), to - from);
    }

    [Fact]
    public void Unknown_or_empty_zone_falls_back_to_moscow()
    {
        Assert.Equal(BusinessDay.UtcRange(new DateOnly(2026, 1, 1), "Europe/Moscow"), BusinessDay.UtcRange(new DateOnly(2026, 1, 1), "Mars/Olympus"));
        Assert.Equal(BusinessDay.UtcRange(new DateOnly(2026, 1, 1), "Europe/Moscow"), BusinessDay.UtcRange(new DateOnly(2026, 1, 1), null));
    }

    [Fact]
    public void Today_and_local_time_follow_the_zone()
    {
        var now = new DateTimeOffset(2026, 11, 23, 20, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 11, 23), BusinessDay.Today(now, "Europe/Moscow"));
        Assert.Equal(new DateOnly(2026, 11, 24), BusinessDay.Today(now, "Asia/Yekaterinburg"));
        Assert.Equal(new DateTime(2026, 11, 23, 23, 30, 0), BusinessDay.ToLocal(now.UtcDateTime, "Europe/Moscow"));
    }
}
