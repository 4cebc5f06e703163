using System.ComponentModel.DataAnnotations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Account.PasswordReset;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Features.Notifications.Templates;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Admin.Users;

/// <summary>The create/edit user form.</summary>
public sealed class UserForm
{
    public string? Id { get; set; }

    [Required(ErrorMessage = "Введите e-mail."), EmailAddress(ErrorMessage = "Это не похоже на e-mail.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Введите имя — оно печатается на чеках и документах."), StringLength(200)]
    public string FullName { get; set; } = "";

    /// <summary>
    /// New password, optional. On create: empty = the user sets it from the welcome e-mail's link; on edit: empty = unchanged.
    /// </summary>
    public string? Password { get; set; }

    [Required(ErrorMessage = "Выберите роль.")]
    public string Role { get; set; } = Roles.Cashier;
    public List<int> LocationIds { get; set; } = [];

    /// <summary>«Ежедневный отчёт на почту» (<see cref="AppUser.DailyReportByEmail"/>); kept only for a manager or an administrator.</summary>
    public bool DailyReportByEmail { get; set; }

    /// <summary>The extension on the PBX (<see cref="AppUser.PbxExtension"/>), digits; empty = none.</summary>
    public string? PbxExtension { get; set; }
}

/// <summary>
/// Creates or updates a staff member: e-mail, name, one role, locations, the daily report opt-in, optional password
/// reset. A new user gets the welcome e-mail (<see cref="StaffWelcomeEmail"/>, queued in the same transaction): with
/// a set-password link (24 h, once) when the admin gave no password, else with the login link.
/// </summary>
public sealed class SaveUser(AppDbContext db, UserManager<AppUser> users, PasswordResetLink links, NotificationOutbox outbox, PublicUrl urls)
{
    /// <summary>Saves the user in one transaction.</summary>
    /// <returns>The user id, or the Russian validation errors keyed by field name ("" = whole form).</returns>
    public async Task<(string? Id, Dictionary<string, string> Errors)> HandleAsync(UserForm form, CancellationToken ct)
    {
        var errors = Validate(form);
        if (errors.Count > 0) return (null, errors);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = form.Id is null ? new AppUser { LockoutEnabled = true, EmailConfirmed = true }
            : await db.Users.Include(u => u.Locations).FirstOrDefaultAsync(u => u.Id == form.Id, ct)
              ?? throw new BusinessRuleException("Пользователь не найден — обновите список.");
        // The sign-in cookie carries the e-mail and the locations: a change of either ends the user's sessions (below).
        var sessionChanged = form.Id is not null && (!string.Equals(user.Email, form.Email.Trim(), StringComparison.OrdinalIgnoreCase)
            || !user.Locations.Select(l => l.LocationId).Order().SequenceEqual(form.LocationIds.Distinct().Order()));
        user.Email = user.UserName = form.Email.Trim();
        user.FullName = form.FullName.Trim();
        user.DailyReportByEmail = form.DailyReportByEmail && form.Role is Roles.Manager or Roles.Admin;
        user.PbxExtension = string.IsNullOrWhiteSpace(form.PbxExtension) ? null : form.PbxExtension.Trim();
        user.Locations.RemoveAll(l => !form.LocationIds.Contains(l.LocationId));
        foreach (var id in form.LocationIds.Distinct().Where(id => user.Locations.All(l => l.LocationId != id)))
            user.Locations.Add(new UserLocation { LocationId = id });

        var result = form.Id is not null ? await users.UpdateAsync(user)
            : string.IsNullOrEmpty(form.Password) ? await users.CreateAsync(user) : await users.CreateAsync(user, form.Password);
        if (!result.Succeeded) return (null, IdentityErrors(result));
        if (form.Id is not null && !string.IsNullOrEmpty(form.Password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, form.Password); // changes the security stamp itself
            if (!reset.Succeeded) return (null, IdentityErrors(reset));
        }
        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([form.Role]))
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, form.Role);
            sessionChanged = true;
        }
        // SessionStampCheck compares the stamp on every request: old sessions end at once and sign in again with the new claims.
        if (sessionChanged) await users.UpdateSecurityStampAsync(user);
        if (form.Id is null)
        {
            // After the last stamp change above: the link's token is bound to the stamp.
            var setPassword = string.IsNullOrEmpty(form.Password) ? await links.CreateAsync(user) : null;
            outbox.Email(user.Email!, new StaffWelcomeEmail(user.FullName, user.Email!, setPassword, urls.For("/account/login")), new NotificationSubject(RequestPasswordReset.EntityType, user.Id));
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return (user.Id, []);
    }

    private static Dictionary<string, string> Validate(UserForm f)
    {
        var e = new Dictionary<string, string>();
        if (!Roles.All.Contains(f.Role)) e[nameof(f.Role)] = "Выберите роль из списка.";
        if (f.Role is Roles.Seller or Roles.Cashier or Roles.Storekeeper && f.LocationIds.Count == 0)
            e[nameof(f.LocationIds)] = "Укажите хотя бы одну точку: продавцы, кассиры и кладовщики работают на своих точках.";
        if (f.PbxExtension?.Trim() is { Length: > 0 } ext && (ext.Length > 15 || !ext.All(char.IsAsciiDigit)))
            e[nameof(f.PbxExtension)] = "Внутренний номер АТС — только цифры, не больше 15 (например 100).";
        return e;
    }

    // Messages come in Russian from RussianIdentityErrors and CommonPasswordValidator.
    private static Dictionary<string, string> IdentityErrors(IdentityResult r) => new()
    {
        [r.Errors.Any(x => x.Code.Contains("Password")) ? nameof(UserForm.Password) : r.Errors.Any(x => x.Code.Contains("Email") || x.Code.Contains("UserName")) ? nameof(UserForm.Email) : ""] =
            string.Join(" ", r.Errors.Select(x => x.Description).Distinct()),
    };
}
