using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Data;

/// <summary>The database's own CLI commands: <c>migrate</c> and <c>seed-demo</c>.</summary>
public static class DataCommands
{
    /// <summary>Registers <c>migrate</c> and <c>seed-demo</c> with <see cref="Cli"/>; call before <see cref="Cli.AnswerUsage"/>.</summary>
    public static void AddDataCommands(this WebApplicationBuilder builder)
    {
        Cli.Register("migrate", "migrate                                  apply database migrations and the features' data fixes (link-suppliers…)", Migrate);
        Cli.Register("seed-demo", "seed-demo                                roles, demo locations, users, catalog and stock", SeedDemo);
    }

    private static async Task<int> Migrate(IServiceProvider sp, string[] args)
    {
        var (pending, steps) = await DataSetup.MigrateAsync(sp, CancellationToken.None);
        await sp.GetRequiredService<Seeder>().SeedRolesAndAdminAsync(CancellationToken.None);
        Console.WriteLine(pending.Count == 0 ? "Database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        foreach (var line in steps) Console.WriteLine(line);
        return 0;
    }

    private static async Task<int> SeedDemo(IServiceProvider sp, string[] args)
    {
        var created = await sp.GetRequiredService<Seeder>().SeedDemoAsync(CancellationToken.None);
        Console.WriteLine(created ? "Demo data created." : "Locations already exist; demo data not added.");
        Seeder.PrintDemoLogins(Console.Out, "http://127.0.0.1:5000");
        return 0;
    }
}
