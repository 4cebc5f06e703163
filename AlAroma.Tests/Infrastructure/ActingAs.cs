using AlAroma.Web.Features.Locations;
using System.Security.Claims;
using AlAroma.Web.Features.Account;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Infrastructure;

/// <summary>
/// Calling handlers directly as a signed-in user: handlers read the user (roles, locations, name) from the HTTP
/// context through LocationScope and ICurrentUser, so a test puts a principal there.
/// </summary>
public static class ActingAs
{
    /// <summary>The principal the sign-in cookie of <paramref name="email"/> would carry (roles, full name, locations).</summary>
    /// <exception cref="InvalidOperationException">No such user.</exception>
    public static async Task<ClaimsPrincipal> PrincipalAsync(this AppFixture app, string email)
    {
        using var scope = app.Scope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
                   ?? throw new InvalidOperationException($"No user {email}");
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

    /// <summary>Runs <paramref name="act"/> in a fresh DI scope as if <paramref name="email"/> made the request.</summary>
    public static async Task<T> AsAsync<T>(this AppFixture app, string email, Func<IServiceProvider, Task<T>> act)
    {
        var principal = await app.PrincipalAsync(email);
        using var scope = app.Scope().As(principal);
        return await act(scope.ServiceProvider);
    }

    /// <summary>Runs a handler call as <paramref name="email"/> (see <see cref="AsAsync{T}"/>).</summary>
    public static Task AsAsync(this AppFixture app, string email, Func<IServiceProvider, Task> act) =>
        app.AsAsync(email, async sp => { await act(sp); return 0; });
}
