using System.Text;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace AlAroma.Web.Features.Account.PasswordReset;

/// <summary>
/// The set-password link of the password-reset and staff-welcome e-mails: an Identity password-reset token for the
/// user, on the page <see cref="Path"/>, absolute through <see cref="PublicUrl"/> (<c>App:PublicUrl</c>). The token
/// is valid for <c>Security:PasswordReset:LinkLifetime</c> (24 h by default) and works once: a reset changes the
/// user's security stamp, which the token is bound to, so every earlier link stops working as well.
/// </summary>
public sealed class PasswordResetLink(UserManager<AppUser> users, PublicUrl urls)
{
    /// <summary>The page that sets a new password.</summary>
    public const string Path = "/account/reset-password";

    /// <summary>A fresh link for <paramref name="user"/> (also for an unsaved user: the same work whether the address exists or not).</summary>
    public async Task<string> CreateAsync(AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return urls.For($"{Path}?userId={Uri.EscapeDataString(user.Id)}&token={Encode(token)}");
    }

    /// <summary>The token as it travels in the link (base64url of its UTF-8 bytes: nothing to escape).</summary>
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token of a link, or null when the text is not one (a mangled or cut link).</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }
}
