using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace AlAroma.Web.Features.Account.TwoFactor;

/// <summary>«Отключить»: two-factor sign-in off and a new key (the app's old entry stops matching), for a role that does not require it.</summary>
public sealed class DisableTwoFactor(UserManager<AppUser> users, SignInManager<AppUser> signIn, GetTwoFactorSetup setup)
{
    /// <exception cref="BusinessRuleException">The user's role requires two-factor sign-in.</exception>
    public async Task HandleAsync(AppUser user)
    {
        if (await setup.IsRequiredAsync(user))
            throw new BusinessRuleException("Для вашей роли двухфакторный вход обязателен, отключить его нельзя. Если телефон потерян, войдите по коду восстановления и настройте приложение заново.");
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
    }
}
