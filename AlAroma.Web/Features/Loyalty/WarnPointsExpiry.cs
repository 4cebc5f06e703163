using AlAroma.Web.Data;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Jobs;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Loyalty;

/// <summary>
/// Daily: warns a customer in the Telegram bot «7 декабря сгорят 120 баллов» when an accrual or gift expires within
/// <see cref="DaysAhead"/> days — only the points still left of it after FIFO spends (<see cref="PointsFifo.Remaining"/>),
/// nothing when all of it was spent. Only customers the bot can reach (<see cref="Customers.Customer.TelegramChatId"/>)
/// who have the Telegram consent on (<see cref="Customers.Customer.MarketingTelegram"/>). Once per accrual: the message
/// goes through the outbox with the subject (<see cref="SubjectType"/>, the ledger entry's id), and an accrual that
/// already has one is skipped; each customer is done in a transaction holding the customer's row. The date is the
/// local day of the customer's home shop (the chain's zone without one).
/// </summary>
public sealed class WarnPointsExpiry(AppDbContext db, NotificationOutbox outbox, TimeProvider clock)
{
    /// <summary>How many days before the expiry the warning goes (issue 12: a bot warning 7 days before).</summary>
    public const int DaysAhead = 7;

    /// <summary>Outbox subject type of a warning; the subject id is the accrual's <see cref="PointsEntry.Id"/>.</summary>
    public const string SubjectType = "PointsExpiryWarning";

    private static readonly string[] Months = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

    /// <returns>Warnings queued and to how many customers, in words.</returns>
    public async Task<JobOutcome> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddDays(DaysAhead);
        var candidates = await db.Customers.AsNoTracking()
            .Where(c => c.TelegramChatId != null && c.MarketingTelegram && c.MergedIntoId == null && c.PointsBalance > 0
                && db.PointsEntries.Any(e => e.CustomerId == c.Id && e.Points > 0 && e.ExpiresAtUtc > now && e.ExpiresAtUtc <= until
                    && !db.Notifications.Any(n => n.EntityType == SubjectType && n.EntityId == e.Id.ToString())))
            .Select(c => new { c.Id, Chat = c.TelegramChatId!.Value, Zone = db.Locations.Where(l => l.Id == c.HomeLocationId).Select(l => l.TimeZoneId).FirstOrDefault() })
            .ToListAsync(ct);
        var (warnings, customers) = (0, 0);
        foreach (var c in candidates)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM customers WHERE id = {c.Id} FOR UPDATE", ct);
            var entries = await db.PointsEntries.AsNoTracking().Where(e => e.CustomerId == c.Id).OrderBy(e => e.Id)
                .Select(e => new { e.Id, Entry = new PointsFifo.Entry(e.AtUtc, e.Points, e.ExpiresAtUtc, e.Kind == PointsEntryKind.Expiry) }).ToListAsync(ct);
            var due = PointsFifo.Remaining(entries.Select(e => e.Entry), now)
                .Where(l => l.Left > 0 && l.ExpiresAtUtc > now && l.ExpiresAtUtc <= until)
                .Select(l => (EntryId: entries[l.Index].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Left, l.ExpiresAtUtc)).ToList();
            var ids = due.Select(d => d.EntryId).ToList();
            var warned = await db.Notifications.Where(n => n.EntityType == SubjectType && ids.Contains(n.EntityId!)).Select(n => n.EntityId).ToListAsync(ct);
            var sent = 0;
            foreach (var d in due.Where(d => !warned.Contains(d.EntryId)))
            {
                outbox.Telegram(c.Chat, Text(d.Left, LocalTime.ToLocal(d.ExpiresAtUtc, c.Zone)), new NotificationSubject(SubjectType, d.EntryId));
                sent++;
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            if (sent == 0) continue;
            warnings += sent;
            customers++;
        }
        return new JobOutcome(warnings, warnings == 0
            ? "Предупреждать о сгорании баллов некого"
            : $"Отправлено {warnings} {Plural.Of(warnings, "предупреждение", "предупреждения", "предупреждений")} о сгорании баллов {customers} {Plural.Of(customers, "клиенту", "клиентам", "клиентам")}");
    }

    /// <summary>The message: «7 декабря сгорят 120 баллов» and what to do (HTML parse mode).</summary>
    /// <param name="localExpiry">The expiry in the customer's local time.</param>
    public static string Text(int points, DateTime localExpiry) =>
        $"⏳ {localExpiry.Day} {Months[localExpiry.Month - 1]} {Plural.Of(points, "сгорит", "сгорят", "сгорят")} <b>{points} {Plural.Of(points, "балл", "балла", "баллов")}</b>. " +
        "Оплатите ими покупку в любом магазине Al Aroma до этого дня: 1 балл = 1 ₽.";
}

/// <summary>Quartz job of <see cref="WarnPointsExpiry"/>.</summary>
public sealed class WarnPointsExpiryJob(WarnPointsExpiry work) : ScheduledJob
{
    protected override Task<JobOutcome> RunAsync(CancellationToken ct) => work.RunAsync(ct);
}
