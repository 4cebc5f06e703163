using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using AlAroma.Web.Features.Notifications.Channels.Telegram;

namespace AlAroma.Web.Features.Bots.Staff;

/// <summary>
/// A staff member gives a customer points as a gift (with a reason) from the staff bot, within their role's daily
/// limit (<see cref="StaffGiftLimits"/>). The points live as long as accrued points do under the terms of the day; the
/// ledger entry carries the staff member's name and the reason, and the change is audited as them. A customer who uses
/// the client bot is told there, through the outbox, in the same transaction.
/// </summary>
public sealed class GiveStaffGift(AppDbContext db, TimeProvider clock, IOptionsMonitor<StaffGiftLimits> limits,
    Loyalty.Settings.LoyaltyTermsStore terms, Notifications.Outbox.NotificationOutbox outbox)
{
    /// <summary>The points given and the customer's balance after.</summary>
    public sealed record Result(int Points, int BalanceAfter);

    /// <param name="points">Points to give, &gt; 0.</param>
    /// <param name="reason">Why (shown in the customer's ledger), required, up to 200 characters.</param>
    /// <exception cref="BusinessRuleException">Not a positive number, no reason, no such customer, or beyond the daily limit (the message says how many are left).</exception>
    public async Task<Result> HandleAsync(AppUser staff, IReadOnlyCollection<string> roles, long customerId, int points, string reason, CancellationToken ct)
    {
        if (points <= 0) throw new BusinessRuleException("Сколько баллов подарить? Напишите число больше нуля и причину, например: 300 извинение за ожидание.");
        reason = reason.Trim();
        if (reason.Length == 0) throw new BusinessRuleException("Напишите причину подарка после числа, например: 300 извинение за ожидание.");
        if (reason.Length > 200) throw new BusinessRuleException("Причина длиннее 200 символов: сократите её.");
        var now = clock.GetUtcNow();
        var (from, to) = LocalTime.UtcRange(LocalTime.Today(now));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One staff member's gifts queue here, so two quick messages cannot both slip under the limit.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"staff-gift:" + staff.Id}))", ct);
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId && c.MergedIntoId == null, ct)
            ?? throw new BusinessRuleException("Клиент не найден: найдите его снова по коду или телефону.");
        var givenToday = await db.PointsEntries.Where(e => e.Kind == PointsEntryKind.Gift && e.UserName == staff.FullName
            && e.AtUtc >= from && e.AtUtc < to).SumAsync(e => (int?)e.Points, ct) ?? 0;
        if (limits.CurrentValue.Refusal(roles, givenToday, points) is { } refusal) throw new BusinessRuleException(refusal);
        var lifetime = (await terms.ForDayAsync(LocalTime.Today(now), ct)).PointsLifetimeMonths;
        if (customer.TelegramChatId is { } chat)
            outbox.Telegram(chat, $"Вам подарено {points} баллов: {TelegramHtml.Escape(reason)}.", new Notifications.Outbox.NotificationSubject("Customer", customerId.ToString()));
        var balance = await PointsLedger.GiftAsync(db, customerId, points, now.UtcDateTime, staff.FullName, reason, now.UtcDateTime.AddMonths(lifetime), ct);
        await tx.CommitAsync(ct);
        return new Result(points, balance);
    }
}
