using System.Globalization;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Notifications.Channels.Telegram;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Features.Reports;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Jobs;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Bots.Staff;

/// <summary>
/// Closing-time job: every manager who linked the staff bot gets the day so far in Telegram — per shop they see:
/// revenue (₽, net of returns, as «Продажи за день» counts it), receipts and the average receipt; then new customers
/// and reviews of the day (count, average rating, how many ≤ 6). The day is today in the chain's zone (Europe/Moscow);
/// each shop's day is its own local day, as in the report. Idempotent per day: a message in the outbox for
/// (<see cref="EntityType"/>, "yyyy-MM-dd", chat) is not queued again.
/// </summary>
public sealed class SendStaffDaySummary(AppDbContext db, GetDailySales sales, NotificationOutbox outbox, TimeProvider clock)
{
    /// <summary>Business entity type of the summary's outbox rows.</summary>
    public const string EntityType = "StaffDaySummary";

    /// <returns>Messages queued.</returns>
    public async Task<JobOutcome> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var day = LocalTime.Today(now, LocalTime.DefaultZone);
        var key = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sent = await db.Notifications.AsNoTracking().Where(n => n.EntityType == EntityType && n.EntityId == key).Select(n => n.Recipient).ToListAsync(ct);
        var managers = await db.Users.AsNoTracking()
            .Where(u => u.TelegramChatId != null && (u.LockoutEnd == null || u.LockoutEnd <= now)
                        && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Manager)))
            .Select(u => new { Chat = u.TelegramChatId!.Value, Locations = u.Locations.Select(l => l.LocationId).ToList() })
            .ToListAsync(ct);
        var due = managers.Where(m => !sent.Contains(m.Chat.ToString(CultureInfo.InvariantCulture))).ToList();
        if (due.Count == 0) return new JobOutcome(0, "Итоги дня уже отправлены (или никто из менеджеров не привязал бот)");
        var shops = await db.Locations.AsNoTracking().Where(l => l.IsActive && l.Kind == LocationKind.Shop).OrderBy(l => l.Code).ToListAsync(ct);
        var (fromUtc, toUtc) = LocalTime.UtcRange(day);
        var newCustomers = await db.Customers.CountAsync(c => c.CreatedAtUtc >= fromUtc && c.CreatedAtUtc < toUtc && c.MergedIntoId == null, ct);

        foreach (var group in due.GroupBy(m => string.Join(",", m.Locations.Order())))
        {
            var bound = group.First().Locations;
            var theirs = bound.Count == 0 ? shops : shops.Where(s => bound.Contains(s.Id)).ToList();
            if (theirs.Count == 0) continue;
            var report = await sales.ForShopsAsync(theirs, day, GetDailySales.AllShopsLabel, null, ct);
            var ids = theirs.Select(s => s.Id).ToList();
            var reviews = await db.Feedback.Where(f => f.Kind == Feedback.FeedbackKind.Review && f.CreatedAtUtc >= fromUtc && f.CreatedAtUtc < toUtc
                                                         && f.LocationId != null && ids.Contains(f.LocationId.Value))
                .Select(f => f.Rating!.Value).ToListAsync(ct);
            var text = Text(day, report, newCustomers, reviews);
            foreach (var m in group) outbox.TelegramToStaff(m.Chat, text, new NotificationSubject(EntityType, key));
        }
        await db.SaveChangesAsync(ct);
        return new JobOutcome(due.Count, $"Итоги дня в бот сотрудников: {due.Count} {Plural.Of(due.Count, "сообщение", "сообщения", "сообщений")}");
    }

    /// <summary>The message: a line per shop, the total, new customers and reviews.</summary>
    public static string Text(DateOnly day, DailySales report, int newCustomers, IReadOnlyList<int> ratings)
    {
        var lines = new List<string> { $"<b>Итоги дня {day:dd.MM.yyyy}</b>" };
        lines.AddRange(report.Shops.Select(s => $"{TelegramHtml.Escape(s.Name)}: {Money.Format(s.Revenue)}, чеков {s.Receipts}, средний {Money.Format(s.AverageReceipt)}"));
        if (report.Shops.Count > 1) lines.Add($"<b>Всего: {Money.Format(report.Revenue)}, чеков {report.Receipts}, средний {Money.Format(report.AverageReceipt)}</b>");
        lines.Add($"Новых клиентов: {newCustomers}");
        lines.Add(ratings.Count == 0 ? "Отзывов нет"
            : $"Отзывов: {ratings.Count}, средняя оценка {ratings.Average().ToString("0.0", Money.Ru)}" + (ratings.Count(r => r <= Feedback.Feedback.LowRating) is > 0 and var low ? $", низких (≤ {Feedback.Feedback.LowRating}): {low}" : ""));
        return string.Join("\n", lines);
    }
}

/// <summary>Quartz job of <see cref="SendStaffDaySummary"/>.</summary>
public sealed class SendStaffDaySummaryJob(SendStaffDaySummary work) : ScheduledJob
{
    protected override Task<JobOutcome> RunAsync(CancellationToken ct) => work.RunAsync(ct);
}
