using System.Net;
using AlAroma.Web.Infrastructure;
using Npgsql;

namespace AlAroma.Tests.Cli;

/// <summary>
/// The web server of ./run.sh and the operator's CLI commands share the checkout's private PostgreSQL: a command must
/// not take the running app's database away when it finishes, and must not leave behind a server it started itself.
/// Each test has its own cluster (folder and port), as run.sh and the CLI find it through LocalDb:DataDir and LocalDb:Port.
/// </summary>
public sealed class SharedClusterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "alaroma-shared-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly int _pgPort = AppProcess.FreePort();

    private string DataDir => Path.Combine(_root, "pg");

    private Dictionary<string, string> Env => new() { ["LocalDb__DataDir"] = DataDir, ["LocalDb__Port"] = _pgPort.ToString() };

    [Fact]
    public async Task A_command_run_next_to_the_web_server_leaves_its_database_running()
    {
        var url = $"http://127.0.0.1:{AppProcess.FreePort()}";
        using var web = AppProcess.Start(["--urls", url], Env);
        await web.WaitReadyAsync(url);

        using (var cli = AppProcess.Start(["check-stock"], Env))
        {
            Assert.True(await cli.WaitForExitAsync(TimeSpan.FromMinutes(3)) == 0, cli.Output);
            Assert.Contains("Reusing the running PostgreSQL", cli.Output);
        }
        Assert.True(await AcceptsConnectionsAsync(), "the command stopped the web server's database");
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{url}/health/ready")).StatusCode);

        // The web server started the cluster, so it stops it when it stops (Ctrl+C on run.sh).
        web.Terminate();
        Assert.NotNull(await web.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("[db] Stopping PostgreSQL", web.Output);
        Assert.False(await AcceptsConnectionsAsync());
    }

    [Fact]
    public async Task A_command_alone_stops_the_database_it_started()
    {
        using var cli = AppProcess.Start(["migrate"], Env);
        Assert.True(await cli.WaitForExitAsync(TimeSpan.FromMinutes(5)) == 0, cli.Output);
        Assert.Contains("[db] Starting PostgreSQL", cli.Output);
        Assert.Contains("[db] Stopping PostgreSQL", cli.Output);
        Assert.False(await AcceptsConnectionsAsync(), "the command left its PostgreSQL running");
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        try
        {
            await using var conn = new NpgsqlConnection($"Host=127.0.0.1;Port={_pgPort};Username=alaroma;Database=alaroma;Pooling=false;Timeout=5");
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT 1", conn);
            return (int)(await cmd.ExecuteScalarAsync())! == 1;
        }
        catch (NpgsqlException) { return false; }
    }

    public void Dispose()
    {
        new LocalPostgres(DataDir).Stop();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
