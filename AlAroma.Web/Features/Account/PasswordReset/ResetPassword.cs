using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace AlAroma.Web.Features.Account.PasswordReset;

/// <summary>The new-password form of a reset link.</summary>
public sealed class ResetPasswordInput
{
    public string UserId { get; set; } = "";

    /// <summary>The token as in the link (<see cref="PasswordResetLink.Encode"/>).</summary>
    public string Token { get; set; } = "";

    [Required(ErrorMessage = "Введите новый пароль: не короче 10 символов, удобно — фраза из нескольких слов.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Повторите новый пароль."), Compare(nameof(Password), ErrorMessage = "Пароли не совпадают — введите один и тот же пароль дважды.")]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>
/// Sets a new password from a reset link (Identity's <c>ResetPasswordAsync</c>: the password rules of
/// <see cref="AccountSetup"/>, messages in Russian). The token works once: the reset changes the security stamp,
/// which also ends the user's open sessions. A lockout stays as it was (Identity does not unlock on reset).
/// The audit log records the change of the user with the password hash and the stamp hidden (AuditPolicy); the
/// token itself is stored nowhere.
/// </summary>
public sealed class ResetPassword(UserManager<AppUser> users)
{
    /// <summary>What the page says about a link that does not work.</summary>
    public const string LinkRefused = "Ссылка устарела или уже использована. Запросите новую: «Забыли пароль?» на странице входа.";

    /// <summary>True when the link still works (checked without using it up), for the page before the form is filled.</summary>
    public async Task<bool> IsValidAsync(string? userId, string? token)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        var decoded = PasswordResetLink.Decode(token);
        return user is not null && decoded is not null
               && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, decoded);
    }

    /// <returns>The user's e-mail on success; otherwise null and the Russian errors by field ("" = the link).</returns>
    public async Task<(string? Email, Dictionary<string, string> Errors)> ExecuteAsync(ResetPasswordInput input, CancellationToken ct)
    {
        var user = string.IsNullOrEmpty(input.UserId) ? null : await users.FindByIdAsync(input.UserId);
        var token = PasswordResetLink.Decode(input.Token);
        if (user is null || token is null) return (null, new() { [""] = LinkRefused });
        var result = await users.ResetPasswordAsync(user, token, input.Password);
        if (result.Succeeded) return (user.Email, []);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) return (null, new() { [""] = LinkRefused });
        return (null, new() { [nameof(ResetPasswordInput.Password)] = string.Join(" ", result.Errors.Select(e => e.Description).Distinct()) });
    }
}
