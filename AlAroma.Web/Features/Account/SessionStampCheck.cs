using System.Security.Claims;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlAroma.Web.Features.Account;

/// <summary>
/// Ends a session as soon as its user's security stamp changes: on logout, lock, password, role, location or e-mail
/// change. Runs on every signed-in request, in place of Identity's interval-based validator (which would let a
/// copied cookie of a logged-out or locked user work until the next check), and costs one primary-key read of one
/// column. A session whose user is gone or whose stamp differs is signed out: the request continues anonymous, so
/// a page redirects to the login and htmx gets 401. While PostgreSQL is unreachable the stamp cannot be read and the
/// request goes on unchecked, to fail at its first read with the 503 page.
/// </summary>
public static class SessionStampCheck
{
    /// <summary>The cookie handler's OnValidatePrincipal event.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = ctx.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = ctx.Principal?.FindFirstValue(stampClaim);
        string? current;
        try
        {
            current = userId is null ? null : await services.GetRequiredService<AppDbContext>().Users.AsNoTracking()
                .Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ctx.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e.IsDatabaseUnreachable())
        {
            // Without PostgreSQL no page can read or change anything, so the request goes on and fails where it reads
            // its data: the user gets the "database unavailable" page (503) instead of an error thrown from sign-in,
            // which the cookie handler would also rethrow into the error page itself.
            return;
        }
        if (current is not null && stamp == current) return;
        ctx.RejectPrincipal();
        await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
