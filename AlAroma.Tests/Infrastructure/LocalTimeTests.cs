using AlAroma.Web.Infrastructure.Time;

namespace AlAroma.Tests.Infrastructure;

public class LocalTimeTests
{
    [Fact]
    public void Moscow_day_starts_at_21_utc_of_the_previous_day()
    {
        var (from, to) = LocalTime.UtcRange(new DateOnly(2026, 11, 23), "Europe/Moscow");
        Assert.Equal(new DateTime(2026, 11, 22, 21, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 11, 23, 21, 0, 0, DateTimeKind.Utc), to);
    }

    [Fact]
    public void Yekaterinburg_day_is_two_hours_earlier_than_moscow()
    {
        var (from, to) = LocalTime.UtcRange(new DateOnly(2026, 11, 23), "Asia/Yekaterinburg");
        Assert.Equal(new DateTime(2026, 11, 22, 19, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 11, 23, 19, 0, 0, DateTimeKind.Utc), to);
    }

    [Fact]
    public void A_day_with_a_dst_change_is_23_hours_long()
    {
        var (from, to) = LocalTime.UtcRange(new DateOnly(2026, 3, 29), "Europe/Berlin");
        Assert.Equal(TimeSpan.FromHours(23), to - from);
    }

    [Fact]
    public void Unknown_or_empty_zone_falls_back_to_moscow()
    {
        Assert.Equal(LocalTime.UtcRange(new DateOnly(2026, 1, 1), "Europe/Moscow"), LocalTime.UtcRange(new DateOnly(2026, 1, 1), "Mars/Olympus"));
        Assert.Equal(LocalTime.UtcRange(new DateOnly(2026, 1, 1), "Europe/Moscow"), LocalTime.UtcRange(new DateOnly(2026, 1, 1), null));
    }

    [Fact]
    public void Today_and_local_time_follow_the_zone()
    {
        var now = new DateTimeOffset(2026, 11, 23, 20, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 11, 23), LocalTime.Today(now, "Europe/Moscow"));
        Assert.Equal(new DateOnly(2026, 11, 24), LocalTime.Today(now, "Asia/Yekaterinburg"));
        Assert.Equal(new DateTime(2026, 11, 23, 23, 30, 0), LocalTime.ToLocal(now.UtcDateTime, "Europe/Moscow"));
    }

    [Fact]
    public void Novosibirsk_business_day_is_its_own_local_midnight()
    {
        var (from, to) = LocalTime.UtcRange(new DateOnly(2026, 11, 23), "Asia/Novosibirsk");
        Assert.Equal(new DateTime(2026, 11, 22, 17, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 11, 23, 17, 0, 0, DateTimeKind.Utc), to);
        Assert.Equal(new DateOnly(2026, 11, 24), LocalTime.Today(new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero), "Asia/Novosibirsk"));
        Assert.Equal("24.11.2026 00:00", LocalTime.Format(new DateTime(2026, 11, 23, 17, 0, 0, DateTimeKind.Utc), "Asia/Novosibirsk"));
    }

    [Fact]
    public void A_dst_free_zone_has_24_hour_days_all_year()
    {
        foreach (var day in new[] { new DateOnly(2026, 3, 29), new DateOnly(2026, 10, 25), new DateOnly(2026, 6, 1) })
        {
            var (from, to) = LocalTime.UtcRange(day, "Asia/Kamchatka");
            Assert.Equal(TimeSpan.FromHours(24), to - from);
            Assert.Equal(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-12), from);
        }
    }

    [Fact]
    public void Where_dst_skips_midnight_the_day_starts_at_the_first_local_time_that_exists()
    {
        // Chile moved its clocks from 00:00 to 01:00 on Sunday 6 September 2026: that day has no midnight.
        var (from, to) = LocalTime.UtcRange(new DateOnly(2026, 9, 6), "America/Santiago");
        Assert.Equal(new DateTime(2026, 9, 6, 4, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 9, 7, 3, 0, 0, DateTimeKind.Utc), to);
        Assert.Equal((from, to), LocalTime.Period(new DateOnly(2026, 9, 6), new DateOnly(2026, 9, 6), "America/Santiago"));
        Assert.Equal(from, LocalTime.UtcRange(new DateOnly(2026, 9, 5), "America/Santiago").ToUtc);
    }

    [Fact]
    public void Only_known_zones_are_accepted()
    {
        Assert.True(LocalTime.IsKnown("Asia/Novosibirsk"));
        Assert.False(LocalTime.IsKnown("Mars/Olympus"));
        Assert.False(LocalTime.IsKnown(""));
    }
}
