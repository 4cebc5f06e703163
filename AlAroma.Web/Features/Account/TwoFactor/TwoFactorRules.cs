using System.Text;

namespace AlAroma.Web.Features.Account.TwoFactor;

/// <summary>
/// Two-factor sign-in settings, bound to "Security:TwoFactor" (e.g. <c>Security__TwoFactor__RequiredForRoles=Admin,Manager</c>).
/// </summary>
public sealed class TwoFactorOptions
{
    /// <summary>
    /// Comma-separated role names (<see cref="Roles"/>) whose users must use a code from an authenticator app: such a
    /// user without two-factor sign-in is sent to set it up after signing in and can open nothing else until done.
    /// Empty = optional for everyone (the demo and the tests sign in as the seeded admin and manager).
    /// </summary>
    public string RequiredForRoles { get; set; } = Roles.Admin + "," + Roles.Manager;

    /// <summary>The roles of <see cref="RequiredForRoles"/>, trimmed, without empties.</summary>
    public IReadOnlyList<string> RequiredRoles =>
        RequiredForRoles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// The pure rules of two-factor sign-in with a TOTP authenticator app (RFC 6238: 6 digits, 30-second steps, HMAC-SHA1,
/// as ASP.NET Core Identity's <c>AuthenticatorTokenProvider</c> checks them): who must use it, the otpauth:// URI
/// that the QR code carries (Google Authenticator "Key Uri Format", understood by every common app), and how typed
/// codes are cleaned.
/// </summary>
public static class TwoFactorRules
{
    /// <summary>Claim in the sign-in cookie saying the user has two-factor sign-in on ("true"); absent otherwise.
    /// Turning it on or off changes the security stamp, so a cookie with a stale value is refused (<see cref="SessionStampCheck"/>).</summary>
    public const string EnabledClaim = "alaroma:2fa";

    /// <summary>How many recovery codes are issued at once (each works once, in place of a code from the app).</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>The issuer shown in the authenticator app.</summary>
    public const string Issuer = "Al Aroma";

    /// <summary>True when a user with <paramref name="isInRole"/> must have two-factor sign-in under <paramref name="requiredRoles"/>.</summary>
    public static bool IsRequired(IEnumerable<string> requiredRoles, Func<string, bool> isInRole) => requiredRoles.Any(isInRole);

    /// <summary>
    /// <c>otpauth://totp/Al%20Aroma:{email}?secret={key}&amp;issuer=Al%20Aroma&amp;digits=6</c> for the QR code
    /// (https://github.com/google/google-authenticator/wiki/Key-Uri-Format).
    /// </summary>
    /// <param name="email">The account name shown in the app.</param>
    /// <param name="key">The Base32 shared key from <c>UserManager.GetAuthenticatorKeyAsync</c>.</param>
    public static string AuthenticatorUri(string email, string key)
    {
        var issuer = Uri.EscapeDataString(Issuer);
        return $"otpauth://totp/{issuer}:{Uri.EscapeDataString(email)}?secret={key}&issuer={issuer}&digits=6";
    }

    /// <summary>The key for typing by hand: lower case in groups of four ("abcd efgh ..."); apps ignore the spaces.</summary>
    public static string FormatKey(string key)
    {
        var s = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) s.Append(' ');
            s.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return s.ToString().ToLowerInvariant();
    }

    /// <summary>
    /// A typed code without spaces, in upper case ("123 456" → "123456", "abcde-12345" → "ABCDE-12345"): Identity's
    /// recovery codes are upper-case letters and digits with a dash in the middle, compared exactly.
    /// </summary>
    public static string Clean(string? code) => new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    /// <summary>True for a 6-digit code from the app; anything else typed at the code step is tried as a recovery code.</summary>
    public static bool IsAppCode(string cleaned) => cleaned.Length == 6 && cleaned.All(char.IsAsciiDigit);
}
