using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Loyalty.Settings;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Bots.Client;

/// <summary>
/// The contact a person shared with the client bot (their own: the caller checks <c>contact.user_id ==
/// message.from.id</c>): the phone through <see cref="PhoneNormalizer"/> links the Telegram user and chat to the
/// customer with that phone (a merged card's phone to the card it was merged into), or a new customer is created with
/// the /start payload as their source. The welcome bonus of the terms in force (LoyaltyTerms.WelcomeBonusPoints) is
/// given once per customer, claimed by a conditional UPDATE of <see cref="Customer.WelcomeBonusAtUtc"/> in the same
/// transaction as the points, so a repeated contact gives nothing more.
/// </summary>
public sealed class LinkTelegramContact(AppDbContext db, LoyaltyTermsStore terms, TimeProvider clock)
{
    /// <summary>What linking did.</summary>
    /// <param name="CustomerId">The linked customer.</param>
    /// <param name="Created">A new customer was registered.</param>
    /// <param name="WelcomeBonus">Points given now as the welcome bonus (0 when given before or the terms give none).</param>
    /// <param name="ConsentAsked">The customer has answered about Telegram messages before (do not ask again).</param>
    public sealed record Result(long CustomerId, bool Created, int WelcomeBonus, bool ConsentAsked);

    /// <summary>Links <paramref name="telegramUserId"/> / <paramref name="chatId"/> to the customer of <paramref name="phoneInput"/>.</summary>
    /// <param name="name">The contact's first and last name (a new customer's name).</param>
    /// <param name="source">The /start payload, already cleaned (<see cref="ClientChat.CleanPayload"/>), or null.</param>
    /// <exception cref="BusinessRuleException">The phone is not a valid Russian number.</exception>
    public async Task<Result> HandleAsync(long telegramUserId, long chatId, string phoneInput, string? name, string? source, CancellationToken ct)
    {
        var phone = PhoneNormalizer.NormalizeRussian(phoneInput);
        if (!phone.IsValid)
            throw new BusinessRuleException("Программа лояльности работает с российскими номерами. Если у вас есть российский номер, откройте бота с него — или зарегистрируйтесь на кассе в магазине.");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Phone == phone.E164, ct);
        if (customer?.MergedIntoId is { } kept) customer = await db.Customers.FirstAsync(c => c.Id == kept, ct);
        var created = customer is null;
        if (customer is null)
        {
            customer = new Customer { Phone = phone.E164!, Name = (name ?? "").Trim() is { Length: > 0 } n ? n[..Math.Min(200, n.Length)] : "Клиент из Telegram", CreatedAtUtc = now };
            db.Customers.Add(customer);
        }
        customer.Source ??= source;
        // One Telegram account, one card: a card this account was on before (another number) lets it go.
        await db.Customers.Where(c => c.TelegramUserId == telegramUserId && c.Phone != phone.E164)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.TelegramUserId, (long?)null).SetProperty(c => c.TelegramChatId, (long?)null), ct);
        customer.TelegramUserId = telegramUserId;
        customer.TelegramChatId = chatId;
        customer.TelegramBlockedAtUtc = null;
        await db.SaveChangesAsync(ct);

        var zone = customer.HomeLocationId is { } home ? await db.Locations.Where(l => l.Id == home).Select(l => l.TimeZoneId).FirstOrDefaultAsync(ct) : null;
        var t = await terms.ForNowAsync(zone, ct);
        var bonus = 0;
        if (t.WelcomeBonusPoints > 0 && await db.Database.ExecuteSqlAsync(
                $"UPDATE customers SET welcome_bonus_at_utc = {now} WHERE id = {customer.Id} AND welcome_bonus_at_utc IS NULL", ct) == 1)
        {
            await PointsLedger.GiftAsync(db, customer.Id, t.WelcomeBonusPoints, now, "Telegram-бот", "Приветственный бонус за вход в бот",
                now.AddMonths(t.PointsLifetimeMonths), ct);
            bonus = t.WelcomeBonusPoints;
        }
        await tx.CommitAsync(ct);
        return new Result(customer.Id, created, bonus, customer.TelegramConsentAtUtc is not null);
    }
}
