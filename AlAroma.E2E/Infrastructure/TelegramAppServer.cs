using AlAroma.Tests.Notifications;

namespace AlAroma.E2E.Infrastructure;

/// <summary>
/// <see cref="AppServer"/> whose Telegram messages go to the integration tests' fake Bot API (<see cref="FakeBotApi"/>,
/// the real JSON protocol on loopback) through <c>Notifications:Telegram:BaseUrl</c>: the app's outbox dispatcher
/// sends as in production, at <see cref="PerSecond"/> messages a second so a test can watch a campaign go out.
/// </summary>
public sealed class TelegramAppServer : AppServer
{
    /// <summary>The outbox's Telegram limit in this app (Notifications:Outbox:TelegramPerSecond).</summary>
    public const int PerSecond = 10;

    public FakeBotApi Bot { get; } = new();

    protected override async Task ConfigureAsync(IDictionary<string, string?> environment)
    {
        await Bot.InitializeAsync();
        environment["Notifications__Telegram__Token"] = "123456:E2E-token_abc";
        environment["Notifications__Telegram__BaseUrl"] = Bot.BaseUrl;
        environment["Notifications__Outbox__PollSeconds"] = "1";
        environment["Notifications__Outbox__TelegramPerSecond"] = PerSecond.ToString();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Bot.DisposeAsync();
    }
}
