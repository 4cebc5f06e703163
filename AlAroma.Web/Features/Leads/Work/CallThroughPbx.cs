using AlAroma.Web.Data;
using AlAroma.Web.Features.Leads.Telephony;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Work;

/// <summary>
/// «Позвонить через АТС» on the operator's card: the PBX rings the operator's extension (<c>AppUser.PbxExtension</c>,
/// set by the administrator), then the number the operator holds. The call's outcome arrives by the PBX's webhooks.
/// </summary>
public sealed class CallThroughPbx(AppDbContext db, ZadarmaCallback pbx, TimeProvider clock)
{
    /// <summary>Whether the card offers the button to <paramref name="userId"/>: the PBX configured and the user has an extension.</summary>
    public async Task<string?> ExtensionAsync(string userId, CancellationToken ct) =>
        pbx.Configured ? await db.Users.Where(u => u.Id == userId).Select(u => u.PbxExtension).FirstOrDefaultAsync(ct) : null;

    /// <summary>Starts the call of lead <paramref name="leadId"/>, which <paramref name="userId"/> must hold; returns the Russian confirmation.</summary>
    /// <exception cref="BusinessRuleException">The number is not the user's now, the user has no extension, or the PBX refused.</exception>
    public async Task<string> HandleAsync(long leadId, string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lead = await db.Leads.AsNoTracking().Where(l => l.Id == leadId && l.TakenBy == userId && l.TakenUntilUtc > now).Select(l => new { l.Phone }).FirstOrDefaultAsync(ct)
            ?? throw new BusinessRuleException("Этот номер сейчас не ваш — возьмите следующий номер.");
        var extension = await ExtensionAsync(userId, ct)
            ?? throw new BusinessRuleException("У вас не указан внутренний номер АТС — попросите администратора указать его в «Пользователях», а пока звоните по ссылке с номером.");
        await pbx.CallAsync(extension, lead.Phone.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        return $"АТС звонит на ваш внутренний {extension}: снимите трубку, затем она соединит с абонентом.";
    }
}
