using Telegram.Bot;

namespace AlAroma.Web.Features.Bots.Telegram;

/// <summary>
/// The registered bots and a <see cref="TelegramBotClient"/> for each (made per call: the token may change with the
/// configuration). The library's own 429 retries stay on for interactive replies (≤ 60 s, RetryCount 3).
/// </summary>
public sealed class TelegramBots(IEnumerable<BotRegistration> registrations, IServiceProvider services, IHttpClientFactory http)
{
    /// <summary>Name of the HttpClient the bots use.</summary>
    public const string HttpClientName = "telegram-bots";

    /// <summary>Every bot registered by a feature.</summary>
    public IReadOnlyList<BotRegistration> All { get; } = registrations.ToList();

    /// <summary>The registration of <paramref name="name"/>, null when no such bot.</summary>
    public BotRegistration? Find(string name) => All.FirstOrDefault(b => b.Name == name);

    /// <summary>A client of the bot, null when its token is not configured.</summary>
    public ITelegramBotClient? Client(BotRegistration bot)
    {
        if (bot.Connection(services) is not { Token.Length: > 0 } c) return null;
        return new TelegramBotClient(new TelegramBotClientOptions(c.Token, string.IsNullOrWhiteSpace(c.BaseUrl) ? null : c.BaseUrl), http.CreateClient(HttpClientName));
    }
}
