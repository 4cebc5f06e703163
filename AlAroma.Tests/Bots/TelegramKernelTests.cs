using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Infrastructure.FakeTelegram;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace AlAroma.Tests.Bots;

/// <summary>The bot kernel at start (setWebhook with the secret) and the fake Bot API's limits the other helpers rely on.</summary>
public sealed class TelegramKernelTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private readonly FakeTelegramServer telegram = new();

    public Task InitializeAsync() => telegram.StartAsync();

    public Task DisposeAsync() => telegram.DisposeAsync().AsTask();

    [Fact]
    public async Task With_a_public_url_the_app_sets_the_webhook_with_its_secret_at_start()
    {
        await using var host = app.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Notifications:Telegram:Token", "123456:TEST-webhook");
            b.UseSetting("Notifications:Telegram:BaseUrl", telegram.BaseUrl);
            b.UseSetting("Bots:Telegram:PublicUrl", "https://crm.alaroma.example");
            b.UseSetting("Bots:Telegram:WebhookSecret", "start-secret_1");
            b.UseSetting("Bots:Telegram:Mode", "Auto"); // the fixture's Off undone: a public URL means a webhook
        });
        _ = host.Services; // starts the host and its background services

        var until = DateTime.UtcNow.AddSeconds(20);
        while (!telegram.Calls.Any(c => c.Method == "setWebhook") && DateTime.UtcNow < until) await Task.Delay(100);
        var call = Assert.Single(telegram.Calls, c => c.Method == "setWebhook");
        Assert.Equal("https://crm.alaroma.example/bots/telegram/client", call.Body["url"]!.ToString());
        Assert.Equal("start-secret_1", call.Body["secret_token"]!.ToString());
        Assert.DoesNotContain(telegram.Calls, c => c.Method == "getUpdates"); // a webhook, no polling
    }

    [Fact]
    public async Task Update_ids_older_than_a_week_are_forgotten_and_newer_ones_kept()
    {
        var now = DateTime.UtcNow;
        await using (var db = app.Db())
        {
            db.TelegramUpdates.AddRange(
                new Web.Features.Bots.Telegram.TelegramUpdate { Bot = "client", UpdateId = 1, ReceivedAtUtc = now.AddDays(-8) },
                new Web.Features.Bots.Telegram.TelegramUpdate { Bot = "client", UpdateId = 2, ReceivedAtUtc = now.AddDays(-6) });
            await db.SaveChangesAsync();
        }
        using var scope = app.Scope();
        var job = scope.ServiceProvider.GetRequiredService<Web.Features.Bots.Telegram.CleanUpTelegramUpdates>();
        Assert.Equal(1, (await job.RunAsync(default)).Rows);
        Assert.Equal(0, (await job.RunAsync(default)).Rows);
        await using var check = app.Db();
        Assert.Equal([2L], await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(check.TelegramUpdates.Select(u => u.UpdateId)));
    }

    [Fact]
    public async Task The_fake_answers_429_with_retry_after_above_one_message_a_second_per_chat_and_the_global_cap()
    {
        var bot = new TelegramBotClient(new TelegramBotClientOptions("123456:TEST-limits", telegram.BaseUrl) { RetryCount = 0 });
        var now = DateTime.UtcNow;
        telegram.Clock = () => now;
        await bot.SendMessage(1001, "первое");
        var e = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(1001, "второе"));
        Assert.Equal((429, 1), (e.ErrorCode, e.Parameters?.RetryAfter));
        await bot.SendMessage(1002, "другой чат"); // another chat is not held back

        now = now.AddMilliseconds(1100);
        await bot.SendMessage(1001, "через секунду");
        Assert.Equal(["первое", "через секунду"], telegram.Sent(1001).Select(c => c.Text));

        telegram.GlobalPerSecond = 2; // 1001 just now counts: one more chat fits this second, a third does not
        await bot.SendMessage(1003, "второе в секунду");
        var global = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(1004, "третье в секунду"));
        Assert.Equal(429, global.ErrorCode);
        Assert.Equal(2, telegram.Count429);
        telegram.Clock = null;
    }
}
