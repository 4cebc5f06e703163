using Microsoft.AspNetCore.Identity;

namespace AlAroma.Web.Features.Account.TwoFactor;

/// <summary>
/// «Включить»: the user types the code their app shows for the key of <see cref="GetTwoFactorSetup"/>; when it is
/// right (Identity's authenticator token provider, RFC 6238, ±1 step of 30 s) two-factor sign-in is on and
/// <see cref="TwoFactorRules.RecoveryCodeCount"/> recovery codes are issued, to be shown once.
/// </summary>
public sealed class EnableTwoFactor(UserManager<AppUser> users, SignInManager<AppUser> signIn)
{
    /// <returns>The new recovery codes, or null when the code is wrong (nothing changes then).</returns>
    public async Task<IReadOnlyList<string>?> HandleAsync(AppUser user, string? code)
    {
        var cleaned = TwoFactorRules.Clean(code);
        if (!TwoFactorRules.IsAppCode(cleaned)) return null;
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned)) return null;
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorRules.RecoveryCodeCount))!.ToList();
        await signIn.RefreshSignInAsync(user); // the stamp changed; the new cookie carries the two-factor claim
        return codes;
    }
}
