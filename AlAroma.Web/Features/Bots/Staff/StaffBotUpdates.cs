using AlAroma.Web.Features.Bots.Telegram;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace AlAroma.Web.Features.Bots.Staff;

/// <summary>
/// The staff bot on the bot kernel (webhook <c>POST /bots/telegram/staff</c> or polling): a text message of a private
/// chat goes to <see cref="StaffBot"/>, whose replies go straight back with its reply keyboard or inline buttons; an
/// inline button pressed in a private chat goes to <see cref="StaffBot.PressAsync"/>, is answered (the button stops
/// spinning) and loses its message's buttons (a choice is made once). Other updates (groups, stickers, edits) are
/// ignored: the staff bot talks to one person at a time.
/// </summary>
public sealed class StaffBotUpdates(StaffBot staffBot) : IBotUpdateHandler
{
    /// <summary>The bot's name: webhook <c>POST /bots/telegram/staff</c>.</summary>
    public const string Name = "staff";

    public async Task HandleAsync(ITelegramBotClient bot, Update update, CancellationToken ct)
    {
        if (update.CallbackQuery is { From: { } presser, Message: { Chat.Type: ChatType.Private } under, Data: { } data } callback)
        {
            var answers = await staffBot.PressAsync(new StaffBotMessage(presser.Id, under.Chat.Id, data), ct);
            await bot.AnswerCallbackQuery(callback.Id, cancellationToken: ct);
            await bot.EditMessageReplyMarkup(under.Chat.Id, under.Id, replyMarkup: null, cancellationToken: ct);
            await SendAsync(bot, under.Chat.Id, answers, ct);
            return;
        }
        if (update.Message is not { From: { } from, Chat.Type: ChatType.Private, Text: { } text } message) return;
        await SendAsync(bot, message.Chat.Id, await staffBot.HandleAsync(new StaffBotMessage(from.Id, message.Chat.Id, text), ct), ct);
    }

    private static async Task SendAsync(ITelegramBotClient bot, long chatId, IReadOnlyList<StaffBotReply> replies, CancellationToken ct)
    {
        foreach (var reply in replies)
        {
            ReplyMarkup keyboard = reply switch
            {
                { Buttons: { Count: > 0 } rows } => new InlineKeyboardMarkup(rows.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Text, b.Data)))),
                { Keyboard: { Count: > 0 } buttons } => new ReplyKeyboardMarkup(buttons.Chunk(2).Select(row => row.Select(b => new KeyboardButton(b)))) { ResizeKeyboard = true, IsPersistent = true },
                _ => new ReplyKeyboardRemove(),
            };
            await bot.SendMessage(chatId, reply.Html, ParseMode.Html, replyMarkup: keyboard, cancellationToken: ct);
        }
    }
}
