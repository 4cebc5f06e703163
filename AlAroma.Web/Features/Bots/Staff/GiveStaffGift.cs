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
/// ledger entry carries the staff member's name, user id and the reason, and the change is audited as them. A customer who uses
/// the client bot is told there, through the outbox, in the same transaction.
/// </summary>
public sealed class GiveStaffGift(AppDbContext db, TimeProvider clock, IOptionsMonitor<StaffGiftLimits> limits,
    Loyalty.Settings.LoyaltyTermsStore terms, Notifications.Outbox.NotificationOutbox outbox, Loyalty.Gifts.IssueGift issue)
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
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var givenToday = await LockAndCountPointsAsync(staff, now, ct);
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId && c.MergedIntoId == null, ct)
            ?? throw new BusinessRuleException("Клиент не найден: найдите его снова по коду или телефону.");
        if (limits.CurrentValue.Refusal(roles, givenToday, points) is { } refusal) throw new BusinessRuleException(refusal);
        var lifetime = (await terms.ForDayAsync(LocalTime.Today(now), ct)).PointsLifetimeMonths;
        if (customer.TelegramChatId is { } chat)
            outbox.Telegram(chat, $"Вам подарено {points} баллов: {TelegramHtml.Escape(reason)}.", new Notifications.Outbox.NotificationSubject("Customer", customerId.ToString()));
        var balance = await PointsLedger.GiftAsync(db, customerId, points, now.UtcDateTime, staff.FullName, reason, now.UtcDateTime.AddMonths(lifetime), ct, staff.Id);
        await tx.CommitAsync(ct);
        return new Result(points, balance);
    }

    /// <summary>
    /// Gives a gift of the catalogue that staff may give («Подарить №3» in the bot): a points gift within the daily
    /// points limit, any other within the daily number of gifts (<see cref="StaffGiftLimits"/>).
    /// </summary>
    /// <exception cref="BusinessRuleException">Beyond the limit, or what <see cref="Loyalty.Gifts.IssueGift"/> refuses.</exception>
    public async Task<Loyalty.Gifts.CustomerGift> CatalogueAsync(AppUser staff, IReadOnlyCollection<string> roles, long customerId, int giftTypeId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var pointsToday = await LockAndCountPointsAsync(staff, now, ct);
        var type = await db.GiftTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == giftTypeId, ct)
            ?? throw new BusinessRuleException("Такого подарка нет в каталоге. Откройте «Подарки» снова.");
        if (type.Kind == Loyalty.Gifts.GiftKind.Points)
        {
            if (limits.CurrentValue.Refusal(roles, pointsToday, type.Points ?? 0) is { } refusal) throw new BusinessRuleException(refusal);
        }
        else
        {
            var (from, to) = LocalTime.UtcRange(LocalTime.Today(now));
            var giftsToday = await db.CustomerGifts.CountAsync(g => g.Source == Loyalty.Gifts.GiftSource.Staff && g.StaffUserId == staff.Id
                && g.Kind != Loyalty.Gifts.GiftKind.Points && g.IssuedAtUtc >= from && g.IssuedAtUtc < to, ct);
            if (limits.CurrentValue.GiftCountRefusal(roles, giftsToday) is { } refusal) throw new BusinessRuleException(refusal);
        }
        var gift = await issue.HandleAsync(customerId, giftTypeId, Loyalty.Gifts.GiftSource.Staff, staff.FullName, ct, staff.Id);
        await tx.CommitAsync(ct);
        return gift;
    }

    /// <summary>
    /// Takes the staff member's gift lock for the transaction (two quick messages cannot both slip under the limit) and
    /// returns the points they gave today (local day of the chain), by their user id (two staff may share a name).
    /// </summary>
    private async Task<int> LockAndCountPointsAsync(AppUser staff, DateTimeOffset now, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"staff-gift:" + staff.Id}))", ct);
        var (from, to) = LocalTime.UtcRange(LocalTime.Today(now));
        return await db.PointsEntries.Where(e => e.Kind == PointsEntryKind.Gift && e.StaffUserId == staff.Id && e.AtUtc >= from && e.AtUtc < to)
            .SumAsync(e => (int?)e.Points, ct) ?? 0;
    }
}
