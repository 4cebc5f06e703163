using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Notifications.Bell;

/// <summary>
/// Who a notification is for: the staff assigned to a location, everyone of a role, or both. Blocked users (lockout
/// in the future) are left out.
/// </summary>
public sealed record Audience
{
    /// <summary>Users assigned to any of these locations (Admin → Пользователи → точки).</summary>
    public IReadOnlyList<int> AtLocations { get; init; } = [];

    /// <summary>Users having any of these roles (<see cref="Roles"/>), whatever their locations.</summary>
    public IReadOnlyList<string> InRoles { get; init; } = [];

    /// <summary>
    /// Managers whose location scope includes this location: those bound to it and those bound to no location at all
    /// (they see every location, <see cref="Locations.LocationScope"/>). Null: nobody by this rule. A location id of 0
    /// means "no location": then only the unbound managers.
    /// </summary>
    public int? ManagersOf { get; init; }

    /// <summary>The managers who see <paramref name="locationId"/> (null: the shop is unknown, the managers who see all).</summary>
    public static Audience ManagersSeeing(int? locationId) => new() { ManagersOf = locationId ?? 0 };

    /// <summary>The staff working at any of <paramref name="locationIds"/>.</summary>
    public static Audience WorkingAt(params int[] locationIds) => new() { AtLocations = locationIds };

    /// <summary>Every manager.</summary>
    public static Audience Managers { get; } = new() { InRoles = [Roles.Manager] };

    /// <summary>Every administrator.</summary>
    public static Audience Admins { get; } = new() { InRoles = [Roles.Admin] };

    /// <summary>The user ids the audience means now, without duplicates.</summary>
    public async Task<List<string>> ResolveAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var locations = AtLocations.ToList();
        var byLocation = db.UserLocations.Where(ul => locations.Contains(ul.LocationId)).Select(ul => ul.UserId);
        var roleNames = InRoles.ToList();
        var byRole = from ur in db.UserRoles
                     join r in db.Roles on ur.RoleId equals r.Id
                     where roleNames.Contains(r.Name!)
                     select ur.UserId;
        var ids = byLocation.Union(byRole);
        if (ManagersOf is { } shop)
        {
            var managers = from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where r.Name == Roles.Manager
                                 && (db.UserLocations.Any(ul => ul.UserId == ur.UserId && ul.LocationId == shop)
                                     || !db.UserLocations.Any(ul => ul.UserId == ur.UserId))
                           select ur.UserId;
            ids = ids.Union(managers);
        }
        var now = new DateTimeOffset(nowUtc, TimeSpan.Zero);
        return await db.Users.Where(u => ids.Contains(u.Id) && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
    }
}
