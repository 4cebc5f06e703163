using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Account;

/// <summary>
/// <c>create-user &lt;email&gt; &lt;role&gt; [location] [--password P] [--name N]</c>: creates a staff account bound to
/// one location (code or name); without <c>--password</c> prints a generated one. Throws
/// <see cref="ArgumentException"/> (exit code 1) for a missing argument, an unknown role or location.
/// </summary>
public static class CreateUserCommand
{
    public const string Name = "create-user";
    public const string Usage = "create-user <email> <role> [location] [--password P] [--name N]";

    /// <summary>Runs the command with the scope's services, writing to the console.</summary>
    public static async Task<int> RunAsync(IServiceProvider sp, string[] args)
    {
        var positional = new List<string>();
        string? password = null, name = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--password" && i + 1 < args.Length) password = args[++i];
            else if (args[i] == "--name" && i + 1 < args.Length) name = args[++i];
            else positional.Add(args[i]);
        }
        if (positional.Count < 2) throw new ArgumentException("usage: " + Usage);
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

    private static string GeneratePassword()
    {
        const string chars = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        return "Aa1" + new string(System.Security.Cryptography.RandomNumberGenerator.GetItems<char>(chars, 10));
    }
}
