using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AlAroma.Web.Features.Notifications.Channels.Telegram;

/// <summary>Telegram settings (section "Notifications:Telegram"). Token empty = the channel is not configured.</summary>
public sealed class TelegramOptions
{
    /// <summary>The bot's token from @BotFather ("123456:ABC…").</summary>
    public string Token { get; set; } = "";

    /// <summary>The staff bot's token (a second bot, @BotFather); empty = the staff bot is not configured.</summary>
    public string StaffToken { get; set; } = "";

    /// <summary>Bot API server; null = api.telegram.org. Tests point it at a local fake.</summary>
    public string? BaseUrl { get; set; }
}

/// <summary>
/// The Telegram channel through Telegram.Bot: text in HTML parse mode to a chat id, or a photo from the row's
/// image attachment with the text as caption. 429 with <c>parameters.retry_after</c> waits that long; 403 (the user
/// blocked the bot, or a kicked bot) and 400 "chat not found" are permanent (Bot API: error_code/description).
/// The library's own retries are off: the outbox schedules them.
/// </summary>
public sealed class TelegramSender(IOptionsMonitor<TelegramOptions> options, IHttpClientFactory http) : IChannelSender
{
    /// <summary>Name of the HttpClient (timeouts from Microsoft.Extensions.Http.Resilience).</summary>
    public const string HttpClientName = "telegram";

    /// <summary>How the last error of a row refused with 403 (the user blocked the bot; INTEGRATIONS.md) begins: campaigns count these as "blocked".</summary>
    public const string BlockedError = "Telegram отказал (403)";

    public Channel Channel => Channel.Telegram;

    /// <summary>A Bot API client for <paramref name="token"/> at the configured server, without Telegram.Bot's own retries (the outbox retries).</summary>
    public static TelegramBotClient Client(string token, TelegramOptions o, HttpClient http) =>
        new(new TelegramBotClientOptions(token, string.IsNullOrWhiteSpace(o.BaseUrl) ? null : o.BaseUrl) { RetryCount = 0 }, http);

    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var data = System.Text.Json.JsonSerializer.Deserialize<TextMessage>(message.Data);
        var (token, setting) = data?.Bot == TextMessage.StaffBot ? (o.StaffToken, "StaffToken") : (o.Token, "Token");
        if (string.IsNullOrWhiteSpace(token)) return SendResult.Retry($"Telegram-бот не настроен (Notifications:Telegram:{setting}).");
        var bot = Client(token, o, http.CreateClient(HttpClientName));
        if (!long.TryParse(message.Recipient, out var chatId)) return SendResult.Permanent($"Неверный chat id Telegram: {message.Recipient}");
        var text = data?.Text ?? "";
        try
        {
            var photo = message.Attachments.FirstOrDefault(a => a.ContentType.StartsWith("image/", StringComparison.Ordinal));
            Message sent = photo is null
                ? await bot.SendMessage(chatId, text, ParseMode.Html, cancellationToken: ct)
                : await bot.SendPhoto(chatId, InputFile.FromStream(new MemoryStream(photo.Content), photo.FileName), text, ParseMode.Html, cancellationToken: ct);
            return SendResult.Sent(sent.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429 || e.Parameters?.RetryAfter is not null)
        {
            return SendResult.Throttled(TimeSpan.FromSeconds(e.Parameters?.RetryAfter ?? 1), $"Telegram просит подождать: {e.Message}");
        }
        catch (ApiRequestException e) when (e.ErrorCode is 400 or 401 or 403 or 404)
        {
            return SendResult.Permanent($"Telegram отказал ({e.ErrorCode}): {e.Message}");
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return SendResult.Retry($"Telegram недоступен: {e.Message}");
        }
    }
}
