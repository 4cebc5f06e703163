using AlAroma.Web.Features.Locations;
using Microsoft.AspNetCore.Identity;

namespace AlAroma.Web.Features.Account;

/// <summary>A staff member. Bound to one or more locations; a shop user sees only their shops.</summary>
[Infrastructure.Auditing.AuditName("Пользователь", Link = "/admin/users/{0}")]
public class AppUser : IdentityUser
{
    /// <summary>Name shown on receipts and documents ("Иванова А.").</summary>
    public string FullName { get; set; } = "";

    /// <summary>Locations the user works at. Empty for Admin/Manager means "all".</summary>
    public List<UserLocation> Locations { get; set; } = [];

    /// <summary>
    /// «Ежедневный отчёт на почту»: the daily sales Excel of yesterday comes by e-mail every morning (Reports'
    /// <c>EmailDailyReport</c> job). Only managers and administrators get it; set by the admin in the user form.
    /// </summary>
    public bool DailyReportByEmail { get; set; }

    /// <summary>The Telegram account linked to the staff bot (Telegram user id; unique), null when none is.</summary>
    [Infrastructure.Auditing.AuditName("Telegram")]
    public long? TelegramUserId { get; set; }

    /// <summary>
    /// The operator's extension on the PBX (digits, e.g. "100"): «Позвонить через АТС» rings it first, then the number
    /// (<c>Leads/Work/CallThroughPbx</c>); null when the operator dials through the <c>tel:</c> link.
    /// </summary>
    [Infrastructure.Auditing.AuditName("Внутренний номер АТС")]
    public string? PbxExtension { get; set; }

    /// <summary>The private chat of the staff bot with <see cref="TelegramUserId"/>, where its alerts go.</summary>
    [Infrastructure.Auditing.AuditName("Чат Telegram")]
    public long? TelegramChatId { get; set; }
}

/// <summary>Binding of a user to a location (many-to-many).</summary>
[Infrastructure.Auditing.AuditName("Доступ к точке")]
public class UserLocation
{
    public string UserId { get; set; } = "";
    public int LocationId { get; set; }
    public Location? Location { get; set; }
}
