using System.Globalization;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Notifications.Channels.Telegram;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Features.Notifications.Templates;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Jobs;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.LowStock;

/// <summary>
/// Morning job: for every active location with products below their minimum (<see cref="ListReorder.BelowMinimum"/>,
/// the same rule as «К заказу»), one e-mail <see cref="LowStockDigestEmail"/> listing them to each of the location's
/// responsible staff: the storekeepers bound to it, and the managers who see it (bound to it, or to no location =
/// all). Blocked users and users without an e-mail are left out. Staff who linked the staff bot also get the list in
/// Telegram. Nothing is sent for a location with nothing low.
/// Idempotent per local day of the location: a message already in the outbox for (location, day, recipient) is not
/// queued again (the row's business entity is <see cref="EntityType"/> with id "yyyy-MM-dd/locationId").
/// </summary>
public sealed class EmailLowStockDigest(AppDbContext db, NotificationOutbox outbox, TimeProvider clock)
{
    /// <summary>Business entity type of the digest's outbox rows.</summary>
    public const string EntityType = "LowStockDigest";

    private sealed record Person(string Email, string Role, List<int> LocationIds, long? TelegramChatId);

    /// <returns>E-mails queued and for how many locations.</returns>
    public async Task<JobOutcome> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var locations = await db.Locations.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Code).ToListAsync(ct);
        var rows = await ListReorder.BelowMinimum(db, locations.Select(l => l.Id).ToList()).ToListAsync(ct);
        if (rows.Count == 0) return new JobOutcome(0, "Товаров ниже минимального остатка нет — писем нет");

        var staff = await StaffAsync(now, ct);
        var (queued, places) = (0, 0);
        foreach (var location in locations)
        {
            var lines = rows.Where(r => r.LocationId == location.Id)
                .Select(r => new LowStockLine(r.Sku, r.Name, r.Quantity, r.MinQuantity, r.Suggested)).ToList();
            if (lines.Count == 0) continue;
            var day = LocalTime.Today(now, location.TimeZoneId);
            var key = $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{location.Id}";
            var sent = await db.Notifications.AsNoTracking()
                .Where(n => n.EntityType == EntityType && n.EntityId == key).Select(n => n.Recipient.ToLower()).ToListAsync(ct);
            var responsible = staff.Where(p => p.Role == Roles.Storekeeper ? p.LocationIds.Contains(location.Id) : p.LocationIds.Count == 0 || p.LocationIds.Contains(location.Id)).ToList();
            var recipients = responsible.Select(p => p.Email).Where(e => !sent.Contains(e.ToLowerInvariant())).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var email in recipients)
                outbox.Email(email, new LowStockDigestEmail(day, location.Name, lines), new NotificationSubject(EntityType, key));
            var chats = responsible.Select(p => p.TelegramChatId).OfType<long>().Distinct()
                .Where(c => !sent.Contains(c.ToString(CultureInfo.InvariantCulture))).ToList();
            foreach (var chat in chats)
                outbox.TelegramToStaff(chat, TelegramText(location.Name, lines), new NotificationSubject(EntityType, key));
            queued += recipients.Count + chats.Count;
            if (recipients.Count + chats.Count > 0) places++;
        }
        await db.SaveChangesAsync(ct);
        return new JobOutcome(queued, queued == 0
            ? "Сводка о низких остатках за сегодня уже отправлена (или получателей нет)"
            : $"Сводка о низких остатках: {queued} {Plural.Of(queued, "сообщение", "сообщения", "сообщений")} по {places} {Plural.Of(places, "точке", "точкам", "точкам")}");
    }

    /// <summary>The staff bot's short form of the digest: at most 20 lines, the rest counted.</summary>
    private static string TelegramText(string location, IReadOnlyList<LowStockLine> lines)
    {
        var shown = lines.Take(20).Select(l => $"• {TelegramHtml.Escape(l.Name)} ({TelegramHtml.Escape(l.Sku)}): {l.OnHand} шт., минимум {l.Threshold}, заказать {l.Suggested}");
        var more = lines.Count > 20 ? $"\n…и ещё {lines.Count - 20}: «Склад» → «К заказу»." : "";
        return $"<b>Мало товара: {TelegramHtml.Escape(location)}</b>\n{string.Join("\n", shown)}{more}";
    }

    /// <summary>Managers and storekeepers who can be written to now, with the locations they are bound to.</summary>
    private async Task<List<Person>> StaffAsync(DateTimeOffset now, CancellationToken ct)
    {
        var people = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where (r.Name == Roles.Manager || r.Name == Roles.Storekeeper) && u.Email != null && (u.LockoutEnd == null || u.LockoutEnd <= now)
                            orderby u.Email
                            select new { u.Email, Role = r.Name, Locations = u.Locations.Select(l => l.LocationId).ToList(), u.TelegramChatId })
            .ToListAsync(ct);
        return people.Select(p => new Person(p.Email!, p.Role!, p.Locations, p.TelegramChatId)).ToList();
    }
}

/// <summary>Quartz job of <see cref="EmailLowStockDigest"/>.</summary>
public sealed class EmailLowStockDigestJob(EmailLowStockDigest work) : ScheduledJob
{
    protected override Task<JobOutcome> RunAsync(CancellationToken ct) => work.RunAsync(ct);
}
