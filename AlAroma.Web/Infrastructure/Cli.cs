using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Infrastructure;

/// <summary>
/// Admin commands on the same binary (<c>dotnet run --project AlAroma.Web -- &lt;command&gt;</c>) for operators who
/// script without a browser. Each prints what it did and returns a non-zero exit code on failure.
/// </summary>
public static class Cli
{
    private static readonly Dictionary<string, (string Usage, Func<IServiceProvider, string[], Task<int>> Run)> Commands = new()
    {
        ["migrate"] = ("migrate                                  apply database migrations", Migrate),
        ["seed-demo"] = ("seed-demo                                roles, demo locations, users, catalog and stock", SeedDemo),
        ["create-user"] = ("create-user <email> <role> [location] [--password P] [--name N]", CreateUser),
        ["check-stock"] = ("check-stock                              verify balance == sum(ledger) for every (location, product)", CheckStock),
    };

    /// <summary>Lets a feature add its own command (e.g. the catalog's import-catalog).</summary>
    public static void Register(string name, string usage, Func<IServiceProvider, string[], Task<int>> run) => Commands[name] = (usage, run);

    /// <summary>Whether <paramref name="args"/> name a command (first argument) rather than starting the web server.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    /// <summary>
    /// Answers a command line that neither names a known command nor holds only host settings (see
    /// <see cref="HostArguments"/>), before anything starts: prints the command list and returns the exit code, 0 for
    /// <c>help</c>, 2 for an unknown command or argument (a typo, or a command of a newer version) so that an operator's
    /// script stops instead of hanging on a web server. Returns null when the arguments are fine. Call it after every
    /// feature has registered its commands.
    /// </summary>
    public static int? AnswerUsage(string[] args)
    {
        if (args.Length > 0 && args[0] is "help" or "--help" or "-h" or "-?")
        {
            PrintCommands(Console.Out);
            return 0;
        }
        if (IsCommand(args)) return null;
        var stray = HostArguments.FirstStray(args);
        if (stray is null) return null;
        Console.Error.WriteLine(
            Commands.ContainsKey(stray) ? $"The command '{stray}' must come first." :
            stray == args[0] && !stray.StartsWith('-') ? $"Unknown command '{stray}'." : $"Unknown argument '{stray}'.");
        PrintCommands(Console.Error);
        return 2;
    }

    private static void PrintCommands(TextWriter to)
    {
        to.WriteLine("Usage: AlAroma.Web <command> [arguments]   or, to start the web server: AlAroma.Web [--urls URL] [--Setting value]");
        to.WriteLine("Commands:");
        foreach (var c in Commands.Values) to.WriteLine("  " + c.Usage);
        to.WriteLine("  help                                     this list");
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        try
        {
            if (args[0] != "migrate")
            {
                using var s = app.Services.CreateScope();
                await s.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
            }
            using var scope = app.Services.CreateScope();
            return await Commands[args[0]].Run(scope.ServiceProvider, args[1..]);
        }
        catch (Exception e) when (e is BusinessRuleException or InvalidOperationException or ArgumentException or FileNotFoundException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        finally
        {
            // The web server of ./run.sh may be using the same private cluster.
            app.Services.GetService<LocalPostgres>()?.Release(LocalPostgres.PrintToConsole);
        }
    }

    private static async Task<int> Migrate(IServiceProvider sp, string[] args)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        await sp.GetRequiredService<Seeder>().SeedRolesAndAdminAsync(CancellationToken.None);
        Console.WriteLine(pending.Count == 0 ? "Database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        return 0;
    }

    private static async Task<int> SeedDemo(IServiceProvider sp, string[] args)
    {
        var created = await sp.GetRequiredService<Seeder>().SeedDemoAsync(CancellationToken.None);
        Console.WriteLine(created ? "Demo data created." : "Locations already exist; demo data not added.");
        Seeder.PrintDemoLogins(Console.Out, "http://127.0.0.1:5000");
        return 0;
    }

    private static async Task<int> CreateUser(IServiceProvider sp, string[] args)
    {
        var positional = new List<string>();
        string? password = null, name = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--password" && i + 1 < args.Length) password = args[++i];
            else if (args[i] == "--name" && i + 1 < args.Length) name = args[++i];
            else positional.Add(args[i]);
        }
        if (positional.Count < 2) throw new ArgumentException("usage: " + Commands["create-user"].Usage);
        var (email, role) = (positional[0], positional[1]);
        var roleName = Roles.All.FirstOrDefault(r => r.Equals(role, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown role '{role}'. Roles: {string.Join(", ", Roles.All)}.");
        var db = sp.GetRequiredService<AppDbContext>();
        var locationIds = new List<int>();
        if (positional.Count > 2)
        {
            var code = positional[2];
            var loc = await db.Locations.FirstOrDefaultAsync(l => l.Code == code || l.Name == code)
                ?? throw new ArgumentException($"Unknown location '{code}'. Locations: {string.Join(", ", await db.Locations.Select(l => l.Code).ToListAsync())}.");
            locationIds.Add(loc.Id);
        }
        var generated = password is null;
        password ??= GeneratePassword();
        await sp.GetRequiredService<Seeder>().CreateUserAsync(email, name ?? email, password, roleName, locationIds);
        Console.WriteLine($"Created user {email} with role {roleName}{(positional.Count > 2 ? " at " + positional[2] : "")}.");
        if (generated) Console.WriteLine($"Password: {password}");
        return 0;
    }

    private static async Task<int> CheckStock(IServiceProvider sp, string[] args)
    {
        var mismatches = await Features.Warehouse.Stocks.StockInvariant.FindMismatchesAsync(sp.GetRequiredService<AppDbContext>(), CancellationToken.None);
        if (mismatches.Count == 0)
        {
            Console.WriteLine("Stock is consistent: every balance equals the sum of its ledger.");
            return 0;
        }
        Console.WriteLine($"{mismatches.Count} mismatch(es):");
        foreach (var m in mismatches) Console.WriteLine($"  location {m.LocationId} product {m.ProductId}: balance {m.Balance}, ledger {m.LedgerSum}");
        return 1;
    }

    private static string GeneratePassword()
    {
        const string chars = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        return "Aa1" + new string(System.Security.Cryptography.RandomNumberGenerator.GetItems<char>(chars, 10));
    }
}
