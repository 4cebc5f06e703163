using System.Text.Json;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Auditing;

namespace AlAroma.Web.Features.Account;

/// <summary>
/// Sign-ins, refused sign-ins, lockouts and sign-outs of the login page as audit entries (entity "AppUser", key = the
/// user id, "" for an e-mail no account has), each with the request's IP and user agent. The user name is the
/// account's e-mail, or the e-mail typed when there is no such account. A refusal of the attempt limiter
/// (<see cref="SignInLimits"/>, 429) is not written: it would let a flood of posts flood the log too.
/// </summary>
public sealed class SignInAudit(AppDbContext db, ICurrentUser request, TimeProvider clock)
{
    /// <summary>Audit actions written here.</summary>
    public const string SignIn = "SignIn", SignInFailed = "SignInFailed", Lockout = "Lockout", SignOut = "SignOut";

    /// <summary>Why a sign-in was refused (the "Reason" of a <see cref="SignInFailed"/> entry).</summary>
    public const string UnknownEmail = "UnknownEmail", WrongPassword = "WrongPassword", LockedOut = "LockedOut", WrongCode = "WrongCode";

    /// <summary>How the user proved who they are (the "Method" of a <see cref="SignIn"/> entry).</summary>
    public const string ByPassword = "Password", ByAppCode = "AuthenticatorCode", ByRecoveryCode = "RecoveryCode";

    /// <summary>Writes one entry and saves it at once (outside any other work, so it stays whatever follows).</summary>
    /// <param name="action">One of <see cref="SignIn"/>, <see cref="SignInFailed"/>, <see cref="Lockout"/>, <see cref="SignOut"/>.</param>
    /// <param name="user">The account, null when the e-mail matches none.</param>
    /// <param name="email">The e-mail typed (used when <paramref name="user"/> is null).</param>
    /// <param name="details">Small object stored as the entry's new values (JSON), e.g. <c>new { Reason = WrongPassword }</c>.</param>
    public async Task WriteAsync(string action, AppUser? user, string? email, object details, CancellationToken ct = default)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = user?.Id,
            UserName = Cut(user?.Email ?? email?.Trim() ?? "", 256),
            Ip = request.Ip,
            UserAgent = request.UserAgent is { } ua ? Cut(ua, 500) : null,
            Action = action,
            Entity = nameof(AppUser),
            Key = user?.Id ?? "",
            NewValues = JsonSerializer.Serialize(details),
        });
        await db.SaveChangesAsync(ct);
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
