using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AlAroma.Tests.WebRequests;

/// <summary>The app on a PostgreSQL cluster of its own, which a test may stop under it (and start again).</summary>
public class StoppableDatabaseFixture : AppFixture
{
    private LocalPostgres? _pg;

    /// <summary>Names the cluster's folder (<c>.data/test-pg-{Name}</c>) and its database: one per fixture class.</summary>
    protected virtual string Name => "stoppable";

    private LocalPostgres Pg => _pg ??= new(Path.Combine(WebRoot.RepoRoot()!, ".data", $"test-pg-{Name}"));

    /// <summary>Stops the cluster: from now on every connection is refused, as when the database server is down.</summary>
    public void StopDatabase()
    {
        Pg.Stop();
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Starts the cluster again on the same port, as after a server restart.</summary>
    public void StartDatabase() => Pg.Start();

    protected override async Task<string> CreateDatabaseAsync()
    {
        Pg.Start();
        var database = $"alaroma_{Name}";
        // A fresh database each run: the app migrates it on start, the fixture seeds the demo chain.
        using (var conn = new NpgsqlConnection(Pg.ConnectionString()))
        {
            conn.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", conn);
            drop.ExecuteNonQuery();
        }
        DataSetup.CreateDatabaseIfMissing(Pg.ConnectionString(), database);
        var cs = Pg.ConnectionString(database);
        await using (var db = TestPostgres.NewContext(cs)) await db.Database.MigrateAsync();
        return cs;
    }

    protected override Task DropDatabaseAsync(string connectionString)
    {
        Pg.Stop();
        return Task.CompletedTask;
    }
}

/// <summary>A second private cluster, for the restart under load (its own folder: the fixtures may run side by side).</summary>
public sealed class RestartableDatabaseFixture : StoppableDatabaseFixture
{
    protected override string Name => "restart";
}

public sealed class DatabaseDownTests(StoppableDatabaseFixture app) : IClassFixture<StoppableDatabaseFixture>
{
    [Fact]
    public async Task While_the_database_is_down_a_signed_in_user_gets_a_Russian_503_page()
    {
        var client = await app.ClientAsync("admin@alaroma.local");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        app.StopDatabase();
        using var resp = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, resp.StatusCode);
        var html = await resp.Content.ReadAsStringAsync();
        Assert.Contains("Сервис временно недоступен", html);
        Assert.Contains("Нет связи с базой данных", html);
    }
}
