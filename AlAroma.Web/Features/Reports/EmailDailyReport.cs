using System.Globalization;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Features.Notifications.Templates;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Jobs;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Reports;

/// <summary>
/// Morning job: yesterday's daily sales workbook (<see cref="DailySalesWorkbook"/>, the same file as «Отчёты» →
/// «Продажи за день») attached to a <see cref="DailyReportEmail"/> for every manager and administrator who opted in
/// (<see cref="AppUser.DailyReportByEmail"/>), is not blocked and has an e-mail. "Yesterday" is the day before
/// today in the chain's zone (Europe/Moscow); each shop's day is its own local day, as in the report. A user bound
/// to some shops gets the report over those shops only (as the page shows them), else over all active shops.
/// Idempotent: a message already in the outbox for (day, recipient) is not queued again (business entity
/// <see cref="EntityType"/> with id "yyyy-MM-dd").
/// </summary>
public sealed class EmailDailyReport(AppDbContext db, GetDailySales sales, NotificationOutbox outbox, TimeProvider clock)
{
    /// <summary>Business entity type of the report's outbox rows.</summary>
    public const string EntityType = "DailyReport";

    /// <returns>E-mails queued, and the day.</returns>
    public async Task<JobOutcome> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var day = LocalTime.Today(now, LocalTime.DefaultZone).AddDays(-1);
        var key = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sent = await db.Notifications.AsNoTracking()
            .Where(n => n.EntityType == EntityType && n.EntityId == key).Select(n => n.Recipient.ToLower()).ToListAsync(ct);
        var roles = new[] { Roles.Manager, Roles.Admin };
        var people = await db.Users.AsNoTracking()
            .Where(u => u.DailyReportByEmail && u.Email != null && (u.LockoutEnd == null || u.LockoutEnd <= now)
                        && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .OrderBy(u => u.Email)
            .Select(u => new { Email = u.Email!, Locations = u.Locations.Select(l => l.LocationId).ToList() })
            .ToListAsync(ct);
        var due = people.Where(p => !sent.Contains(p.Email.ToLowerInvariant())).ToList();
        var shops = await db.Locations.AsNoTracking().Where(l => l.IsActive && l.Kind == LocationKind.Shop).OrderBy(l => l.Code).ToListAsync(ct);

        var queued = 0;
        // One workbook per set of shops (usually one: everyone sees all shops).
        foreach (var group in due.GroupBy(p => string.Join(",", p.Locations.Order())))
        {
            var bound = group.First().Locations;
            var theirs = bound.Count == 0 ? shops : shops.Where(s => bound.Contains(s.Id)).ToList();
            if (theirs.Count == 0) continue;
            var label = theirs.Count == shops.Count ? GetDailySales.AllShopsLabel : string.Join(", ", theirs.Select(s => s.Name));
            var report = await sales.ForShopsAsync(theirs, day, label, theirs.Count == 1 && bound.Count > 0 ? theirs[0].Id : null, ct);
            using var wb = DailySalesWorkbook.Build(report);
            var file = new EmailAttachment(DailySalesWorkbook.FileName(report), ExcelSheetWriter.ContentType, ExcelSheetWriter.ToBytes(wb));
            foreach (var person in group)
            {
                outbox.Email(person.Email, new DailyReportEmail(day, report.Revenue, report.Receipts, file.FileName), new NotificationSubject(EntityType, key), file);
                queued++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new JobOutcome(queued, queued == 0
            ? $"Отчёт за {day:dd.MM.yyyy} уже отправлен всем, кто включил рассылку (или её никто не включил)"
            : $"Отчёт о продажах за {day:dd.MM.yyyy}: {queued} {Plural.Of(queued, "письмо", "письма", "писем")} в очереди отправки");
    }
}

/// <summary>Quartz job of <see cref="EmailDailyReport"/>.</summary>
public sealed class EmailDailyReportJob(EmailDailyReport work) : ScheduledJob
{
    protected override Task<JobOutcome> RunAsync(CancellationToken ct) => work.RunAsync(ct);
}
