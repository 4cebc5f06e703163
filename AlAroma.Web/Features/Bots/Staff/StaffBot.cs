using System.Security.Claims;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using AlAroma.Web.Features.Notifications.Channels.Telegram;

namespace AlAroma.Web.Features.Bots.Staff;

/// <summary>A text message a staff member wrote to the staff bot.</summary>
/// <param name="TelegramUserId">The sender (<c>message.from.id</c>).</param>
/// <param name="ChatId">The private chat (<c>message.chat.id</c>).</param>
public sealed record StaffBotMessage(long TelegramUserId, long ChatId, string Text);

/// <summary>
/// The bot's answer: HTML text (Telegram parse mode HTML) and the reply-keyboard buttons to show, if any, or inline
/// buttons under the message (rows of <see cref="StaffBotButton"/>; the reply keyboard then stays as it was).
/// </summary>
public sealed record StaffBotReply(string Html, IReadOnlyList<string>? Keyboard = null, IReadOnlyList<StaffBotButton[]>? Buttons = null);

/// <summary>An inline button: its caption and the callback data Telegram sends back when it is pressed (≤ 64 bytes).</summary>
public sealed record StaffBotButton(string Text, string Data);

/// <summary>
/// The staff bot's conversation, independent of how updates arrive (webhook or polling). An unknown Telegram account
/// can only link itself with the code from the back-office profile; a linked one acts as that staff member — the
/// scope's current user becomes them, so every change is audited under their name — and gets, by role: find a
/// customer by the 6-digit code from the client bot or by phone, a card summary, a points gift within the role's daily
/// limit, a message to the customer (through the outbox, in the client bot), their own last operations, and for
/// Manager/Admin «Рассылка» (<see cref="StaffBroadcast"/>, inline buttons).
/// </summary>
public sealed class StaffBot(AppDbContext db, StaffLinks links, GiveStaffGift gift, Loyalty.Gifts.RedeemGift redeem, NotificationOutbox outbox, TimeProvider clock,
    IHttpContextAccessor http, IUserClaimsPrincipalFactory<AppUser> principals, UserManager<AppUser> users, CustomerCardAudit cardAudit,
    Microsoft.Extensions.Options.IOptionsMonitor<StaffGiftLimits> limits, StaffBroadcast broadcast)
{
    public const string Find = "Найти клиента", Gift = "Подарить баллы", Gifts = "Подарки", Message = "Написать клиенту", History = "Мои операции", Cancel = "Отмена";

    /// <summary>Answers one message; never throws for what a person typed (a refusal becomes the reply).</summary>
    public async Task<IReadOnlyList<StaffBotReply>> HandleAsync(StaffBotMessage m, CancellationToken ct)
    {
        var text = m.Text.Trim();
        var staff = await db.Users.FirstOrDefaultAsync(u => u.TelegramUserId == m.TelegramUserId, ct);
        if (staff is null) return [await LinkAsync(m, text, ct)];
        var roles = (await users.GetRolesAsync(staff)).ToList();
        ActAs(await principals.CreateAsync(staff)); // here, not in a called async method: the HTTP context is an AsyncLocal
        menu = MenuOf(roles);
        var state = await db.Set<StaffBotState>().FirstOrDefaultAsync(s => s.TelegramUserId == m.TelegramUserId, ct);
        if (state is null) db.Add(state = new StaffBotState { TelegramUserId = m.TelegramUserId });
        state.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        return [await RefusedAsReplyAsync(async () =>
        {
            var reply = await AnswerAsync(staff, roles, state, text, ct);
            await db.SaveChangesAsync(ct);
            return reply;
        })];
    }

    /// <summary>
    /// Answers an inline button pressed under one of the bot's messages (<paramref name="m"/>'s text is the button's
    /// callback data); never throws for a refusal. Someone not linked is told to link first.
    /// </summary>
    public async Task<IReadOnlyList<StaffBotReply>> PressAsync(StaffBotMessage m, CancellationToken ct)
    {
        var staff = await db.Users.FirstOrDefaultAsync(u => u.TelegramUserId == m.TelegramUserId, ct);
        if (staff is null) return [await LinkAsync(m, "", ct)];
        var roles = (await users.GetRolesAsync(staff)).ToList();
        ActAs(await principals.CreateAsync(staff));
        menu = MenuOf(roles);
        return [await RefusedAsReplyAsync(async () => await broadcast.PressAsync(roles, m.Text, ct) is { } reply
            ? reply with { Keyboard = reply.Buttons is null ? menu : null }
            : new StaffBotReply("Эта кнопка больше не работает. Выберите действие.", menu))];
    }

    /// <summary>The answer of <paramref name="answer"/>, or the rule it broke as the reply (nothing it changed is saved).</summary>
    private async Task<StaffBotReply> RefusedAsReplyAsync(Func<Task<StaffBotReply>> answer)
    {
        try
        {
            return await answer();
        }
        catch (BusinessRuleException e)
        {
            db.ChangeTracker.Clear();
            return new StaffBotReply(TelegramHtml.Escape(e.Message), menu);
        }
    }

    /// <summary>The reply keyboard of this scope's staff member (set once their roles are known).</summary>
    private IReadOnlyList<string> menu = [];

    /// <summary>The menu for <paramref name="roles"/>: «Рассылка» only for those who may send campaigns.</summary>
    public static IReadOnlyList<string> MenuOf(IReadOnlyCollection<string> roles) =>
        StaffBroadcast.Allowed(roles) ? [Find, Gift, Gifts, Message, History, StaffBroadcast.Button] : [Find, Gift, Gifts, Message, History];

    private async Task<StaffBotReply> LinkAsync(StaffBotMessage m, string text, CancellationToken ct)
    {
        if (!IsCode(text))
            return new("Это бот сотрудников Al Aroma. Чтобы начать, пришлите шестизначный код из профиля в Al Aroma: «Профиль» → «Привязать Telegram».");
        try
        {
            var user = await links.LinkAsync(text, m.TelegramUserId, m.ChatId, ct);
            return new($"Готово, {TelegramHtml.Escape(user.FullName)}: Telegram привязан к вашей учётной записи. Выберите действие.", MenuOf((await users.GetRolesAsync(user)).ToList()));
        }
        catch (BusinessRuleException e)
        {
            return new(TelegramHtml.Escape(e.Message));
        }
    }

    private async Task<StaffBotReply> AnswerAsync(AppUser staff, List<string> roles, StaffBotState state, string text, CancellationToken ct)
    {
        switch (text)
        {
            case "/start" or "Меню" or Cancel:
                state.Step = StaffBotStep.None;
                return new($"{TelegramHtml.Escape(staff.FullName)}, выберите действие.", menu);
            case Find:
                state.Step = StaffBotStep.None;
                return new("Пришлите шестизначный код из бота клиента или номер телефона.", menu);
            case Gift:
                await RequireCustomerAsync(state, ct);
                state.Step = StaffBotStep.GiftPoints;
                return new($"Сколько баллов и за что? Например: <code>300 извинение за ожидание</code>. Ваш лимит — {limits.CurrentValue.PerDay(roles)} баллов в день.", [Cancel]);
            case Message:
                var c = await RequireCustomerAsync(state, ct);
                if (!c.ReachableInTelegram) throw new BusinessRuleException($"{c.Name} не пользуется ботом клиентов: написать в Telegram нельзя. Позвоните: {PhoneNormalizer.Display(c.Phone)}.");
                state.Step = StaffBotStep.MessageCustomer;
                return new($"Напишите сообщение для {TelegramHtml.Escape(c.Name)}: оно придёт в бот клиентов от имени Al Aroma.", [Cancel]);
            case History:
                return new(await HistoryAsync(staff, ct), menu);
            case Gifts:
                return new(await GiftsAsync(await RequireCustomerAsync(state, ct), ct), menu);
            case StaffBroadcast.Button:
                state.Step = StaffBotStep.None;
                var list = await broadcast.ListAsync(roles, ct);
                return list.Buttons is null ? list with { Keyboard = menu } : list;
        }
        if (GiftCommand(text, "Подарить") is { } typeId)
        {
            var c = await RequireCustomerAsync(state, ct);
            var given = await gift.CatalogueAsync(staff, roles, c.Id, typeId, ct);
            return new($"Подарено: «{TelegramHtml.Escape(given.Name)}» — {TelegramHtml.Escape(c.Name)}." +
                (given.RedeemedAtUtc is null ? $" Подарок открыт до {LocalTime.ToLocal(given.ExpiresAtUtc.AddMinutes(-1)):dd.MM.yyyy}: выдайте его командой «Выдать {given.Id}»." : ""), menu);
        }
        if (GiftCommand(text, "Выдать") is { } giftId)
        {
            var c = await RequireCustomerAsync(state, ct);
            if (!await db.CustomerGifts.AnyAsync(g => g.Id == giftId && g.CustomerId == c.Id, ct))
                throw new BusinessRuleException($"У {c.Name} нет подарка №{giftId}. Откройте «Подарки».");
            var shop = await ShopOfAsync(staff, ct);
            var done = await redeem.HandleAsync(giftId, shop, staff.FullName, ct);
            return new($"Выдано: {TelegramHtml.Escape(done.What)}." + (done.WriteOffNumber is { } n ? $" Списание {n} («Подарок»)." : ""), menu);
        }
        switch (state.Step)
        {
            case StaffBotStep.GiftPoints:
                return await GiftAsync(staff, roles, state, text, ct);
            case StaffBotStep.MessageCustomer:
                var c = await RequireCustomerAsync(state, ct);
                outbox.Telegram(c.TelegramChatId!.Value, $"Сообщение от Al Aroma:\n{TelegramHtml.Escape(text)}", new NotificationSubject("Customer", c.Id.ToString()));
                state.Step = StaffBotStep.None;
                return new($"Сообщение для {TelegramHtml.Escape(c.Name)} поставлено в очередь отправки.", menu);
        }
        return await FindAsync(state, text, ct);
    }

    private async Task<StaffBotReply> FindAsync(StaffBotState state, string text, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Customer? c;
        CustomerLookupWay way;
        if (IsCode(text))
        {
            var id = await CustomerCodes.RedeemAsync(db, text, now, ct);
            c = await db.Customers.FirstOrDefaultAsync(x => x.Id == id, ct);
            way = CustomerLookupWay.Code;
        }
        else
        {
            var phone = PhoneNormalizer.NormalizeRussian(text);
            if (!phone.IsValid) return new("Не понял. Пришлите шестизначный код клиента или его телефон, либо выберите действие.", menu);
            c = await db.Customers.FirstOrDefaultAsync(x => x.Phone == phone.E164, ct);
            way = CustomerLookupWay.Phone;
        }
        while (c?.MergedIntoId is { } kept) c = await db.Customers.FirstOrDefaultAsync(x => x.Id == kept, ct);
        if (c is null) return new("Клиент с таким телефоном не найден.", menu);
        await cardAudit.WriteAsync([c.Id], new CustomerLookupPlace(way, Query: "бот сотрудников"), ct);
        (state.CustomerId, state.Step) = (c.Id, StaffBotStep.None);
        return new(Summary(c), menu);
    }

    private async Task<StaffBotReply> GiftAsync(AppUser staff, List<string> roles, StaffBotState state, string text, CancellationToken ct)
    {
        var c = await RequireCustomerAsync(state, ct);
        var parts = text.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !int.TryParse(parts[0], out var points))
            throw new BusinessRuleException("Напишите число баллов и причину, например: 300 извинение за ожидание.");
        var done = await gift.HandleAsync(staff, roles, c.Id, points, parts.Length > 1 ? parts[1] : "", ct);
        state.Step = StaffBotStep.None;
        return new($"Подарено {done.Points} баллов: {TelegramHtml.Escape(c.Name)}. На счёте теперь {done.BalanceAfter}.", menu);
    }

    private async Task<Customer> RequireCustomerAsync(StaffBotState state, CancellationToken ct) =>
        (state.CustomerId is { } id ? await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null)
        ?? throw new BusinessRuleException("Сначала найдите клиента: пришлите его шестизначный код из бота или телефон.");

    private static string Summary(Customer c) =>
        $"<b>{TelegramHtml.Escape(c.Name.Length > 0 ? c.Name : "Без имени")}</b>\n{PhoneNormalizer.Display(c.Phone)}\n" +
        $"Уровень: {LoyaltyRules.Label(c.Level)}\nБаллов: {c.PointsBalance}" +
        (c.Birthday is { } b ? $"\nДень рождения: {b:dd.MM}" : "") +
        (c.ReachableInTelegram ? "" : "\nВ боте клиентов не зарегистрирован.");

    private async Task<string> HistoryAsync(AppUser staff, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.UserId == staff.Id && a.Action != CustomerCardAudit.Action)
            .OrderByDescending(a => a.Id).Take(10).Select(a => new { a.AtUtc, a.Entity, a.Action }).ToListAsync(ct);
        var gifts = await db.PointsEntries.AsNoTracking().Where(e => e.Kind == PointsEntryKind.Gift && e.StaffUserId == staff.Id)
            .OrderByDescending(e => e.Id).Take(10).Select(e => new { e.AtUtc, e.Points, e.Comment, e.CustomerId }).ToListAsync(ct);
        if (last.Count == 0 && gifts.Count == 0) return "Операций пока нет.";
        var lines = gifts.Select(g => $"{LocalTime.Format(g.AtUtc)} — подарок {g.Points} баллов клиенту №{g.CustomerId}: {TelegramHtml.Escape(g.Comment ?? "")}")
            .Concat(last.Select(a => $"{LocalTime.Format(a.AtUtc)} — {TelegramHtml.Escape(a.Entity)}: {TelegramHtml.Escape(a.Action)}"));
        return "<b>Ваши последние операции</b>\n" + string.Join("\n", lines.Take(15));
    }

    /// <summary>Makes the linked staff member the current user of this scope (audit, location scope), as a sign-in would.</summary>
    private void ActAs(ClaimsPrincipal principal)
    {
        if (http.HttpContext is { } context) context.User = principal;
        else http.HttpContext = new DefaultHttpContext { User = principal };
    }

    /// <summary>The customer's open gifts (with «Выдать N») and the catalogue's gifts staff may give (with «Подарить N»).</summary>
    private async Task<string> GiftsAsync(Customer c, CancellationToken ct)
    {
        var open = await Loyalty.Gifts.OpenGifts.OfAsync(db, c.Id, clock.GetUtcNow().UtcDateTime, ct);
        var types = await db.GiftTypes.AsNoTracking().Include(t => t.Product).Where(t => t.IsActive && t.StaffMayGive).OrderBy(t => t.Name).ToListAsync(ct);
        var lines = new List<string> { $"<b>Подарки: {TelegramHtml.Escape(c.Name)}</b>" };
        lines.AddRange(open.Count == 0 ? ["Открытых подарков нет."]
            : open.Select(g => $"• №{g.Id} «{TelegramHtml.Escape(g.Name)}» — {TelegramHtml.Escape(g.What)}, до {g.LastDay():dd.MM.yyyy}: «Выдать {g.Id}»"));
        if (types.Count > 0)
        {
            lines.Add("\nМожно подарить:");
            lines.AddRange(types.Select(t => $"• «{TelegramHtml.Escape(t.Name)}» — {TelegramHtml.Escape(t.What)}: «Подарить {t.Id}»"));
        }
        return string.Join("\n", lines);
    }

    /// <summary>The shop where this staff member hands gifts over: the one shop they are bound to.</summary>
    /// <exception cref="BusinessRuleException">Bound to no shop or to several.</exception>
    private async Task<int> ShopOfAsync(AppUser staff, CancellationToken ct)
    {
        var shops = await db.UserLocations.Where(ul => ul.UserId == staff.Id)
            .Join(db.Locations.Where(l => l.Kind == Locations.LocationKind.Shop && l.IsActive), ul => ul.LocationId, l => l.Id, (ul, l) => l.Id).ToListAsync(ct);
        return shops.Count == 1 ? shops[0]
            : throw new BusinessRuleException("Подарок выдаёт сотрудник магазина: вы не закреплены за одним магазином. Выдайте подарок на кассе магазина.");
    }

    /// <summary>The number in "Подарить 3" / "Выдать 12" (also "№3"), null when the text is not that command.</summary>
    private static int? GiftCommand(string text, string verb) =>
        text.StartsWith(verb + " ", StringComparison.OrdinalIgnoreCase) && int.TryParse(text[(verb.Length + 1)..].Trim().TrimStart('№'), out var n) ? n : null;

    private static bool IsCode(string text) => text.Length == 6 && text.All(char.IsAsciiDigit);
}
