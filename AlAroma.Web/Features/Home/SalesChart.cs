using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Reports;

namespace AlAroma.Web.Features.Home;

/// <summary>
/// The manager's sales chart (₽, revenue as in the Z-report, local time of <paramref name="TimeZoneId"/>): today by
/// hour beside the same weekday a week ago, and the last 14 days by day beside the same weekday a week before each.
/// </summary>
/// <param name="Hours">Labels "09:00"… of the hours shown.</param>
/// <param name="Days">Labels "dd.MM" of the 14 days, today last.</param>
public sealed record SalesChart(string TimeZoneId, IReadOnlyList<string> Hours, IReadOnlyList<decimal> TodayByHour, IReadOnlyList<decimal> WeekAgoByHour,
    IReadOnlyList<string> Days, IReadOnlyList<decimal> ByDay, IReadOnlyList<decimal> WeekBeforeByDay)
{
    /// <summary>Days of the day chart.</summary>
    public const int DayCount = 14;

    /// <summary>Hours always shown (a shop's usual day); hours with sales outside it are added.</summary>
    private const int FirstHour = 9, LastHour = 21;

    /// <summary>The chart for <paramref name="locationIds"/> up to local day <paramref name="today"/> in <paramref name="timeZoneId"/>.</summary>
    public static async Task<SalesChart> LoadAsync(AppDbContext db, IReadOnlyCollection<int> locationIds, DateOnly today, string timeZoneId, CancellationToken ct)
    {
        var first = today.AddDays(-(DayCount - 1) - 7);
        var (fromUtc, _) = LocalTime.UtcRange(first, timeZoneId);
        var (_, toUtc) = LocalTime.UtcRange(today, timeZoneId);
        var items = (await SalesRevenue.ItemsAsync(db, locationIds, fromUtc, toUtc, ct))
            .Select(i => (Local: LocalTime.ToLocal(i.AtUtc, timeZoneId), i.Amount)).ToList();
        return Build(items, today, timeZoneId);
    }

    /// <summary>Buckets local-time amounts into the two series pairs (pure: the tests feed it directly).</summary>
    public static SalesChart Build(IReadOnlyList<(DateTime Local, decimal Amount)> items, DateOnly today, string timeZoneId)
    {
        var weekAgo = today.AddDays(-7);
        decimal On(DateOnly day) => items.Where(i => DateOnly.FromDateTime(i.Local) == day).Sum(i => i.Amount);
        decimal At(DateOnly day, int hour) => items.Where(i => DateOnly.FromDateTime(i.Local) == day && i.Local.Hour == hour).Sum(i => i.Amount);

        var busy = items.Where(i => DateOnly.FromDateTime(i.Local) is var d && (d == today || d == weekAgo)).Select(i => i.Local.Hour).ToList();
        var from = Math.Min(FirstHour, busy.DefaultIfEmpty(FirstHour).Min());
        var to = Math.Max(LastHour, busy.DefaultIfEmpty(LastHour).Max());
        var hours = Enumerable.Range(from, to - from + 1).ToList();
        var days = Enumerable.Range(0, DayCount).Select(i => today.AddDays(i - (DayCount - 1))).ToList();
        return new SalesChart(timeZoneId, hours.Select(h => $"{h:00}:00").ToList(), hours.Select(h => At(today, h)).ToList(), hours.Select(h => At(weekAgo, h)).ToList(),
            days.Select(d => d.ToString("dd.MM")).ToList(), days.Select(On).ToList(), days.Select(d => On(d.AddDays(-7))).ToList());
    }
}
