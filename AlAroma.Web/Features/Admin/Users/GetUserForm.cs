using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Admin.Users;

/// <summary>What the create/edit user form shows: a staff member's current values and the locations to pick from.</summary>
public sealed class GetUserForm(AppDbContext db)
{
    /// <returns>The form filled with the user's e-mail, name, role (Cashier when none) and locations; null when no user has this id.</returns>
    public async Task<UserForm?> ForEditAsync(string id, CancellationToken ct)
    {
        var u = await db.Users.Include(x => x.Locations).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (u is null) return null;
        var role = await db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).FirstOrDefaultAsync(ct);
        return new UserForm { Id = u.Id, Email = u.Email ?? "", FullName = u.FullName, Role = role ?? Roles.Cashier, LocationIds = u.Locations.Select(l => l.LocationId).ToList(), DailyReportByEmail = u.DailyReportByEmail, PbxExtension = u.PbxExtension };
    }

    /// <summary>Every location, ordered by kind, then code: the form's check boxes.</summary>
    public Task<List<Location>> LocationsAsync(CancellationToken ct) =>
        db.Locations.AsNoTracking().OrderBy(l => l.Kind).ThenBy(l => l.Code).ToListAsync(ct);
}
