using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>A manager confirming something at the till (a large cash discrepancy): e-mail and password typed there.</summary>
public sealed record ManagerConfirmation(string? Email, string? Password);

/// <summary>
/// The one check of a manager's e-mail and password typed at a till, for every till operation that needs a
/// manager. It is the login page's check (<see cref="StaffPasswordCheck"/>: failures count towards the account's
/// lockout, a locked account is refused, unknown e-mails cost the same time), plus a limit per register
/// (<see cref="SignInLimitOptions.ManagerChecksPerRegister"/>), and every refusal gets the same words, so a till
/// cannot be used to find out whose password is what or who is a manager.
/// Call it outside any transaction of the operation: the failed-attempt counter must be written even when the
/// operation is then refused.
/// </summary>
public sealed class ManagerApproval(AppDbContext db, StaffPasswordCheck check, UserManager<AppUser> users, SignInLimits limits)
{
    /// <summary>The answer to wrong credentials, an unknown or locked account, and a user who is not a manager.</summary>
    public const string Refused = "E-mail или пароль неверны, или это не менеджер: подтвердить может только менеджер или администратор своими e-mail и паролем. Ничего не сохранено.";

    /// <summary>Checks the confirming manager.</summary>
    /// <param name="registerId">The register the credentials were typed at (the limit counts per register).</param>
    /// <param name="manager">What was typed; null or empty fields mean "no confirmation given".</param>
    /// <param name="why">The sentence that says what needs confirming; every refusal starts with it.</param>
    /// <param name="ask">What to do when nothing was typed ("Пересчитайте … или попросите менеджера …").</param>
    /// <returns>The confirming manager's display name, to store with the operation.</returns>
    /// <exception cref="BusinessRuleException">Nothing typed, too many attempts at this register or for this e-mail, or refused.</exception>
    public async Task<string> ConfirmAsync(int registerId, ManagerConfirmation? manager, string why, string ask)
    {
        if (string.IsNullOrWhiteSpace(manager?.Email) || string.IsNullOrEmpty(manager.Password))
            throw new BusinessRuleException(why + ask);
        if (limits.TryRegister(registerId) is { } registerWait) throw TooMany(why, registerWait);
        // Asked before the password for every e-mail, existing or not, so a non-manager's right password costs the same queries as a wrong one.
        var normalized = users.NormalizeEmail(manager.Email.Trim());
        var isManager = await db.Users.AnyAsync(u => u.NormalizedEmail == normalized && db.UserRoles.Any(ur => ur.UserId == u.Id
            && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Manager || r.Name == Roles.Admin))));
        var result = await check.CheckAsync(manager.Email, manager.Password);
        if (result.RetryAfter is { } accountWait) throw TooMany(why, accountWait);
        if (result.User is not { } user || !isManager) throw new BusinessRuleException(why + Refused);
        return string.IsNullOrWhiteSpace(user.FullName) ? user.Email ?? manager.Email : user.FullName;
    }

    private static BusinessRuleException TooMany(string why, TimeSpan wait) =>
        new(why + $"Слишком много попыток подтверждения. {SignInLimits.WaitText(wait)} и попробуйте снова.");
}
