using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace AlAroma.Web.Features.Admin.Users;

/// <summary>Locks a user out indefinitely, or unlocks and clears the failed-login counter.</summary>
public sealed class SetUserLock(UserManager<AppUser> users, ICurrentUser me)
{
    /// <exception cref="BusinessRuleException">Unknown user, or an admin trying to lock themselves out.</exception>
    public async Task HandleAsync(string userId, bool locked)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new BusinessRuleException("Пользователь не найден — обновите список.");
        if (locked && user.Id == me.UserId) throw new BusinessRuleException("Нельзя заблокировать самого себя.");
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked) await users.ResetAccessFailedCountAsync(user);
        if (locked) await users.UpdateSecurityStampAsync(user); // SessionStampCheck ends the user's open sessions on their next request
    }
}
