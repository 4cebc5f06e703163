using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace AlAroma.Web.Features.Account;

/// <summary>Outcome of <see cref="StaffPasswordCheck.CheckAsync"/>: the user when the password is right, or how long to wait when throttled.</summary>
/// <param name="User">The user, when the password is right and the account not locked.</param>
/// <param name="RetryAfter">How long to wait, when the attempt limiter refused the attempt (nothing was checked).</param>
/// <param name="Account">The account the e-mail belongs to, right password or not (null for an unknown e-mail); for the audit log only.</param>
/// <param name="LockedOut">The account is locked (before this attempt, or by this failure).</param>
public sealed record PasswordCheckResult(AppUser? User, TimeSpan? RetryAfter, AppUser? Account = null, bool LockedOut = false);

/// <summary>
/// The one check of a staff member's e-mail and password, for the login page and for a manager's confirmation at
/// the till alike: attempts per e-mail are limited (<see cref="SignInLimits"/>), failures count towards the
/// account's lockout and a locked account is refused even with the right password. An unknown e-mail and a locked
/// account still cost one password hash, so the answer takes as long as for a real account and no one can tell
/// from the time which e-mails exist.
/// </summary>
public sealed class StaffPasswordCheck(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, SignInLimits limits)
{
    private static string? dummyHash;

    /// <summary>Checks the credentials; writes the failed-attempt counter and lockout (outside any caller's transaction: they must stay even when the caller's work is refused).</summary>
    public async Task<PasswordCheckResult> CheckAsync(string email, string password)
    {
        if (limits.TryAccount(email) is { } wait) return new(null, wait);
        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            SpendOneHash(password);
            return new(null, null, user, user is not null);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return new(result.Succeeded ? user : null, null, user, result.IsLockedOut);
    }

    private void SpendOneHash(string password)
    {
        var nobody = new AppUser();
        dummyHash ??= hasher.HashPassword(nobody, RandomNumberGenerator.GetHexString(32));
        hasher.VerifyHashedPassword(nobody, dummyHash, password);
    }
}
