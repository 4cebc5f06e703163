using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AlAroma.Tests.WebRequests;

/// <summary>The app on a PostgreSQL cluster of its own, which a test may stop under it.</summary>
public sealed class StoppableDatabaseFixture : AppFixture
{
    private readonly LocalPostgres _pg = new(Path.Combine(WebRoot.RepoRoot()!, ".data", "test-pg-stoppable"));

    /// <summary>Stops the cluster: from now on every connection is refused, as when the database server is down.</summary>
    public void StopDatabase()
    {
        _pg.Stop();
        NpgsqlConnection.ClearAllPools();
    }

    protected override async Task<string> CreateDatabaseAsync()
    {
        _pg.Start();
        // A fresh database each run: the app migrates it on start, the fixture seeds the demo chain.
        using (var conn = new NpgsqlConnection(_pg.ConnectionString()))
        {
            conn.Open();
            using var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS alaroma_stoppable WITH (FORCE)", conn);
            drop.ExecuteNonQuery();
        }
        DataSetup.CreateDatabaseIfMissing(_pg.ConnectionString(), "alaroma_stoppable");
        var cs = _pg.ConnectionString("alaroma_stoppable");
        await using (var db = TestPostgres.NewContext(cs)) await db.Database.MigrateAsync();
        return cs;
    }

    protected override Task DropDatabaseAsync(string connectionString)
    {
        _pg.Stop();
        return Task.CompletedTask;
    }
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
