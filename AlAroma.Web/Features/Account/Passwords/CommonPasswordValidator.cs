using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace AlAroma.Web.Features.Account.Passwords;

/// <summary>
/// Refuses passwords that attackers try first (NIST SP 800-63B §3.1.1.2): the 112 130 most common passwords of at
/// least 10 characters from SecLists (see common-passwords.NOTICE.md), and passwords built from the user's own
/// e-mail. Case is ignored ("Qwertyuiop" is as weak as "qwertyuiop"). Composition rules are deliberately absent:
/// NIST advises against them, the length rule and this list do the work.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    /// <summary>Identity error code of a listed password.</summary>
    public const string CommonCode = "PasswordTooCommon";

    /// <summary>Identity error code of a password that contains the user's e-mail name.</summary>
    public const string ContainsEmailCode = "PasswordContainsEmail";

    // Loaded on the first password set (admin screens, CLI), not at start-up: about 7 MB in memory.
    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    /// <summary>True when <paramref name="password"/> is on the shipped list (case-insensitive).</summary>
    public static bool IsCommon(string password) => Common.Value.Contains(password.ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        if (IsCommon(password))
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = CommonCode,
                Description = "Этот пароль слишком распространён — его подбирают первым. Придумайте другой: например, три-четыре не связанных слова.",
            }));
        var name = (user.Email ?? user.UserName ?? "").Split('@')[0];
        if (name.Length >= 4 && password.Contains(name, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = ContainsEmailCode,
                Description = "Пароль не должен содержать e-mail сотрудника — придумайте другой.",
            }));
        return Task.FromResult(IdentityResult.Success);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("AlAroma.Web.common-passwords.txt")
                           ?? throw new InvalidOperationException("The embedded list common-passwords.txt is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line);
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
