using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Notifications.Bell;

/// <summary>What a notification says: kind, Russian title and text, the link it opens and the location it is about.</summary>
/// <param name="Kind">One of <see cref="NotificationKinds"/>.</param>
/// <param name="Title">Russian headline (≤ 200 characters; longer is cut).</param>
/// <param name="Text">Russian detail (≤ 1000 characters; longer is cut).</param>
/// <param name="Link">Local path to open, e.g. <c>/warehouse/transfers/12</c>, or null.</param>
/// <param name="LocationId">The location concerned, or null.</param>
/// <param name="OnceKey">Set to write it at most once per user for this key (e.g. low stock per product and day).</param>
/// <param name="LinkRoles">
/// The roles that may open <paramref name="Link"/>, comma-separated as in <c>[Authorize(Roles = …)]</c> (e.g.
/// <c>Roles.Stock</c>); a recipient without any of them gets the notice without the link (opening it shows the list),
/// not a page that refuses them. Null: everyone may open it.
/// </param>
public sealed record Notice(string Kind, string Title, string Text, string? Link = null, int? LocationId = null, string? OnceKey = null, string? LinkRoles = null);

/// <summary>
/// The API features call to ring the bell, inside their own business transaction: rows are added to the caller's
/// <see cref="AppDbContext"/> and saved by the caller's <c>SaveChanges</c>; the table's trigger queues a
/// <c>NOTIFY</c> that PostgreSQL delivers on commit, so a rolled-back change notifies nobody.
/// </summary>
public static class UserNotifications
{
    /// <summary>
    /// Adds one notification per user of <paramref name="audience"/> (not saved yet). The acting user
    /// (<paramref name="exceptUserId"/>) is left out: nobody needs news of what they just did themselves.
    /// </summary>
    /// <returns>How many rows were added.</returns>
    public static async Task<int> AddAsync(AppDbContext db, Audience audience, Notice notice, DateTime nowUtc, string? exceptUserId, CancellationToken ct)
    {
        var users = await audience.ResolveAsync(db, nowUtc, ct);
        users.Remove(exceptUserId ?? "");
        if (notice.OnceKey is { } key && users.Count > 0)
        {
            var already = await db.Set<UserNotification>().Where(n => n.OnceKey == key && users.Contains(n.UserId)).Select(n => n.UserId).ToListAsync(ct);
            users.RemoveAll(already.Contains);
        }
        var mayOpen = await MayOpenLinkAsync(db, notice, users, ct);
        foreach (var userId in users)
            db.Add(new UserNotification
            {
                UserId = userId, Kind = notice.Kind, Title = Cut(notice.Title, 200), Text = Cut(notice.Text, 1000),
                Link = mayOpen is null || mayOpen.Contains(userId) ? notice.Link : null,
                LocationId = notice.LocationId, OnceKey = notice.OnceKey, CreatedUtc = nowUtc,
            });
        return users.Count;
    }

    /// <summary>
    /// Tells every administrator that something went wrong (e.g. a scheduled job failed: the lead wires the Jobs page's
    /// failure to it). Saves at once when the caller has no transaction open.
    /// </summary>
    /// <param name="db">The caller's context.</param>
    /// <param name="title">Russian headline, e.g. «Задание «Резервная копия» завершилось ошибкой».</param>
    /// <param name="text">Russian detail, e.g. the error message.</param>
    /// <param name="link">Page that shows more (e.g. <c>/admin/jobs</c>), or null.</param>
    /// <param name="nowUtc">Now, UTC.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task NotifyAdminsAsync(AppDbContext db, string title, string text, string? link, DateTime nowUtc, CancellationToken ct)
    {
        await AddAsync(db, Audience.Admins, new Notice(NotificationKinds.JobFailed, title, text, link), nowUtc, null, ct);
        if (db.Database.CurrentTransaction is null) await db.SaveChangesAsync(ct);
    }

    /// <summary>Those of <paramref name="users"/> whose roles let them open the notice's link; null = all of them.</summary>
    private static async Task<HashSet<string>?> MayOpenLinkAsync(AppDbContext db, Notice notice, List<string> users, CancellationToken ct)
    {
        if (notice.Link is null || string.IsNullOrWhiteSpace(notice.LinkRoles) || users.Count == 0) return null;
        var roles = notice.LinkRoles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var ids = await (from ur in db.UserRoles
                         join r in db.Roles on ur.RoleId equals r.Id
                         where users.Contains(ur.UserId) && roles.Contains(r.Name!)
                         select ur.UserId).Distinct().ToListAsync(ct);
        return ids.ToHashSet();
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
