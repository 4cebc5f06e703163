using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Admin.Backups;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Faults;

/// <summary>
/// The backup folder's disk fills up while pg_dump writes: the job fails with pg_dump's own words, today's half-written
/// file is gone, and the earlier backups are untouched. The full disk is Linux's /dev/full (every write: ENOSPC)
/// standing where the dump is written, so no privileges are needed to make a disk full.
/// </summary>
public sealed class BackupDiskFullTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_full_disk_fails_the_backup_clearly_and_keeps_the_previous_backups()
    {
        var folder = Directory.CreateTempSubdirectory("alaroma-backup-full-").FullName;
        try
        {
            var earlier = new[] { "alaroma-2026-11-01.dump", "alaroma-2026-11-30.dump" }.Select(n => Path.Combine(folder, n)).ToList();
            foreach (var f in earlier) await File.WriteAllBytesAsync(f, System.Text.Encoding.ASCII.GetBytes("an earlier backup " + f));
            using var scope = app.Scope();
            var today = BackupDatabase.FileName(Web.Infrastructure.Time.LocalTime.Today(TimeProvider.System.GetUtcNow()));
            File.CreateSymbolicLink(Path.Combine(folder, today + ".partial"), "/dev/full");

            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<BackupDatabase>().BackupAsync(folder, default));
            Assert.StartsWith("pg_dump завершился с кодом", e.Message);
            Assert.Contains("No space left on device", e.Message);
            Assert.False(File.Exists(Path.Combine(folder, today)));
            Assert.False(File.Exists(Path.Combine(folder, today + ".partial")));
            Assert.All(earlier, f => Assert.Equal("an earlier backup " + f, File.ReadAllText(f)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
