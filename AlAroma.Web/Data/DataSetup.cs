using AlAroma.Web.Infrastructure.Auditing;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace AlAroma.Web.Data;

public static class DataSetup
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> on PostgreSQL. With no <c>ConnectionStrings:Default</c> the app starts
    /// (or reuses) a private cluster in <c>LocalDb:DataDir</c> (default <c>.data/pg</c> of the checkout). The Data
    /// Protection key ring lives in the database, encrypted with <see cref="KeyRingCertificate"/>.
    /// </summary>
    public static void AddData(this WebApplicationBuilder builder)
    {
        var cs = builder.Configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(cs))
        {
            var root = WebRoot.RepoRoot() ?? Directory.GetCurrentDirectory();
            var clusterDir = builder.Configuration["LocalDb:DataDir"] is { Length: > 0 } d ? d : Path.Combine(root, ".data", "pg");
            var local = new LocalPostgres(clusterDir, port: builder.Configuration.GetValue("LocalDb:Port", 54329));
            local.Start(LocalPostgres.PrintToConsole);
            CreateDatabaseIfMissing(local.ConnectionString(), "alaroma");
            cs = local.ConnectionString("alaroma");
            builder.Services.AddSingleton(local);
        }
        cs = WithPreparedStatements(cs);
        builder.Configuration["ConnectionStrings:Default"] = cs; // the database actually used, for AddJobs (Quartz's store)
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
        builder.Services.AddScoped<AuditInterceptor>();
        builder.Services.AddDbContext<AppDbContext>((sp, o) => o
            .UseNpgsql(cs, npg => npg.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName))
            .UseSnakeCaseNamingConvention()
            // ProductSearch counts matches "up to N" in whatever order the index yields them: an ORDER BY there would
            // read every match to sort it, which is what the cap avoids.
            .ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning))
            .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
        // The key ring is shared by every instance through the database and encrypted there (KeyRingCertificate).
        var dataDir = Path.Combine(WebRoot.RepoRoot() ?? builder.Environment.ContentRootPath, ".data");
        builder.Services.AddDataProtection().PersistKeysToDbContext<AppDbContext>().SetApplicationName("AlAroma")
            .ProtectKeysWithCertificate(KeyRingCertificate.Load(builder.Configuration, dataDir));
        builder.Services.AddHealthChecks().AddNpgSql(cs, name: "postgresql", tags: ["ready"]);
    }

    /// <summary>
    /// Turns on Npgsql's automatic preparation (the till's statements repeat thousands of times a day: PostgreSQL
    /// then skips parsing and planning them) unless the connection string already says how many to prepare.
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)) b.MaxAutoPrepare = 64;
        if (!connectionString.Contains("Auto Prepare Min Usages", StringComparison.OrdinalIgnoreCase)) b.AutoPrepareMinUsages = 3;
        return b.ConnectionString;
    }

    /// <summary>Creates <paramref name="database"/> on the server of <paramref name="adminConnectionString"/> unless it exists.</summary>
    public static void CreateDatabaseIfMissing(string adminConnectionString, string database)
    {
        using var conn = new NpgsqlConnection(adminConnectionString);
        conn.Open();
        using var check = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        check.Parameters.AddWithValue("n", database);
        if (check.ExecuteScalar() is not null) return;
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", conn);
        create.ExecuteNonQuery();
    }

    /// <summary>
    /// Applies pending migrations, then every registered <see cref="IPostMigrationStep"/> in registration order.
    /// Returns the migrations applied and each step's line.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Applied, IReadOnlyList<string> Steps)> MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        var lines = new List<string>();
        foreach (var step in services.GetServices<IPostMigrationStep>()) lines.Add(await step.RunAsync(ct));
        return (pending, lines);
    }

    /// <summary>
    /// Applies pending migrations, seeds roles and the admin; with <c>Demo:Seed=true</c> also the demo chain.
    /// Stops the private cluster when the app stops, unless another process started it or still uses it.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (app.Services.GetService<LocalPostgres>() is { } local)
            app.Lifetime.ApplicationStopped.Register(() => local.Release(LocalPostgres.PrintToConsole));
        using var scope = app.Services.CreateScope();
        foreach (var line in (await MigrateAsync(scope.ServiceProvider, CancellationToken.None)).Steps) app.Logger.LogInformation("{Step}", line);
        var seeder = scope.ServiceProvider.GetRequiredService<Seeder>();
        await seeder.SeedRolesAndAdminAsync(CancellationToken.None);
        if (app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            var created = await seeder.SeedDemoAsync(CancellationToken.None);
            if (created) app.Logger.LogInformation("Demo data created");
            Seeder.PrintDemoLogins(Console.Out, app.Configuration["Urls"] ?? "http://127.0.0.1:5000");
        }
    }
}
