using System.ComponentModel.DataAnnotations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Features.Notifications.Templates;
using Microsoft.AspNetCore.Identity;

namespace AlAroma.Web.Features.Account.PasswordReset;

/// <summary>The «Забыли пароль?» form.</summary>
public sealed class ForgotPasswordInput
{
    [Required(ErrorMessage = "Введите e-mail, с которым вы входите."), EmailAddress(ErrorMessage = "Это не похоже на e-mail.")]
    public string Email { get; set; } = "";
}

/// <summary>
/// «Забыли пароль?»: queues the password-reset e-mail (<see cref="PasswordResetEmail"/>) with a set-password link to
/// the staff member with this e-mail, through the outbox in this request's transaction (the dispatcher sends it).
/// The caller answers the same whether the address exists or not, and the work is the same too: a token is made
/// for a throwaway user when no one has the address, so the time does not tell either. A locked account gets the
/// link as well (Identity's reset does not unlock; the reset page says so).
/// </summary>
public sealed class RequestPasswordReset(AppDbContext db, UserManager<AppUser> users, PasswordResetLink links, NotificationOutbox outbox)
{
    /// <summary>Business entity of the queued e-mail.</summary>
    public const string EntityType = "User";

    /// <returns>True when an e-mail was queued (for tests and logs only: never shown to the person asking).</returns>
    public async Task<bool> ExecuteAsync(string email, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        var url = await links.CreateAsync(user ?? new AppUser { Email = email.Trim() });
        if (user?.Email is not { } address) return false;
        outbox.Email(address, new PasswordResetEmail(user.FullName, url), new NotificationSubject(EntityType, user.Id));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
