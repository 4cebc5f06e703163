using AlAroma.Tests.Infrastructure.FakeTelegram;

namespace AlAroma.Tests.Notifications;

/// <summary>
/// <see cref="FakeTelegramServer"/> as an xunit fixture for the outbox's Telegram channel: chat 403 answers 403 "Forbidden:
/// bot was blocked by the user"; chat 429 answers once 429 with <c>parameters.retry_after</c> = 2 s, then accepts. The
/// per-chat limit is off here: the outbox's own limit is what TelegramChannelTests measure.
/// </summary>
public sealed class FakeBotApi : IAsyncLifetime
{
    public const long BlockedChat = 403, ThrottledChat = 429;

    public FakeTelegramServer Server { get; } = new() { PerChatPerSecond = 0, ThrottleOnce = { [ThrottledChat] = 2 } };

    /// <summary>Every call to a sending method: chat, text, when (UTC), HTTP status.</summary>
    public IEnumerable<FakeTelegramCall> Calls => Server.Calls;

    public string BaseUrl => Server.BaseUrl;

    public async Task InitializeAsync()
    {
        Server.BlockedChats[BlockedChat] = true;
        await Server.StartAsync();
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
