using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AlAroma.Web.Features.Account.TwoFactor;

/// <summary>
/// «Двухфакторный вход» on the profile: its state, and while it is off the shared key of an authenticator app
/// (created on first visit with <c>UserManager.ResetAuthenticatorKeyAsync</c>: 160 random bits, Base32) with the
/// otpauth:// URI its QR code carries.
/// </summary>
public sealed class GetTwoFactorSetup(UserManager<AppUser> users, SignInManager<AppUser> signIn, IOptions<TwoFactorOptions> options)
{
    /// <param name="Enabled">Two-factor sign-in is on.</param>
    /// <param name="Required">The user's role requires it (it cannot be turned off).</param>
    /// <param name="Key">While off: the key for typing by hand, in groups of four; null when on.</param>
    /// <param name="Uri">While off: the otpauth:// URI of the QR code; null when on.</param>
    /// <param name="RecoveryCodesLeft">Unused recovery codes (0 while off).</param>
    public sealed record Model(bool Enabled, bool Required, string? Key, string? Uri, int RecoveryCodesLeft);

    /// <summary>The state of <paramref name="user"/>. Creating a key changes the security stamp, so the session is renewed here.</summary>
    public async Task<Model> HandleAsync(AppUser user)
    {
        var required = await IsRequiredAsync(user);
        if (await users.GetTwoFactorEnabledAsync(user))
            return new Model(true, required, null, null, await users.CountRecoveryCodesAsync(user));
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        return new Model(false, required, TwoFactorRules.FormatKey(key), TwoFactorRules.AuthenticatorUri(user.Email ?? user.UserName ?? "", key), 0);
    }

    /// <summary>True when the role of <paramref name="user"/> requires two-factor sign-in (<see cref="TwoFactorOptions.RequiredForRoles"/>).</summary>
    public async Task<bool> IsRequiredAsync(AppUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return TwoFactorRules.IsRequired(options.Value.RequiredRoles, roles.Contains);
    }
}
