using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AlAroma.Web.Features.Notifications.Bell;

/// <summary>
/// The one <c>LISTEN user_notifications</c> connection of this app instance (its own unpooled NpgsqlConnection,
/// application name <see cref="ApplicationName"/>). Each NOTIFY carries a user id and wakes that user's streams in
/// <see cref="BellHub"/>; the streams re-read the table. A dropped connection (server restart, pg_terminate_backend,
/// network) is reopened after a pause growing from 1 s to 30 s, and then every stream is woken to re-sync, since
/// notifications sent while nobody listened are lost by PostgreSQL.
/// </summary>
public sealed class BellListener(IServiceScopeFactory scopes, BellHub hub, ILogger<BellListener> log) : BackgroundService
{
    /// <summary>Channel of the NOTIFY sent by the <c>user_notifications</c> trigger (payload: the user id).</summary>
    public const string Channel = "user_notifications";

    /// <summary><c>application_name</c> of the listening connection, to find it in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "alaroma-bell";

    /// <summary>How many times the listener has started listening (1 after start, +1 per reconnect).</summary>
    public int Connects => connects;
    private int connects;

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        string cs;
        using (var scope = scopes.CreateScope())
            cs = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString()!;
        var b = new NpgsqlConnectionStringBuilder(cs)
        {
            // Its own physical connection: a pooled one could be handed back with LISTEN still active, or taken away.
            Pooling = false, ApplicationName = ApplicationName,
            // Idle for hours between notifications: a keepalive query every 30 s notices a dead connection.
            KeepAlive = 30, MaxAutoPrepare = 0,
        };
        var pause = TimeSpan.FromSeconds(1);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var conn = new NpgsqlConnection(b.ConnectionString);
                await conn.OpenAsync(stop);
                conn.Notification += (_, e) => hub.Wake(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", conn)) await listen.ExecuteNonQueryAsync(stop);
                Interlocked.Increment(ref connects);
                pause = TimeSpan.FromSeconds(1);
                hub.WakeAll();
                while (true) await conn.WaitAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException or IOException)
            {
                log.LogWarning(e, "Bell listener lost its connection; reconnecting in {Seconds} s", pause.TotalSeconds);
                try { await Task.Delay(pause, stop); } catch (OperationCanceledException) { return; }
                pause = TimeSpan.FromSeconds(Math.Min(30, pause.TotalSeconds * 2));
            }
        }
    }
}
