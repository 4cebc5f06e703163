using System.Security.Claims;
using AlAroma.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlAroma.Web.Features.Account;

/// <summary>Adds the user's full name and bound location ids to the sign-in cookie, so no request queries them again.</summary>
public sealed class StaffClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    /// <summary>Claim type of a bound location id (one claim per location).</summary>
    public const string LocationClaim = "alaroma:location";

    /// <summary>Claim type of the display name.</summary>
    public const string FullNameClaim = "alaroma:fullname";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        id.AddClaim(new Claim(FullNameClaim, string.IsNullOrWhiteSpace(user.FullName) ? user.Email ?? "" : user.FullName));
        var locations = await db.UserLocations.Where(x => x.UserId == user.Id).Select(x => x.LocationId).ToListAsync();
        foreach (var l in locations) id.AddClaim(new Claim(LocationClaim, l.ToString()));
        if (user.TwoFactorEnabled) id.AddClaim(new Claim(TwoFactor.TwoFactorRules.EnabledClaim, "true"));
        return id;
    }
}
