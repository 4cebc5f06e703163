using AlAroma.Web.Data;
using AlAroma.Web.Features.Bots.Telegram;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Feedback;
using AlAroma.Web.Features.Notifications.Channels.Telegram;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace AlAroma.Web.Features.Bots.Client;

/// <summary>
/// The client bot (issue 12, "The client bot"): /start [payload] → share contact (only one's own:
/// <c>contact.user_id == message.from.id</c>) → linked to the customer of that phone or a new one, welcome bonus,
/// the marketing consent asked once; then the menu (<see cref="ClientMenu"/>). Private chats only. The use cases are
/// the ones the screens use (customer codes, certificates, feedback); replies go straight back through the Bot API,
/// notifications (receipts, replies from management) through the outbox.
/// </summary>
public sealed class ClientBot(AppDbContext db, LinkTelegramContact link, ClientAccount account, ClientCard card, NearestShop nearest,
    CheckCertificate certificates, SubmitFeedback feedback, TimeProvider clock) : IBotUpdateHandler
{
    /// <summary>The bot's name: webhook <c>POST /bots/telegram/client</c>.</summary>
    public const string Name = "client";

    /// <summary>Callback data of the consent buttons and the rating buttons ("rate:7").</summary>
    public const string ConsentYes = "consent:yes", ConsentNo = "consent:no", RatePrefix = "rate:";

    /// <summary>Routes the update; a rule a use case refuses (<see cref="BusinessRuleException"/>) is told to the user, not retried.</summary>
    public async Task HandleAsync(ITelegramBotClient bot, Update update, CancellationToken ct)
    {
        try
        {
            await RouteAsync(bot, update, ct);
        }
        catch (BusinessRuleException e) when ((update.Message?.Chat ?? update.CallbackQuery?.Message?.Chat) is { Type: ChatType.Private } chat)
        {
            db.ChangeTracker.Clear();
            await SayAsync(bot, chat.Id, TelegramHtml.Escape(e.Message), null, ct);
        }
    }

    private async Task RouteAsync(ITelegramBotClient bot, Update update, CancellationToken ct)
    {
        if (update.MyChatMember is { Chat.Type: ChatType.Private } member) await MembershipAsync(member, ct);
        else if (update.CallbackQuery is { From: { } from, Message: { } cbMessage } callback) await CallbackAsync(bot, callback, from, cbMessage, ct);
        else if (update.Message is { From: { } sender, Chat.Type: ChatType.Private } message) await MessageAsync(bot, message, sender, ct);
    }

    private async Task MessageAsync(ITelegramBotClient bot, Message message, User from, CancellationToken ct)
    {
        var chatId = message.Chat.Id;
        var chat = await ChatAsync(chatId, from.Id, ct);
        var me = await CustomerAsync(from.Id, chatId, ct);
        var text = message.Text?.Trim() ?? "";

        if (text.StartsWith("/start", StringComparison.Ordinal))
        {
            chat.StartPayload = ClientChat.CleanPayload(text.Length > 6 ? text[6..] : null) ?? chat.StartPayload;
            if (me is not null)
            {
                chat.Await(ClientDialogStep.None);
                await SaveAsync(chat, ct);
                await SayAsync(bot, chatId, $"С возвращением, {TelegramHtml.Escape(me.Name)}! Выберите, что показать.", ClientMenu.Keyboard(), ct);
                return;
            }
            chat.Await(ClientDialogStep.Contact);
            await SaveAsync(chat, ct);
            await SayAsync(bot, chatId, "Здравствуйте! Это бот программы лояльности Al Aroma: карта, баллы и код для кассы — здесь.\n\n" +
                "Чтобы найти вашу карту или завести новую, поделитесь номером телефона кнопкой ниже.", ClientMenu.ShareContact(), ct);
            return;
        }
        if (message.Contact is { } contact)
        {
            await ContactAsync(bot, chat, contact, from, ct);
            return;
        }
        if (me is null)
        {
            chat.Await(ClientDialogStep.Contact);
            await SaveAsync(chat, ct);
            await SayAsync(bot, chatId, "Сначала поделитесь номером телефона кнопкой ниже — так бот найдёт вашу карту.", ClientMenu.ShareContact(), ct);
            return;
        }
        if (message.Location is { } where)
        {
            await NearestShopAsync(bot, chat, where, ct);
            return;
        }
        if (ClientMenu.IsBack(text))
        {
            chat.Await(ClientDialogStep.None);
            await SaveAsync(chat, ct);
            await SayAsync(bot, chatId, "Меню.", ClientMenu.Keyboard(), ct);
            return;
        }
        if (ClientMenu.Parse(text) is { } command)
        {
            await CommandAsync(bot, chat, me, command, ct);
            return;
        }
        switch (chat.Step)
        {
            case ClientDialogStep.Birthday: await BirthdayAsync(bot, chat, me, text, ct); return;
            case ClientDialogStep.CertificateCode:
                var found = await certificates.HandleAsync(text, ct);
                await SayAsync(bot, chatId, TelegramHtml.Escape(found.Message), null, ct);
                return;
            case ClientDialogStep.FeedbackText when text.Length > 0: await FeedbackTextAsync(bot, chat, me, text, ct); return;
            case ClientDialogStep.Rating:
                await SayAsync(bot, chatId, "Выберите оценку кнопками выше: от 1 до 10.", null, ct);
                return;
            case ClientDialogStep.Location:
                await SayAsync(bot, chatId, "Нажмите «Отправить геопозицию» — бот покажет ближайший магазин.", ClientMenu.ShareLocation(), ct);
                return;
        }
        await SayAsync(bot, chatId, "Не понял сообщение. Выберите пункт меню внизу.", ClientMenu.Keyboard(), ct);
    }

    private async Task ContactAsync(ITelegramBotClient bot, ClientChat chat, Contact contact, User from, CancellationToken ct)
    {
        // Telegram fills user_id itself for a contact shared by the button; a forwarded or typed contact has another or none.
        if (contact.UserId is not { } owner || owner != from.Id)
        {
            await SayAsync(bot, chat.ChatId, "Это не ваш номер. Чтобы привязать карту, отправьте свой номер кнопкой «Поделиться номером» ниже.", ClientMenu.ShareContact(), ct);
            return;
        }
        LinkTelegramContact.Result linked;
        try
        {
            linked = await link.HandleAsync(from.Id, chat.ChatId, contact.PhoneNumber, $"{contact.FirstName} {contact.LastName}".Trim(), chat.StartPayload, ct);
        }
        catch (BusinessRuleException e)
        {
            db.ChangeTracker.Clear();
            await SayAsync(bot, chat.ChatId, TelegramHtml.Escape(e.Message), null, ct);
            return;
        }
        chat.Await(ClientDialogStep.None);
        await SaveAsync(chat, ct);
        var greeting = linked.Created ? "Готово: карта Al Aroma заведена на ваш номер." : "Готово: ваша карта Al Aroma привязана к этому чату.";
        if (linked.WelcomeBonus > 0) greeting += $"\nПриветственный бонус: +{linked.WelcomeBonus} баллов.";
        await SayAsync(bot, chat.ChatId, greeting + "\n\nНажмите «Моя карта», чтобы показать QR-код на кассе.", ClientMenu.Keyboard(), ct);
        if (!linked.ConsentAsked)
            await bot.SendMessage(chat.ChatId, "Присылать вам в Telegram новости, подарки и предложения Al Aroma? Это можно изменить в любой момент кнопкой «Уведомления вкл/выкл».",
                replyMarkup: new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("Да", ConsentYes), InlineKeyboardButton.WithCallbackData("Нет", ConsentNo)]]),
                cancellationToken: ct);
    }

    private async Task CommandAsync(ITelegramBotClient bot, ClientChat chat, Customer me, ClientCommand command, CancellationToken ct)
    {
        var chatId = chat.ChatId;
        chat.Await(ClientDialogStep.None);
        switch (command)
        {
            case ClientCommand.Card:
                var (caption, png) = await card.CardAsync(me.Id, ct);
                await bot.SendPhoto(chatId, InputFile.FromStream(new MemoryStream(png), "card.png"), caption, ParseMode.Html, replyMarkup: ClientMenu.Keyboard(), cancellationToken: ct);
                break;
            case ClientCommand.TillCode:
                var code = await CustomerCodes.IssueAsync(db, me.Id, clock.GetUtcNow().UtcDateTime, ct);
                await SayAsync(bot, chatId, $"Код для кассы: <b>{code.Code[..3]} {code.Code[3..]}</b>\nНазовите его кассиру. Код действует {CustomerCodes.ValiditySeconds} секунд и один раз.", null, ct);
                break;
            case ClientCommand.Purchases:
                await SayAsync(bot, chatId, await card.PurchasesAsync(me.Id, ct), null, ct);
                break;
            case ClientCommand.Birthday:
                if (me.Birthday is { } known)
                    await SayAsync(bot, chatId, $"День рождения уже указан: {known.ToString("d MMMM", Money.Ru)}. Изменить его может менеджер магазина — обратитесь к нему.", null, ct);
                else
                {
                    chat.Await(ClientDialogStep.Birthday);
                    await SayAsync(bot, chatId, "Напишите дату рождения, например 15.03.1990. Указать её можно один раз — в день рождения вас ждёт подарок.", null, ct);
                }
                break;
            case ClientCommand.Certificates:
                chat.Await(ClientDialogStep.CertificateCode);
                await SayAsync(bot, chatId, "Напишите 13 цифр кода с сертификата — бот покажет остаток и срок действия.", null, ct);
                break;
            case ClientCommand.NearestShop:
                chat.Await(ClientDialogStep.Location);
                await SayAsync(bot, chatId, "Отправьте геопозицию кнопкой ниже — бот покажет ближайший магазин.", ClientMenu.ShareLocation(), ct);
                break;
            case ClientCommand.Notifications:
                var on = await account.SetTelegramConsentAsync(me.Id, !me.MarketingTelegram, ct);
                await SayAsync(bot, chatId, on ? "🔔 Уведомления включены: чеки, подарки и новости будут приходить сюда." : "🔕 Уведомления выключены. Включить их снова — той же кнопкой.", null, ct);
                break;
            case ClientCommand.Review:
                chat.StartFeedback(FeedbackKind.Review);
                await bot.SendMessage(chatId, "Оцените последнюю покупку от 1 до 10 (10 — отлично):", replyMarkup: RatingKeyboard(), cancellationToken: ct);
                break;
            case ClientCommand.Idea:
                chat.StartFeedback(FeedbackKind.Idea);
                await SayAsync(bot, chatId, "Напишите вашу идею одним сообщением — мы её прочитаем.", null, ct);
                break;
            case ClientCommand.WriteToManagement:
                chat.StartFeedback(FeedbackKind.Message);
                await SayAsync(bot, chatId, "Напишите сообщение руководству одним сообщением — ответ придёт сюда.", null, ct);
                break;
        }
        await SaveAsync(chat, ct);
    }

    private async Task CallbackAsync(ITelegramBotClient bot, CallbackQuery callback, User from, Message message, CancellationToken ct)
    {
        var me = await CustomerAsync(from.Id, message.Chat.Id, ct);
        var data = callback.Data ?? "";
        if (me is null)
        {
            await bot.AnswerCallbackQuery(callback.Id, "Сначала поделитесь номером: /start", cancellationToken: ct);
            return;
        }
        if (data is ConsentYes or ConsentNo)
        {
            var on = await account.SetTelegramConsentAsync(me.Id, data == ConsentYes, ct);
            await bot.AnswerCallbackQuery(callback.Id, cancellationToken: ct);
            await bot.EditMessageText(message.Chat.Id, message.Id,
                on ? "Спасибо! Будем присылать новости и подарки. Выключить — кнопкой «Уведомления вкл/выкл»." : "Хорошо, рассылок не будет. Включить — кнопкой «Уведомления вкл/выкл».",
                cancellationToken: ct);
            return;
        }
        if (data.StartsWith(RatePrefix, StringComparison.Ordinal) && int.TryParse(data[RatePrefix.Length..], out var rating))
        {
            var chat = await ChatAsync(message.Chat.Id, from.Id, ct);
            if (!chat.Rate(rating))
            {
                await bot.AnswerCallbackQuery(callback.Id, "Эта оценка уже не ждёт ответа. Нажмите «Отзыв» ещё раз.", cancellationToken: ct);
                return;
            }
            await SaveAsync(chat, ct);
            await bot.AnswerCallbackQuery(callback.Id, cancellationToken: ct);
            await bot.EditMessageText(message.Chat.Id, message.Id, $"Ваша оценка: {rating} из 10.", cancellationToken: ct);
            await SayAsync(bot, chat.ChatId, "Напишите пару слов: что понравилось, что улучшить. Или отправьте «-», если без текста.", null, ct);
            return;
        }
        await bot.AnswerCallbackQuery(callback.Id, cancellationToken: ct);
    }

    private async Task BirthdayAsync(ITelegramBotClient bot, ClientChat chat, Customer me, string text, CancellationToken ct)
    {
        var (date, error) = ClientAccount.ParseBirthday(text, LocalTime.Today(clock.GetUtcNow()));
        if (date is null)
        {
            await SayAsync(bot, chat.ChatId, error!, null, ct);
            return;
        }
        var set = await account.SetBirthdayAsync(me.Id, date.Value, ct);
        chat.Await(ClientDialogStep.None);
        await SaveAsync(chat, ct);
        await SayAsync(bot, chat.ChatId, set
            ? $"Записали: {date.Value.ToString("d MMMM yyyy", Money.Ru)}. В день рождения вас ждёт подарок."
            : "День рождения уже указан. Изменить его может менеджер магазина.", ClientMenu.Keyboard(), ct);
    }

    private async Task FeedbackTextAsync(ITelegramBotClient bot, ClientChat chat, Customer me, string text, CancellationToken ct)
    {
        var (kind, rating) = chat.TakeFeedback()!.Value;
        try
        {
            await SubmitFeedbackAsync(me.Id, kind, rating, text == "-" ? "" : text, ct);
        }
        catch (BusinessRuleException e)
        {
            db.ChangeTracker.Clear();
            await SayAsync(bot, chat.ChatId, TelegramHtml.Escape(e.Message), null, ct);
            return;
        }
        await SaveAsync(chat, ct);
        await SayAsync(bot, chat.ChatId, kind switch
        {
            FeedbackKind.Review => "Спасибо за отзыв! Мы читаем каждый.",
            FeedbackKind.Idea => "Спасибо за идею! Передали её руководству.",
            _ => "Сообщение отправлено руководству. Ответ придёт в этот чат.",
        }, ClientMenu.Keyboard(), ct);
    }

    /// <summary>Hands a finished review, idea or message to the feedback inbox (Features/Feedback).</summary>
    private Task SubmitFeedbackAsync(long customerId, FeedbackKind kind, int? rating, string text, CancellationToken ct) =>
        feedback.SubmitAsync(customerId, kind, rating, text, ct);

    private async Task NearestShopAsync(ITelegramBotClient bot, ClientChat chat, Location where, CancellationToken ct)
    {
        chat.Await(ClientDialogStep.None);
        await SaveAsync(chat, ct);
        if (await nearest.FindAsync(where.Latitude, where.Longitude, ct) is not { } found)
        {
            await SayAsync(bot, chat.ChatId, "Адреса магазинов ещё не отмечены на карте. Загляните на сайт или позвоните нам.", ClientMenu.Keyboard(), ct);
            return;
        }
        var (shop, km) = found;
        var address = shop.Address.Length > 0 ? shop.Address : shop.Name;
        await bot.SendVenue(chat.ChatId, shop.Latitude, shop.Longitude, $"Al Aroma · {shop.Name}", address, cancellationToken: ct);
        await SayAsync(bot, chat.ChatId,
            $"Ближайший магазин — <b>{TelegramHtml.Escape(shop.Name)}</b>, {NearestShop.DistanceText(km)} от вас.\n{TelegramHtml.Escape(address)}" +
            (shop.OpeningHours.Length > 0 ? $"\nЧасы работы: {TelegramHtml.Escape(shop.OpeningHours)}" : ""), ClientMenu.Keyboard(), ct);
    }

    /// <summary>The user blocked (kicked) or unblocked the bot: the customer's chat is unreachable or reachable again.</summary>
    private async Task MembershipAsync(ChatMemberUpdated member, CancellationToken ct)
    {
        var blocked = member.NewChatMember.Status is ChatMemberStatus.Kicked or ChatMemberStatus.Left;
        var c = await db.Customers.FirstOrDefaultAsync(x => x.TelegramUserId == member.From.Id && x.MergedIntoId == null, ct);
        if (c is null) return;
        c.TelegramBlockedAtUtc = blocked ? c.TelegramBlockedAtUtc ?? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(ct);
    }

    private static InlineKeyboardMarkup RatingKeyboard() =>
        new(Enumerable.Range(1, 10).Chunk(5).Select(row => row.Select(n => InlineKeyboardButton.WithCallbackData(n.ToString(), RatePrefix + n))));

    /// <summary>The linked customer of the Telegram user; writing to the bot makes a blocked chat reachable again.</summary>
    private async Task<Customer?> CustomerAsync(long userId, long chatId, CancellationToken ct)
    {
        var c = await db.Customers.FirstOrDefaultAsync(x => x.TelegramUserId == userId && x.MergedIntoId == null, ct);
        if (c is not null && (c.TelegramBlockedAtUtc is not null || c.TelegramChatId != chatId))
        {
            c.TelegramBlockedAtUtc = null;
            c.TelegramChatId = chatId;
            await db.SaveChangesAsync(ct);
        }
        return c;
    }

    private async Task<ClientChat> ChatAsync(long chatId, long userId, CancellationToken ct)
    {
        var chat = await db.Set<ClientChat>().FirstOrDefaultAsync(x => x.ChatId == chatId, ct);
        if (chat is null)
        {
            chat = new ClientChat { ChatId = chatId, UserId = userId, UpdatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.Add(chat);
        }
        return chat;
    }

    private Task SaveAsync(ClientChat chat, CancellationToken ct)
    {
        chat.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        return db.SaveChangesAsync(ct);
    }

    private static Task SayAsync(ITelegramBotClient bot, long chatId, string html, ReplyMarkup? markup, CancellationToken ct) =>
        bot.SendMessage(chatId, html, ParseMode.Html, replyMarkup: markup, cancellationToken: ct);
}
