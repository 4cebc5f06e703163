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
        var now = new DateTimeOffset(nowUtc, TimeSpan.Zero);
        return await db.Users.Where(u => ids.Contains(u.Id) && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
    }
}
