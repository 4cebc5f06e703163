using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Notifications.Bell;

/// <summary>«Прочитано», «Прочитать все» and opening a notification: only ever the signed-in user's own rows.</summary>
public sealed class MarkNotificationsRead(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Marks one notification read (again is harmless) and returns the link it opens, or null.</summary>
    /// <exception cref="BusinessRuleException">No such notification of this user.</exception>
    public async Task<string?> OneAsync(long id, CancellationToken ct)
    {
        var n = await db.Set<UserNotification>().FirstOrDefaultAsync(x => x.Id == id && x.UserId == user.UserId, ct)
                ?? throw new BusinessRuleException("Уведомление не найдено — возможно, оно уже удалено. Обновите список.");
        if (n.ReadUtc is null)
        {
            n.ReadUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return n.Link;
    }

    /// <summary>Marks every unread notification of the user read; returns how many.</summary>
    public Task<int> AllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<UserNotification>().Where(n => n.UserId == user.UserId && n.ReadUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadUtc, now), ct);
    }
}
