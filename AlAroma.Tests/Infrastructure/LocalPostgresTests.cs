using AlAroma.Web.Infrastructure;
using System.Runtime.Versioning;
using Npgsql;

namespace AlAroma.Tests.Infrastructure;

/// <summary>The private cluster of run.sh, the tests and the bench, started for real.</summary>
[UnsupportedOSPlatform("windows")] // folder modes; the cluster runs on Linux only
public class LocalPostgresTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [Fact]
    public async Task A_checkout_in_a_private_folder_still_gets_a_cluster_that_takes_connections()
    {
        // A clone as root into /root or a `mktemp -d` folder: mode 700, which the postgres user cannot enter.
        var home = Directory.CreateTempSubdirectory("alaroma-home-");
        Assert.Equal(Private, File.GetUnixFileMode(home.FullName));
        var dataDir = Path.Combine(home.FullName, "checkout", ".data", "pg");
        var lines = new List<string>();
        var pg = new LocalPostgres(dataDir);
        try
        {
            Assert.True(pg.Start(lines.Add));
            Assert.True(await SelectOneAsync(pg.ConnectionString()));

            // The next run (run.sh again, a CLI command) finds the same cluster and its data.
            var again = new LocalPostgres(dataDir);
            Assert.False(again.Start());
            Assert.Equal((pg.DataDir, pg.Port), (again.DataDir, again.Port));

            if (Environment.UserName == "root")
            {
                Assert.StartsWith(LocalPostgres.ReachableRoot + "/", pg.DataDir);
                Assert.Single(lines, l => l.Contains("cannot enter") && l.Contains(pg.DataDir));
            }
            Assert.Equal(Private, File.GetUnixFileMode(home.FullName)); // the user's folder stays private
        }
        finally
        {
            pg.Stop();
            if (pg.DataDir != dataDir) Directory.Delete(Path.GetDirectoryName(pg.DataDir)!, recursive: true);
            home.Delete(recursive: true);
        }
    }

    private static async Task<bool> SelectOneAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT 1", conn);
        return (int)(await cmd.ExecuteScalarAsync())! == 1;
    }
}
