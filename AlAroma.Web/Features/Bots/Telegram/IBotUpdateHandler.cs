using Telegram.Bot;
using Telegram.Bot.Types;

namespace AlAroma.Web.Features.Bots.Telegram;

/// <summary>
/// The update handler of one bot, registered as a keyed scoped service under the bot's name
/// (<see cref="BotsSetup.AddTelegramBot{THandler}"/>): the client bot ("client") now, the staff bot later. Called once
/// per update id (<see cref="BotUpdatePipeline"/> de-duplicates), from the webhook or the polling loop alike.
/// </summary>
public interface IBotUpdateHandler
{
    /// <summary>Handles <paramref name="update"/>; replies through <paramref name="bot"/>. An exception makes Telegram resend it.</summary>
    Task HandleAsync(ITelegramBotClient bot, Update update, CancellationToken ct);
}

/// <summary>How to reach one bot: its token ("123456:ABC…") and the Bot API server (null = api.telegram.org).</summary>
public sealed record BotConnection(string Token, string? BaseUrl);

/// <summary>A bot the app runs: its name (the webhook path segment) and where its token comes from (null = not configured).</summary>
public sealed record BotRegistration(string Name, Func<IServiceProvider, BotConnection?> Connection);
