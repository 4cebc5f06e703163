using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AlAroma.Tests.Customers;
using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Infrastructure.FakeTelegram;
using AlAroma.Web.Features.Bots.Staff;
using AlAroma.Web.Features.Bots.Telegram;
using AlAroma.Web.Features.Campaigns;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Customers.List;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Bots;

/// <summary>
/// «Рассылка» in the staff bot, driven as Telegram drives it (Update JSON POSTed to <c>/bots/telegram/staff</c>, the
/// fake Bot API answering): a manager picks an unsent campaign, sees its audience and text, and «Отправить» starts it
/// through the screen's StartCampaign as them; «Отмена» starts nothing; a seller has no button and is refused.
/// </summary>
public sealed class StaffBotBroadcastTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private const string StaffToken = "333:staff-broadcast", Secret = "broadcast-secret_7";
    private static long telegramIds = 8_100_000 + Random.Shared.Next(100_000);
    private readonly FakeTelegramServer telegram = new() { PerChatPerSecond = 0 };
    private WebApplicationFactory<Program> factory = null!;

    public async Task InitializeAsync()
    {
        await telegram.StartAsync();
        factory = StaffBotWebhookTests.Host(app, telegram, "111:client-bot", StaffToken, Secret);
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await telegram.DisposeAsync();
    }

    /// <summary>POSTs <paramref name="update"/> to the staff bot's webhook; returns the last message the bot sent to <paramref name="chat"/>.</summary>
    private async Task<FakeTelegramCall> PostAsync(long chat, JsonObject update)
    {
        var before = telegram.Sent(chat).Count;
        using var client = factory.CreateClient();
        using var req = new HttpRequestMessage(HttpMethod.Post, "/bots/telegram/staff") { Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json") };
        req.Headers.Add(TelegramWebhookController.SecretHeader, Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(req)).StatusCode);
        var sent = telegram.Sent(chat);
        Assert.Equal(before + 1, sent.Count);
        Assert.Equal(StaffToken, sent[^1].Token);
        return sent[^1];
    }

    /// <summary>A fresh Telegram account linked to <paramref name="email"/> with a profile code; the bot's "done" message.</summary>
    private async Task<(long Tg, FakeTelegramCall Done)> LinkedAsync(string email)
    {
        var tg = Interlocked.Increment(ref telegramIds);
        var code = await app.AsAsync(email, sp => sp.GetRequiredService<StaffLinks>().IssueAsync(sp.GetRequiredService<AlAroma.Web.Infrastructure.ICurrentUser>().UserId!, default));
        var done = await PostAsync(tg, Updates.Text(tg, code.Code));
        Assert.StartsWith("Готово", done.Text);
        return (tg, done);
    }

    /// <summary>
    /// A draft Telegram campaign saved by the manager whose segment is <paramref name="reached"/> customers with the
    /// consent and a chat, plus one with no consent (in the segment, not reached); its id, name and the reached chats.
    /// </summary>
    private async Task<(long Id, string Name, long[] Chats)> DraftAsync(int reached)
    {
        var tag = new string(Enumerable.Range(0, 8).Select(_ => (char)('а' + Random.Shared.Next(32))).ToArray());
        var chats = new List<long>();
        for (var i = 0; i < reached; i++)
        {
            var chat = 5_500_000_000 + Random.Shared.NextInt64(1_000_000_000);
            await app.CustomerAsync(c => (c.Name, c.MarketingTelegram, c.TelegramChatId, c.TelegramUserId) = ($"Рассылкина{tag} {i}", true, chat, chat));
            chats.Add(chat);
        }
        await app.CustomerAsync(c => (c.Name, c.MarketingTelegram, c.TelegramChatId) = ($"Рассылкина{tag} без согласия", false, 5_400_000_000 + Random.Shared.NextInt64(1_000_000)));
        var name = $"Весна & {tag}";
        var (id, errors) = await app.AsAsync("manager@alaroma.local", sp => sp.GetRequiredService<SaveCampaign>().HandleAsync(new CampaignForm
        {
            Name = name, Segment = new ListCustomers.Input { Q = "Рассылкина" + tag }, Channel = ConsentChannel.Telegram,
            Template = "{Имя}, скидка 10% <только> сегодня",
        }, default));
        Assert.Empty(errors);
        return (id!.Value, name, chats.ToArray());
    }

    /// <summary>The captions of a reply markup's buttons (reply keyboard or inline), and the inline ones' callback data.</summary>
    private static (List<string> Captions, List<string> Data) Buttons(string? markup)
    {
        var node = markup is null ? null : JsonNode.Parse(markup);
        var rows = (node?["keyboard"] ?? node?["inline_keyboard"])?.AsArray() ?? [];
        var buttons = rows.SelectMany(r => r!.AsArray()).Select(b => b!.AsObject()).ToList();
        return (buttons.Select(b => b["text"]!.GetValue<string>()).ToList(), buttons.Select(b => b["callback_data"]?.GetValue<string>()).OfType<string>().ToList());
    }

    private async Task<(CampaignStatus Status, int Queued)> CampaignAsync(long id)
    {
        await using var db = app.Db();
        var status = await db.Campaigns.Where(c => c.Id == id).Select(c => c.Status).SingleAsync();
        var queued = await db.Notifications.CountAsync(n => n.EntityType == Campaign.SubjectType && n.EntityId == id.ToString());
        return (status, queued);
    }

    [Fact]
    public async Task A_manager_sees_the_audience_and_the_text_and_confirming_starts_the_campaign_as_them()
    {
        var (tg, done) = await LinkedAsync("manager@alaroma.local");
        Assert.Contains(StaffBroadcast.Button, Buttons(done.ReplyMarkup).Captions);
        var (id, name, chats) = await DraftAsync(reached: 3);

        var list = await PostAsync(tg, Updates.Text(tg, StaffBroadcast.Button));
        Assert.Contains($"«{name.Replace("&", "&amp;")}» — Telegram, 3 получателя", list.Text);
        Assert.Contains((name, StaffBroadcast.ShowPrefix + id), Buttons(list.ReplyMarkup).Captions.Zip(Buttons(list.ReplyMarkup).Data));

        var confirm = await PostAsync(tg, Updates.Callback(tg, StaffBroadcast.ShowPrefix + id));
        Assert.Contains("Получателей: 3", confirm.Text);
        Assert.Contains($"<blockquote>Рассылкина{name[^8..]} 0, скидка 10% &lt;только&gt; сегодня</blockquote>", confirm.Text);
        Assert.EndsWith("Отправить 3 клиентам?", confirm.Text);
        var (captions, data) = Buttons(confirm.ReplyMarkup);
        Assert.Equal(["Отправить", "Отмена"], captions);
        Assert.Equal([StaffBroadcast.SendPrefix + id, StaffBroadcast.CancelPrefix + id], data);
        Assert.Contains(telegram.Calls, c => c.Method == "answerCallbackQuery" && c.Status == 200);
        Assert.Contains(telegram.Calls, c => c.Method == "editMessageReplyMarkup" && c.Chat == tg && c.Status == 200);
        Assert.Equal((CampaignStatus.Draft, 0), await CampaignAsync(id)); // choosing sends nothing yet

        var started = await PostAsync(tg, Updates.Callback(tg, StaffBroadcast.SendPrefix + id));
        Assert.StartsWith($"Рассылка «{name.Replace("&", "&amp;")}» запущена: 3 сообщения в очереди", started.Text);
        Assert.Contains(StaffBroadcast.Button, Buttons(started.ReplyMarkup).Captions); // back to the menu

        await using (var db = app.Db())
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Id == id);
            Assert.Equal((CampaignStatus.Sending, 3), (campaign.Status, campaign.RecipientCount));
            var rows = await db.Notifications.Where(n => n.EntityType == Campaign.SubjectType && n.EntityId == id.ToString()).ToListAsync();
            Assert.Equal(chats.Select(c => c.ToString()).Order(), rows.Select(r => r.Recipient).Order());
            Assert.All(rows, r => Assert.Equal((Channel.Telegram, OutboxStatus.Pending, "manager@alaroma.local"), (r.Channel, r.Status, r.CreatedBy)));
            var manager = await db.Users.Where(u => u.Email == "manager@alaroma.local").Select(u => u.Id).SingleAsync();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(Campaign) && a.Key == id.ToString() && a.Action == "Update" && a.UserId == manager));
        }

        var again = await PostAsync(tg, Updates.Callback(tg, StaffBroadcast.SendPrefix + id)); // an old button pressed twice
        Assert.Contains("уже отправляется: отправить её ещё раз нельзя", again.Text);
        Assert.Equal((CampaignStatus.Sending, 3), await CampaignAsync(id));
    }

    [Fact]
    public async Task Cancel_starts_nothing_and_the_campaign_stays_a_draft()
    {
        var (tg, _) = await LinkedAsync("admin@alaroma.local");
        var (id, _, _) = await DraftAsync(reached: 2);

        Assert.EndsWith("Отправить 2 клиентам?", (await PostAsync(tg, Updates.Callback(tg, StaffBroadcast.ShowPrefix + id))).Text);
        var cancelled = await PostAsync(tg, Updates.Callback(tg, StaffBroadcast.CancelPrefix + id));
        Assert.Contains("не отправлена: ничего не изменилось", cancelled.Text);

        Assert.Equal((CampaignStatus.Draft, 0), await CampaignAsync(id));
        await using var db = app.Db();
        Assert.False(await db.CampaignRecipients.AnyAsync(r => r.CampaignId == id));
    }

    [Fact]
    public async Task A_seller_has_no_broadcast_button_and_is_refused_by_the_command_and_by_a_button()
    {
        var (tg, done) = await LinkedAsync("seller@alaroma.local");
        Assert.Contains(StaffBot.Find, Buttons(done.ReplyMarkup).Captions);
        Assert.DoesNotContain(StaffBroadcast.Button, Buttons(done.ReplyMarkup).Captions);
        var (id, _, _) = await DraftAsync(reached: 1);

        var refused = await PostAsync(tg, Updates.Text(tg, StaffBroadcast.Button));
        Assert.Equal("Рассылки отправляют менеджер и администратор. Попросите менеджера.", refused.Text);
        Assert.Empty(Buttons(refused.ReplyMarkup).Data);
        var pressed = await PostAsync(tg, Updates.Callback(tg, StaffBroadcast.SendPrefix + id)); // a button they were never shown
        Assert.Equal(refused.Text, pressed.Text);

        Assert.Equal((CampaignStatus.Draft, 0), await CampaignAsync(id));
    }
}
