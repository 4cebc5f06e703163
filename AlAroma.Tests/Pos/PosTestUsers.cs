using System.Security.Claims;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Account;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Pos;

/// <summary>Acting as a demo user when calling POS handlers directly (they read the user from the HTTP context).</summary>
internal static class PosTestUsers
{
    /// <summary>The principal the sign-in cookie of <paramref name="email"/> would carry (roles, full name, locations).</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(AppFixture app, string email)
    {
        using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
    }

    /// <summary>
    /// Makes <paramref name="user"/> the current user of <paramref name="scope"/>. Synchronous on purpose: the HTTP
    /// context lives in an AsyncLocal, so it must be set in the async flow that then calls the handlers.
    /// </summary>
    public static IServiceScope As(this IServiceScope scope, ClaimsPrincipal user)
    {
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = user, RequestServices = scope.ServiceProvider };
        return scope;
    }

    /// <summary>Id of the register named <paramref name="name"/> at the shop with <paramref name="shopCode"/>.</summary>
    public static async Task<int> RegisterIdAsync(AppFixture app, string shopCode, string name)
    {
        await using var db = app.Db();
        return await db.Registers.Where(r => r.Name == name && db.Locations.Any(l => l.Id == r.LocationId && l.Code == shopCode)).Select(r => r.Id).SingleAsync();
    }
}
