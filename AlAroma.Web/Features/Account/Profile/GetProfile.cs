using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Account.Profile;

/// <summary>«Профиль»: who the signed-in staff member is, where they work, and their staff-bot link.</summary>
public sealed class GetProfile(AppDbContext db, Microsoft.AspNetCore.Identity.UserManager<AppUser> users, IConfiguration config)
{
    /// <param name="Roles">Russian role names.</param>
    /// <param name="Locations">Names of the locations the user is bound to; empty = all (Admin, Manager).</param>
    /// <param name="TelegramLinked">The staff bot knows this user.</param>
    /// <param name="StaffBotUsername">The staff bot's @username without "@" ("Bots:Staff:Username"), null when not configured.</param>
    /// <param name="LinkCode">A link code just issued, shown once; null otherwise.</param>
    /// <param name="TwoFactorEnabled">Two-factor sign-in with an authenticator app is on (set up at /account/two-factor).</param>
    public sealed record Model(string FullName, string Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Locations,
        bool TelegramLinked, string? StaffBotUsername, string? LinkCode = null, bool TwoFactorEnabled = false);

    /// <returns>The profile, or null when the user no longer exists.</returns>
    public async Task<Model?> HandleAsync(string userId, string? linkCode, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Locations).ThenInclude(l => l.Location).FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return null;
        var roles = await users.GetRolesAsync(user);
        var bot = config["Bots:Staff:Username"]?.TrimStart('@');
        return new Model(user.FullName, user.Email ?? "", roles.Select(Account.Roles.Label).ToList(),
            user.Locations.Select(l => l.Location?.Name ?? "?").OrderBy(n => n).ToList(), user.TelegramUserId is not null,
            string.IsNullOrWhiteSpace(bot) ? null : bot, linkCode, user.TwoFactorEnabled);
    }
}
