using System.Globalization;

namespace AlAroma.Web.Infrastructure.Backups;

/// <summary>How many backups of each period to keep (settings "Backups:KeepDaily" / "KeepWeekly" / "KeepMonthly").</summary>
/// <param name="Daily">Newest backup of each of the last N days that have one (default 7).</param>
/// <param name="Weekly">Newest of each of the last N ISO weeks (Monday to Sunday) that have one (default 4).</param>
/// <param name="Monthly">Newest of each of the last N calendar months that have one (default 12).</param>
public sealed record RotationPolicy(int Daily = 7, int Weekly = 4, int Monthly = 12);

/// <summary>
/// Which dated backups to keep: a grandfather-father-son rotation as restic's <c>forget --keep-daily/weekly/monthly</c>
/// does it. Going from newest to oldest, a backup is kept when it is the newest of a day (week, month) not yet kept
/// and that period's quota is not used up; one file may count for all three. Pure: dates in, dates out.
/// </summary>
public static class BackupRotation
{
    /// <summary>The dates to keep out of <paramref name="dates"/> (one backup per date).</summary>
    public static IReadOnlySet<DateOnly> Keep(IEnumerable<DateOnly> dates, RotationPolicy policy)
    {
        var keep = new HashSet<DateOnly>();
        var buckets = new (Func<DateOnly, int> Key, int Quota)[]
        {
            (d => d.DayNumber, policy.Daily),
            (d => ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)) * 100 + ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)), policy.Weekly),
            (d => d.Year * 100 + d.Month, policy.Monthly),
        };
        foreach (var (key, quota) in buckets)
        {
            var seen = new HashSet<int>();
            foreach (var d in dates.Distinct().OrderDescending())
            {
                if (seen.Count >= quota) break;
                if (seen.Add(key(d))) keep.Add(d);
            }
        }
        return keep;
    }
}
