using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Infrastructure;

/// <summary>
/// Admin commands on the same binary (<c>dotnet run --project AlAroma.Web -- &lt;command&gt;</c>) for operators who
/// script without a browser. Each prints what it did and returns a non-zero exit code on failure.
/// </summary>
public static class Cli
{
    private static readonly Dictionary<string, (string Usage, Func<IServiceProvider, string[], Task<int>> Run)> Commands = new();
    private static readonly HashSet<string> WithoutMigrations = ["migrate"];

    // Test hosts run Program's setup on several threads at once, each registering the commands again.
    private static readonly Lock Gate = new();

    /// <summary>
    /// Lets a feature (or Data) add its own command from its Add… setup, e.g. the catalog's import-catalog; the list
    /// prints in registration order. <paramref name="run"/> gets a scoped service provider and the arguments after the
    /// command name, and returns the exit code.
    /// </summary>
    /// <param name="migrateFirst">False for a command that must see the database before the migrations (e.g. restore).</param>
    public static void Register(string name, string usage, Func<IServiceProvider, string[], Task<int>> run, bool migrateFirst = true)
    {
        lock (Gate)
        {
            Commands[name] = (usage, run);
            if (!migrateFirst) WithoutMigrations.Add(name);
        }
    }


    /// <summary>Whether <paramref name="args"/> name a command (first argument) rather than starting the web server.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Known(args[0]);

    private static bool Known(string name) { lock (Gate) return Commands.ContainsKey(name); }

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
            Known(stray) ? $"The command '{stray}' must come first." :
            stray == args[0] && !stray.StartsWith('-') ? $"Unknown command '{stray}'." : $"Unknown argument '{stray}'.");
        PrintCommands(Console.Error);
        return 2;
    }

    private static void PrintCommands(TextWriter to)
    {
        to.WriteLine("Usage: AlAroma.Web <command> [arguments]   or, to start the web server: AlAroma.Web [--urls URL] [--Setting value]");
        to.WriteLine("Commands:");
        string[] usages;
        lock (Gate) usages = Commands.Values.Select(c => c.Usage).ToArray();
        foreach (var u in usages) to.WriteLine("  " + u);
        to.WriteLine("  help                                     this list");
    }

    /// <summary>
    /// Runs the command <c>args[0]</c> of <see cref="Register"/> on <paramref name="services"/> (the web app's, or the
    /// slim host's of <see cref="CommandHost"/>) after applying pending migrations, and returns its exit code; a refusal
    /// prints <c>error: …</c> and gives 1.
    /// </summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        try
        {
            bool migrateFirst;
            Func<IServiceProvider, string[], Task<int>> run;
            lock (Gate) (migrateFirst, run) = (!WithoutMigrations.Contains(args[0]), Commands[args[0]].Run);
            if (migrateFirst)
            {
                using var s = services.CreateScope();
                var database = s.ServiceProvider.GetRequiredService<AppDbContext>().Database;
                // MigrateAsync also diffs the model against the last snapshot (a second model of ~100 entities, about a
                // second and tens of MiB an operator's script pays on every run); the history table alone says whether
                // there is anything to apply.
                if ((await database.GetPendingMigrationsAsync()).Any()) await database.MigrateAsync();
            }
            using var scope = services.CreateScope();
            return await run(scope.ServiceProvider, args[1..]);
        }
        catch (Exception e) when (e is BusinessRuleException or InvalidOperationException or ArgumentException or FileNotFoundException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        finally
        {
            // The web server of ./run.sh may be using the same private cluster.
            services.GetService<LocalPostgres>()?.Release(LocalPostgres.PrintToConsole);
        }
    }
}
