using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty.Settings;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Jobs;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Loyalty.Birthdays;

/// <summary>
/// Hourly: each customer whose birthday it is in the time zone of their home shop (the chain's zone without one)
/// and whose local time has reached <see cref="BirthdayCalendar.GreetingHour"/> gets the birthday points of the
/// terms in force (valid <see cref="LoyaltyTerms.BirthdayGiftValidDays"/> days) and, when they are in the Telegram
/// bot, a greeting through the outbox. Once a year: the <see cref="BirthdayGift"/> row is written with the points in
/// one transaction, so a second run, another instance or a retry gives nothing more.
/// </summary>
public sealed class GiveBirthdayGifts(AppDbContext db, LoyaltyTermsStore terms, NotificationOutbox outbox, TimeProvider clock)
{
    public async Task<JobOutcome> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Russia's zones are UTC+2…+12: a birthday "today" anywhere falls on the UTC date or the one either side.
        var utcDay = DateOnly.FromDateTime(now.UtcDateTime);
        var days = new[] { utcDay.AddDays(-1), utcDay, utcDay.AddDays(1) };
        var months = days.Select(d => d.Month).Distinct().ToList();
        var candidates = await db.Customers.AsNoTracking()
            .Where(c => c.Birthday != null && months.Contains(c.Birthday.Value.Month))
            .Select(c => new
            {
                c.Id, c.Name, c.TelegramChatId, Birthday = c.Birthday!.Value,
                Zone = db.Locations.Where(l => l.Id == c.HomeLocationId).Select(l => l.TimeZoneId).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var (given, points) = (0, 0);
        foreach (var c in candidates)
        {
            var local = LocalTime.ToLocal(now.UtcDateTime, c.Zone);
            var localDay = DateOnly.FromDateTime(local);
            if (!BirthdayCalendar.IsBirthday(c.Birthday, localDay) || local.Hour < BirthdayCalendar.GreetingHour) continue;
            var t = await terms.ForDayAsync(localDay, ct);
            if (t.BirthdayGiftPoints <= 0) continue;
            if (await GiveAsync(c.Id, c.Name, c.TelegramChatId, c.Zone, localDay.Year, t, now.UtcDateTime, ct)) { given++; points += t.BirthdayGiftPoints; }
        }
        return new JobOutcome(given, given == 0
            ? "Подарков на день рождения сейчас нет"
            : $"Подарено {points} {Plural.Of(points, "балл", "балла", "баллов")} {given} {Plural.Of(given, "клиенту", "клиентам", "клиентам")} на день рождения");
    }

    private async Task<bool> GiveAsync(long customerId, string name, long? chatId, string? zone, int year, LoyaltyTerms t, DateTime now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var expires = now.AddDays(t.BirthdayGiftValidDays);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO birthday_gifts (customer_id, year, points, given_at_utc, expires_at_utc)
            VALUES ({customerId}, {year}, {t.BirthdayGiftPoints}, {now}, {expires}) ON CONFLICT (customer_id, year) DO NOTHING
            """, ct);
        if (inserted == 0) return false;
        await PointsLedger.GiftAsync(db, customerId, t.BirthdayGiftPoints, now, JobsSetup.SystemUserName, $"Подарок на день рождения {year}", expires, ct);
        if (chatId is { } chat)
        {
            var hello = string.IsNullOrWhiteSpace(name) ? "" : ", " + System.Net.WebUtility.HtmlEncode(name.Trim());
            outbox.Telegram(chat, $"🎉 С днём рождения{hello}! Дарим вам <b>{t.BirthdayGiftPoints} {Plural.Of(t.BirthdayGiftPoints, "балл", "балла", "баллов")}</b> — " +
                $"ими можно оплатить покупку до {LocalTime.ToLocal(expires, zone):dd.MM.yyyy}.", new NotificationSubject(nameof(Customer), customerId.ToString()));
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }
}

/// <summary>Quartz job of <see cref="GiveBirthdayGifts"/>.</summary>
public sealed class GiveBirthdayGiftsJob(GiveBirthdayGifts work) : ScheduledJob
{
    protected override Task<JobOutcome> RunAsync(CancellationToken ct) => work.RunAsync(ct);
}
