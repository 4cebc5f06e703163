using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace AlAroma.Web.Features.Account.TwoFactor;

/// <summary>Marks an action a signed-in user may use before setting up a required two-factor sign-in (the setup itself, sign-out).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowWithoutTwoFactorAttribute : Attribute;

/// <summary>
/// Global MVC filter: a signed-in user whose role requires two-factor sign-in (<see cref="TwoFactorOptions.RequiredForRoles"/>)
/// and who has not set it up yet gets every page redirected to <see cref="SetupPath"/> (htmx: HX-Redirect), except
/// anonymous pages and actions marked <see cref="AllowWithoutTwoFactorAttribute"/>. Reads only the cookie's claims
/// (<see cref="TwoFactorRules.EnabledClaim"/>), no database.
/// </summary>
public sealed class TwoFactorRequiredFilter(IOptions<TwoFactorOptions> options) : IAuthorizationFilter
{
    /// <summary>The setup page a user is sent to.</summary>
    public const string SetupPath = "/account/two-factor";

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true || user.HasClaim(TwoFactorRules.EnabledClaim, "true")) return;
        var endpoint = context.HttpContext.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<IAllowAnonymous>() is not null || endpoint?.Metadata.GetMetadata<AllowWithoutTwoFactorAttribute>() is not null) return;
        if (!TwoFactorRules.IsRequired(options.Value.RequiredRoles, user.IsInRole)) return;
        var url = SetupPath + "?required=true";
        if (context.HttpContext.Request.IsHtmx())
        {
            context.HttpContext.Response.HxRedirect(url);
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
        else context.Result = new RedirectResult(url);
    }
}
