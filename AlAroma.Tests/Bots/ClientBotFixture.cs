using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AlAroma.Tests.Infrastructure.FakeTelegram;
using AlAroma.Tests.Pos;
using AlAroma.Web.Features.Bots.Telegram;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Bots;

/// <summary>
/// The app with the till helpers (<see cref="TillFixture"/>) and the client bot on a <see cref="FakeTelegramServer"/>:
/// updates are POSTed to the webhook as Telegram would (real Update JSON, the secret header); nothing is started at
/// launch (Bots:Telegram:Mode = Off).
/// </summary>
public sealed class ClientBotFixture : TillFixture
{
    public const string Token = "123456:TEST-client_bot";
    public const string Secret = "webhook-secret_42";
    private static long nextUpdate = 1000, nextUser = 7_000_000_000;

    public FakeTelegramServer Telegram { get; } = new();

    protected override Task BeforeStartAsync() => Telegram.StartAsync();

    protected override Task AfterStopAsync() => Telegram.DisposeAsync().AsTask();

    protected override void ConfigureTill(IWebHostBuilder b)
    {
        b.UseSetting("Notifications:Telegram:Token", Token);
        b.UseSetting("Notifications:Telegram:BaseUrl", Telegram.BaseUrl);
        b.UseSetting("Bots:Telegram:WebhookSecret", Secret);
        b.UseSetting("Bots:Telegram:Mode", "Off");
    }

    /// <summary>A fresh Telegram user id (also their private chat's id).</summary>
    public static long NewUser() => Interlocked.Increment(ref nextUser);

    /// <summary>A fresh update_id.</summary>
    public static long NewUpdateId() => Interlocked.Increment(ref nextUpdate);

    /// <summary>A random mobile number in E.164 (+7977…).</summary>
    public static string NewPhone() => $"+7977{Random.Shared.Next(1_000_000, 9_999_999)}";

    /// <summary>The customer linked to <paramref name="telegramUser"/>, null when none.</summary>
    public async Task<Customer?> CustomerOfAsync(long telegramUser)
    {
        await using var db = Db();
        return await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.TelegramUserId == telegramUser);
    }

    /// <summary>A Telegram user who did <paramref name="start"/> and shared their own contact; returns the linked customer.</summary>
    public async Task<(long User, Customer Customer)> JoinAsync(string? phone = null, string start = "/start")
    {
        var user = NewUser();
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Updates.Text(user, start)));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Updates.Contact(user, phone ?? NewPhone(), user)));
        return (user, (await CustomerOfAsync(user))!);
    }

    /// <summary>POSTs <paramref name="update"/> to the client bot's webhook with <paramref name="secret"/> (the right one by default).</summary>
    public async Task<HttpStatusCode> PostAsync(JsonObject update, string? secret = Secret)
    {
        using var client = Till.CreateClient();
        using var req = new HttpRequestMessage(HttpMethod.Post, "/bots/telegram/client") { Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json") };
        if (secret is not null) req.Headers.Add(TelegramWebhookController.SecretHeader, secret);
        var resp = await client.SendAsync(req);
        return resp.StatusCode;
    }

    /// <summary>Sends the queued outbox rows until none is due within <paramref name="seconds"/>, or <paramref name="done"/> holds.</summary>
    public async Task DispatchUntilAsync(Func<bool> done, int seconds = 20)
    {
        var dispatcher = Till.Services.GetRequiredService<OutboxDispatcher>();
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!done() && DateTime.UtcNow < until)
        {
            await dispatcher.DispatchOnceAsync(default);
            await Task.Delay(100);
        }
    }
}

/// <summary>Telegram Update JSON (https://core.telegram.org/bots/api#update) as a private chat sends it.</summary>
public static class Updates
{
    private static JsonObject User(long id, string name = "Анна") => new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = name, ["language_code"] = "ru" };

    private static JsonObject Message(long user, JsonObject content)
    {
        var m = new JsonObject
        {
            ["message_id"] = Random.Shared.Next(1, 1_000_000), ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = user, ["type"] = "private", ["first_name"] = "Анна" }, ["from"] = User(user),
        };
        foreach (var (k, v) in content) m[k] = v?.DeepClone();
        return m;
    }

    /// <summary>A text message (a menu button pressed sends its text).</summary>
    public static JsonObject Text(long user, string text, long? updateId = null) =>
        new() { ["update_id"] = updateId ?? ClientBotFixture.NewUpdateId(), ["message"] = Message(user, new JsonObject { ["text"] = text }) };

    /// <summary>A contact: shared by the button it carries the sender's user_id; someone else's carries theirs.</summary>
    public static JsonObject Contact(long user, string phone, long? contactUserId) =>
        new()
        {
            ["update_id"] = ClientBotFixture.NewUpdateId(),
            ["message"] = Message(user, new JsonObject
            {
                ["contact"] = contactUserId is { } id
                    ? new JsonObject { ["phone_number"] = phone, ["first_name"] = "Анна", ["last_name"] = "Иванова", ["user_id"] = id }
                    : new JsonObject { ["phone_number"] = phone, ["first_name"] = "Анна" },
            }),
        };

    /// <summary>A location sent by the request_location button.</summary>
    public static JsonObject Location(long user, double latitude, double longitude) =>
        new() { ["update_id"] = ClientBotFixture.NewUpdateId(), ["message"] = Message(user, new JsonObject { ["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude } }) };

    /// <summary>An inline button pressed under a bot message.</summary>
    public static JsonObject Callback(long user, string data) =>
        new()
        {
            ["update_id"] = ClientBotFixture.NewUpdateId(),
            ["callback_query"] = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString("N"), ["from"] = User(user), ["chat_instance"] = "42", ["data"] = data,
                ["message"] = Message(user, new JsonObject { ["text"] = "…", ["from"] = new JsonObject { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "Al Aroma" } }),
            },
        };
}
