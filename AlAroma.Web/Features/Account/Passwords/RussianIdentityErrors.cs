using Microsoft.AspNetCore.Identity;

namespace AlAroma.Web.Features.Account.Passwords;

/// <summary>
/// Identity's messages in Russian for the people who see them: an admin setting a password or saving a user.
/// The password rules are those of <see cref="AccountSetup"/> (length only, NIST SP 800-63B), so the composition
/// messages exist only in case an option is switched back on.
/// </summary>
public sealed class RussianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Пароль должен быть не короче {length} символов. Проще всего — фраза из нескольких слов." };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"В пароле должно быть не меньше {uniqueChars} разных символов." };

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "В пароле нужен хотя бы один знак, не буква и не цифра." };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = "В пароле нужна хотя бы одна цифра." };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = "В пароле нужна хотя бы одна строчная буква." };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = "В пароле нужна хотя бы одна заглавная буква." };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "Неверный пароль." };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = "Пользователь с таким e-mail уже есть." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = "Пользователь с таким e-mail уже есть." };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = "Это не похоже на e-mail." };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = "E-mail содержит недопустимые символы." };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = "Ссылка или код устарели — запросите новые." };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "Пользователя только что изменил кто-то другой — обновите страницу и повторите." };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = "Не удалось сохранить пользователя — повторите попытку." };
}
