using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Notifications;

/// <summary>The Telegram channel through Telegram.Bot against a fake Bot API: blocked users, retry_after, 1 message/s per chat.</summary>
public sealed class TelegramChannelTests(AppFixture app, FakeBotApi bot) : IClassFixture<AppFixture>, IClassFixture<FakeBotApi>
{
    private WebApplicationFactory<Program> Host() => app.Factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("Notifications:Telegram:Token", "123456:TEST-token_abc");
        b.UseSetting("Notifications:Telegram:BaseUrl", bot.BaseUrl);
    });

    private static async Task<List<long>> QueueAsync(WebApplicationFactory<Program> host, long chat, int count)
    {
        using var scope = host.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<NotificationOutbox>();
        var rows = Enumerable.Range(1, count).Select(i => outbox.Telegram(chat, $"<b>Сообщение</b> {i}")).ToList();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }

    private Task<OutboxMessage> RowAsync(long id) => OutboxKit.RowAsync(app, id);

    [Fact]
    public async Task A_user_who_blocked_the_bot_fails_at_once_without_retries()
    {
        var host = Host();
        var id = (await QueueAsync(host, FakeBotApi.BlockedChat, 1)).Single();

        await OutboxKit.DispatchUntilTriedAsync(host, app, id);

        var row = await RowAsync(id);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("blocked by the user", row.LastError);
        Assert.Equal("failed", Assert.Single(row.AttemptLog).Outcome);
    }

    [Fact]
    public async Task Too_many_requests_waits_the_retry_after_the_bot_api_gave_then_sends()
    {
        var host = Host();
        var id = (await QueueAsync(host, FakeBotApi.ThrottledChat, 1)).Single();
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();

        await OutboxKit.DispatchUntilTriedAsync(host, app, id);
        var waiting = await RowAsync(id);
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Equal(0, waiting.Attempts); // a throttle is not a failed attempt
        Assert.True(waiting.NextAttemptAtUtc >= waiting.AttemptLog.Single().AtUtc.AddSeconds(2) - TimeSpan.FromMilliseconds(5));
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(default)); // not due yet

        var until = DateTime.UtcNow.AddSeconds(30);
        while ((await RowAsync(id)).Status != OutboxStatus.Sent && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
            await dispatcher.DispatchOnceAsync(default);
        }

        var sent = await RowAsync(id);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.NotNull(sent.ProviderMessageId);
        var calls = bot.Calls.Where(c => c.Chat == FakeBotApi.ThrottledChat).ToList();
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        Assert.True(calls[1].AtUtc - calls[0].AtUtc >= TimeSpan.FromSeconds(1.9), "the second call waited retry_after");
    }

    [Fact]
    public async Task Messages_to_one_chat_go_at_most_one_per_second_and_all_arrive()
    {
        var host = Host();
        const long chat = 5551;
        var ids = await QueueAsync(host, chat, 4);
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();

        var until = DateTime.UtcNow.AddSeconds(30);
        await using var db = app.Db();
        while (await db.Notifications.CountAsync(n => ids.Contains(n.Id) && n.Status == OutboxStatus.Sent) < 4 && DateTime.UtcNow < until)
        {
            await dispatcher.DispatchOnceAsync(default);
            await Task.Delay(100);
        }

        var calls = bot.Calls.Where(c => c.Chat == chat).ToList();
        Assert.Equal(4, calls.Count);
        Assert.Equal(4, calls.Select(c => c.Text).Distinct().Count());
        // One slot per chat and (database) second: 4 messages span at least 3 second boundaries, and no second sees three.
        var times = calls.Select(c => c.AtUtc).Order().ToList();
        Assert.True(times[^1] - times[0] >= TimeSpan.FromSeconds(2), $"4 messages took only {times[^1] - times[0]}");
        Assert.All(Enumerable.Range(0, times.Count - 2), i => Assert.True(times[i + 2] - times[i] > TimeSpan.FromSeconds(0.9)));
    }
}
