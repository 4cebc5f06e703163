using AlAroma.Web.Data;
using AlAroma.Web.Features.Notifications.Channels.Telegram;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Loyalty.Gifts;

/// <summary>
/// Issues a gift of the catalogue to a customer (staff from the staff bot, a campaign, the birthday job). A points gift
/// is credited at once through <see cref="PointsLedger"/> and lives <see cref="GiftType.ValidDays"/> days; a product or
/// a discount stays open that long. A customer who uses the client bot is told there (outbox, same transaction).
/// </summary>
public sealed class IssueGift(AppDbContext db, TimeProvider clock, NotificationOutbox outbox)
{
    /// <param name="issuedBy">The staff member's name, or "system" for a job.</param>
    /// <param name="staffUserId">The staff member's user id (<see cref="CustomerGift.StaffUserId"/>), null for the programme's gifts.</param>
    /// <exception cref="BusinessRuleException">No such active gift type, no such customer, or staff giving a type staff may not give.</exception>
    public async Task<CustomerGift> HandleAsync(long customerId, int giftTypeId, GiftSource source, string issuedBy, CancellationToken ct, string? staffUserId = null)
    {
        var type = await db.GiftTypes.AsNoTracking().Include(t => t.Product).FirstOrDefaultAsync(t => t.Id == giftTypeId && t.IsActive, ct)
            ?? throw new BusinessRuleException("Такого подарка нет в каталоге (или он отключён). Выберите другой.");
        if (source == GiftSource.Staff && !type.StaffMayGive)
            throw new BusinessRuleException($"Подарок «{type.Name}» сотрудники не дарят: его выдаёт программа (день рождения, рассылка).");
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId && c.MergedIntoId == null, ct)
            ?? throw new BusinessRuleException("Клиент не найден: найдите его снова по коду или телефону.");
        var now = clock.GetUtcNow().UtcDateTime;
        var gift = new CustomerGift
        {
            CustomerId = customerId, GiftTypeId = type.Id, Name = type.Name, Kind = type.Kind, Points = type.Points, ProductId = type.ProductId,
            DiscountPercent = type.DiscountPercent, Source = source, IssuedBy = issuedBy, StaffUserId = staffUserId, IssuedAtUtc = now, ExpiresAtUtc = now.AddDays(type.ValidDays),
        };
        // Inside the caller's transaction when there is one (the staff bot holds its limit lock in it).
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (type.Kind == GiftKind.Points)
        {
            await PointsLedger.GiftAsync(db, customerId, type.Points!.Value, now, issuedBy, type.Name, gift.ExpiresAtUtc, ct, staffUserId);
            (gift.RedeemedAtUtc, gift.RedeemedBy) = (now, issuedBy);
        }
        db.CustomerGifts.Add(gift);
        if (customer.TelegramChatId is { } chat)
            outbox.Telegram(chat, type.Kind == GiftKind.Points
                ? $"🎁 Вам подарок: {TelegramHtml.Escape(type.What)} — «{TelegramHtml.Escape(type.Name)}»."
                : $"🎁 Вам подарок: {TelegramHtml.Escape(type.What)} — «{TelegramHtml.Escape(type.Name)}». Получите его в любом нашем магазине до {Infrastructure.Time.LocalTime.ToLocal(gift.ExpiresAtUtc.AddMinutes(-1)):dd.MM.yyyy}: назовите кассиру телефон или код из бота.",
                new NotificationSubject("CustomerGift", customerId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return gift;
    }
}
