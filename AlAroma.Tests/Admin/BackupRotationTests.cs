using AlAroma.Web.Features.Admin.Backups;
using AlAroma.Web.Infrastructure.Backups;

namespace AlAroma.Tests.Admin;

/// <summary>The pure rotation rule (7 daily, 4 weekly, 12 monthly by default) and the folder rotation built on it.</summary>
public class BackupRotationTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);   // a Wednesday
    private static IEnumerable<DateOnly> DailyFor(int days) => Enumerable.Range(0, days).Select(i => Today.AddDays(-i));

    [Fact]
    public void A_year_of_daily_dumps_keeps_7_days_the_last_sunday_of_4_weeks_and_the_last_day_of_12_months()
    {
        var kept = BackupRotation.Keep(DailyFor(400), new RotationPolicy()).Order().Select(d => d.ToString("yyyy-MM-dd"));
        Assert.Equal([
            "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30", "2026-07-31", "2026-08-31",
            "2026-09-30", "2026-10-31",                       // monthly (Nov and Dec are covered by daily ones)
            "2026-11-15", "2026-11-22",                       // weekly: the Sundays of ISO weeks 46 and 47
            "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02",   // daily
        ], kept);
    }

    [Fact]
    public void Gaps_count_only_days_that_have_a_dump_and_quotas_are_configurable()
    {
        DateOnly[] dates = [Today, Today.AddDays(-3), Today.AddDays(-10), Today.AddDays(-40)];
        Assert.Equal(dates.ToHashSet(), BackupRotation.Keep(dates, new RotationPolicy(Daily: 7)).ToHashSet());
        Assert.Equal(new HashSet<DateOnly> { Today, Today.AddDays(-3) }, BackupRotation.Keep(dates, new RotationPolicy(2, 0, 0)).ToHashSet());
        Assert.Empty(BackupRotation.Keep(dates, new RotationPolicy(0, 0, 0)));
        // One weekly: the newest dump of the newest week; one monthly: the newest of the newest month.
        Assert.Equal(new HashSet<DateOnly> { Today }, BackupRotation.Keep(dates, new RotationPolicy(0, 1, 1)).ToHashSet());
    }

    [Fact]
    public void Folder_rotation_deletes_only_the_dated_dumps_it_does_not_keep()
    {
        var folder = Directory.CreateTempSubdirectory("alaroma-rotation-").FullName;
        try
        {
            foreach (var d in DailyFor(30)) File.WriteAllText(Path.Combine(folder, BackupDatabase.FileName(d)), "x");
            File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");
            File.WriteAllText(Path.Combine(folder, "alaroma-manual.dump"), "not dated");

            var deleted = BackupDatabase.Rotate(folder, new RotationPolicy(3, 2, 1));

            var left = Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToList();
            Assert.Equal(["alaroma-2026-11-29.dump", "alaroma-2026-11-30.dump", "alaroma-2026-12-01.dump", "alaroma-2026-12-02.dump",
                "alaroma-manual.dump", "notes.txt"], left);
            Assert.Equal(30 - 4, deleted.Count);
        }
        finally { Directory.Delete(folder, true); }
    }
}
