using AlAroma.Web.Features.Bots.Telegram;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace AlAroma.Web.Features.Bots.Staff;

/// <summary>
/// The staff bot on the bot kernel (webhook <c>POST /bots/telegram/staff</c> or polling): a text message of a private
/// chat goes to <see cref="StaffBot"/>, whose replies go straight back with its reply keyboard. Other updates (groups,
/// stickers, edits) are ignored: the staff bot talks to one person at a time.
/// </summary>
public sealed class StaffBotUpdates(StaffBot staffBot) : IBotUpdateHandler
{
    /// <summary>The bot's name: webhook <c>POST /bots/telegram/staff</c>.</summary>
    public const string Name = "staff";

    public async Task HandleAsync(ITelegramBotClient bot, Update update, CancellationToken ct)
    {
        if (update.Message is not { From: { } from, Chat.Type: ChatType.Private, Text: { } text } message) return;
        foreach (var reply in await staffBot.HandleAsync(new StaffBotMessage(from.Id, message.Chat.Id, text), ct))
        {
            ReplyMarkup? keyboard = reply.Keyboard is { Count: > 0 } buttons
                ? new ReplyKeyboardMarkup(buttons.Chunk(2).Select(row => row.Select(b => new KeyboardButton(b)))) { ResizeKeyboard = true, IsPersistent = true }
                : new ReplyKeyboardRemove();
            await bot.SendMessage(message.Chat.Id, reply.Html, ParseMode.Html, replyMarkup: keyboard, cancellationToken: ct);
        }
    }
}
