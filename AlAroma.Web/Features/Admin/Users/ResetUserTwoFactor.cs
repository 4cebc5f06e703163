using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace AlAroma.Web.Features.Admin.Users;

/// <summary>
/// «Сбросить двухфакторный вход» for a staff member who lost their phone and their recovery codes: two-factor off, a
/// new key (the old app entry and the recovery codes stop working), their open sessions ended. A role that requires it
/// is taken to the set-up page at the next sign-in with the password. The change of the user row is audited as the admin.
/// </summary>
public sealed class ResetUserTwoFactor(UserManager<AppUser> users)
{
    /// <returns>The user's full name, for the message.</returns>
    /// <exception cref="BusinessRuleException">Unknown user, or two-factor sign-in is not on for them.</exception>
    public async Task<string> HandleAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new BusinessRuleException("Пользователь не найден — обновите список.");
        if (!await users.GetTwoFactorEnabledAsync(user))
            throw new BusinessRuleException($"У пользователя {user.FullName} двухфакторный вход не включён — сбрасывать нечего.");
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.UpdateSecurityStampAsync(user); // SessionStampCheck ends the user's open sessions on their next request
        return user.FullName;
    }
}
