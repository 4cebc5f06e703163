using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace AlAroma.Web.Features.Account.TwoFactor;

/// <summary>«Новые коды восстановления»: replaces all recovery codes (the old ones stop working) with <see cref="TwoFactorRules.RecoveryCodeCount"/> new ones.</summary>
public sealed class NewRecoveryCodes(UserManager<AppUser> users)
{
    /// <returns>The new codes, shown once.</returns>
    /// <exception cref="BusinessRuleException">Two-factor sign-in is off.</exception>
    public async Task<IReadOnlyList<string>> HandleAsync(AppUser user)
    {
        if (!await users.GetTwoFactorEnabledAsync(user))
            throw new BusinessRuleException("Коды восстановления бывают только при включённом двухфакторном входе. Сначала включите его.");
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorRules.RecoveryCodeCount))!.ToList();
    }
}
