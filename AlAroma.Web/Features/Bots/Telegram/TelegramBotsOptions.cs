namespace AlAroma.Web.Features.Bots.Telegram;

/// <summary>How the app receives the bots' updates.</summary>
public enum BotReceiveMode
{
    /// <summary>A webhook when <see cref="TelegramBotsOptions.PublicUrl"/> is set, else long polling (development).</summary>
    Auto,

    /// <summary>Telegram POSTs updates to <c>{PublicUrl}/bots/telegram/{bot}</c>; <c>setWebhook</c> at start.</summary>
    Webhook,

    /// <summary>The app asks <c>getUpdates</c> in a loop (one consumer per bot: a second instance gets 409 Conflict).</summary>
    Polling,

    /// <summary>Nothing at start (tests drive the webhook themselves); the webhook endpoint still answers.</summary>
    Off,
}

/// <summary>
/// Settings of the Telegram bots (section "Bots:Telegram"). The client bot's token and Bot API server are the
/// outbox channel's ("Notifications:Telegram": Token, BaseUrl), since the bot answers in the same chats the outbox
/// writes to.
/// </summary>
public sealed class TelegramBotsOptions
{
    /// <summary>The app's public HTTPS address ("https://crm.alaroma.ru"); Telegram accepts webhooks on ports 443, 80, 88, 8443 only.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// The webhook's secret token (Bot API setWebhook secret_token: 1–256 characters of A–Z a–z 0–9 _ -), sent back by
    /// Telegram in <c>X-Telegram-Bot-Api-Secret-Token</c>. Empty = the webhook endpoint refuses every request.
    /// </summary>
    public string WebhookSecret { get; set; } = "";

    public BotReceiveMode Mode { get; set; } = BotReceiveMode.Auto;

    /// <summary>Long polling wait of one getUpdates, seconds (Bot API: timeout).</summary>
    public int PollingTimeoutSeconds { get; set; } = 30;

    /// <summary>The mode in effect: <see cref="BotReceiveMode.Auto"/> resolved by whether a public URL is set.</summary>
    public BotReceiveMode EffectiveMode => Mode != BotReceiveMode.Auto ? Mode
        : string.IsNullOrWhiteSpace(PublicUrl) ? BotReceiveMode.Polling : BotReceiveMode.Webhook;

    /// <summary>The webhook address of <paramref name="bot"/>: <c>{PublicUrl}/bots/telegram/{bot}</c>.</summary>
    public string WebhookUrl(string bot) => $"{PublicUrl!.TrimEnd('/')}/bots/telegram/{bot}";
}
