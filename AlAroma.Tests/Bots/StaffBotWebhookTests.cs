using System.Net;
using System.Text;
using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Infrastructure.FakeTelegram;
using AlAroma.Web.Features.Bots.Staff;
using AlAroma.Web.Features.Bots.Telegram;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Bots;

/// <summary>
/// The staff bot through the bot kernel, as Telegram drives it: a real Update POSTed to <c>/bots/telegram/staff</c>
/// with the secret is answered with the staff bot's own token, and a staff alert queued on the outbox goes out with
/// that token too, not the client bot's.
/// </summary>
public sealed class StaffBotWebhookTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private const string ClientToken = "111:client-bot", StaffToken = "222:staff-bot", Secret = "staff-secret_1";
    private readonly FakeTelegramServer telegram = new();
    private WebApplicationFactory<Program> factory = null!;

    public async Task InitializeAsync()
    {
        await telegram.StartAsync();
        factory = Host(app, telegram, ClientToken, StaffToken, Secret);
    }

    /// <summary>The app of <paramref name="app"/> with both bots' tokens on <paramref name="telegram"/> (started) and the webhook's secret.</summary>
    internal static WebApplicationFactory<Program> Host(AppFixture app, FakeTelegramServer telegram, string clientToken, string staffToken, string secret) =>
        app.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Notifications:Telegram:Token", clientToken);
            b.UseSetting("Notifications:Telegram:StaffToken", staffToken);
            b.UseSetting("Notifications:Telegram:BaseUrl", telegram.BaseUrl);
            b.UseSetting("Bots:Telegram:WebhookSecret", secret);
        });

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await telegram.DisposeAsync();
    }

    [Fact]
    public async Task The_staff_bot_answers_its_webhook_and_sends_alerts_with_its_own_token()
    {
        var user = 8_800_000L + Random.Shared.Next(100_000);
        using var client = factory.CreateClient();
        using var req = new HttpRequestMessage(HttpMethod.Post, "/bots/telegram/staff")
            { Content = new StringContent(Updates.Text(user, "/start").ToJsonString(), Encoding.UTF8, "application/json") };
        req.Headers.Add(TelegramWebhookController.SecretHeader, Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(req)).StatusCode);

        var answer = Assert.Single(telegram.Sent(user));
        Assert.Equal(StaffToken, answer.Token);
        Assert.StartsWith("Это бот сотрудников Al Aroma", answer.Text);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AlAroma.Web.Data.AppDbContext>();
            scope.ServiceProvider.GetRequiredService<NotificationOutbox>().TelegramToStaff(user + 2, "<b>Мало товара</b>");
            scope.ServiceProvider.GetRequiredService<NotificationOutbox>().Telegram(user + 1, "Чек S1-000001");
            await db.SaveChangesAsync();
        }
        await factory.Services.GetRequiredService<OutboxDispatcher>().DrainAsync(default);
        var alert = Assert.Single(telegram.Sent(user + 2)); // another chat: the per-chat 1/s of the first answer does not hold it back
        Assert.Equal((StaffToken, "<b>Мало товара</b>"), (alert.Token, alert.Text));
        Assert.Equal(ClientToken, Assert.Single(telegram.Sent(user + 1)).Token);
    }
}
