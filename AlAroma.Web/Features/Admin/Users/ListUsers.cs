using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Admin.Users;

/// <summary>The staff list for the admin: name, e-mail, roles, locations, lockout state.</summary>
public sealed class ListUsers(AppDbContext db, TimeProvider clock)
{
    /// <param name="TwoFactor">Two-factor sign-in is on.</param>
    public sealed record Row(string Id, string Email, string FullName, IReadOnlyList<string> Roles, IReadOnlyList<string> Locations, bool IsLocked, int FailedLogins,
        bool TwoFactor = false);

    public async Task<IReadOnlyList<Row>> HandleAsync(string? search, CancellationToken ct)
    {
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = SqlLike.Contains(search);
            q = q.Where(u => EF.Functions.ILike(u.Email!, s, SqlLike.Escape) || EF.Functions.ILike(u.FullName, s, SqlLike.Escape));
        }
        var users = await q.OrderBy(u => u.FullName).Select(u => new
        {
            u.Id, u.Email, u.FullName, u.LockoutEnd, u.AccessFailedCount, u.TwoFactorEnabled,
            Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            Locations = u.Locations.Select(l => l.Location!.Code).ToList(),
        }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return users.Select(u => new Row(u.Id, u.Email ?? "", u.FullName, u.Roles.Select(Account.Roles.Label).ToList(), u.Locations,
            u.LockoutEnd is { } end && end > now, u.AccessFailedCount, u.TwoFactorEnabled)).ToList();
    }
}
