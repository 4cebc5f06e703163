using AlAroma.Tests.Customers;
using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Notifications;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Campaigns;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Campaigns;

/// <summary>
/// Campaigns on a real PostgreSQL with the outbox sending to the fake Bot API: who is in the audience, that a second
/// start queues nobody twice, and that results count only purchases made after the customer's message.
/// </summary>
public sealed class CampaignSendingTests(AppFixture app, FakeBotApi bot) : IClassFixture<AppFixture>, IClassFixture<FakeBotApi>
{
    private const string Manager = "manager@alaroma.local";
    private static long chats = 7_700_000 + Random.Shared.Next(100_000);

    private static string Tag() => "c" + Guid.NewGuid().ToString("N")[..8];
    private static long NewChat() => Interlocked.Increment(ref chats);

    private WebApplicationFactory<Program> Host() => app.Factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("Notifications:Telegram:Token", "123456:TEST-token_abc");
        b.UseSetting("Notifications:Telegram:BaseUrl", bot.BaseUrl);
        b.UseSetting("Notifications:Outbox:TelegramPerChatPerSecond", "0");
    });

    private Task<long> CreateAsync(string tag, ConsentChannel channel, string text = "{Имя}, у вас {Баллы} баллов", int days = 7) =>
        app.AsAsync(Manager, async sp =>
        {
            var (id, errors) = await sp.GetRequiredService<SaveCampaign>().HandleAsync(
                new CampaignForm { Name = "Тест " + tag, Segment = new() { Tag = tag }, Channel = channel, Template = text, ResultDays = days }, default);
            Assert.Empty(errors);
            return id!.Value;
        });

    private Task<int> StartAsync(long id) => app.AsAsync(Manager, sp => sp.GetRequiredService<StartCampaign>().HandleAsync(id, default));

    private async Task<List<OutboxMessage>> RowsAsync(long id)
    {
        await using var db = app.Db();
        var entity = id.ToString();
        return await db.Notifications.Where(n => n.EntityType == Campaign.SubjectType && n.EntityId == entity).OrderBy(n => n.Id).ToListAsync();
    }

    private Task<Customer> TelegramCustomerAsync(string tag, long? chat, bool consent = true, Action<Customer>? more = null) =>
        app.CustomerAsync(c =>
        {
            c.Tags = [tag];
            c.TelegramChatId = chat;
            if (consent) c.SetConsent(ConsentChannel.Telegram, true, ConsentSource.Bot, DateTime.UtcNow);
            more?.Invoke(c);
        });

    [Fact]
    public async Task The_audience_is_the_segment_with_the_channels_consent_and_a_way_to_reach_them()
    {
        var tag = Tag();
        var reached = await TelegramCustomerAsync(tag, NewChat(), more: c => c.Name = "Вера");
        await TelegramCustomerAsync(tag, chat: null);                    // consent, but no chat with the bot
        await TelegramCustomerAsync(tag, NewChat(), consent: false);     // a chat, but no consent
        await TelegramCustomerAsync(Tag(), NewChat());                   // another segment
        var kept = await TelegramCustomerAsync(Tag(), NewChat());
        await TelegramCustomerAsync(tag, NewChat(), more: c => c.MergedIntoId = kept.Id); // a merged duplicate
        var sms = await app.CustomerAsync(c => { c.Tags = [tag]; c.SetConsent(ConsentChannel.Sms, true, ConsentSource.Till, DateTime.UtcNow); });

        var id = await CreateAsync(tag, ConsentChannel.Telegram);
        var preview = await app.AsAsync(Manager, sp => sp.GetRequiredService<PreviewCampaign>().HandleAsync(
            new CampaignForm { Segment = new() { Tag = tag }, Channel = ConsentChannel.Telegram, Template = "{Имя}!" }, default));
        Assert.Equal(1, preview.Audience);
        Assert.Equal("Вера!", preview.Text);

        Assert.Equal(1, await StartAsync(id));
        var row = Assert.Single(await RowsAsync(id));
        Assert.Equal((Channel.Telegram, reached.TelegramChatId.ToString(), OutboxStatus.Pending), (row.Channel, row.Recipient, row.Status));
        Assert.Contains("Вера, у вас 0 баллов", row.Data);
        await using (var db = app.Db())
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Id == id);
            Assert.Equal((CampaignStatus.Sending, 1), (campaign.Status, campaign.RecipientCount));
            Assert.Equal(reached.Id, (await db.CampaignRecipients.SingleAsync(r => r.CampaignId == id)).CustomerId);
        }

        var bySms = await CreateAsync(tag, ConsentChannel.Sms, "Привет от Al Aroma");
        Assert.Equal(1, await StartAsync(bySms));
        Assert.Equal((Channel.Sms, sms.Phone), (Assert.Single(await RowsAsync(bySms)).Channel, (await RowsAsync(bySms))[0].Recipient));
    }

    [Fact]
    public async Task Starting_again_queues_nobody_twice_and_a_sent_campaign_cannot_be_sent_again()
    {
        var tag = Tag();
        for (var i = 0; i < 3; i++) await TelegramCustomerAsync(tag, NewChat());
        var id = await CreateAsync(tag, ConsentChannel.Telegram);
        Assert.Equal(3, await StartAsync(id));

        // The job finding it scheduled again (a crash between the queuing and the status, a second node): no new rows.
        await using (var db = app.Db())
            await db.Database.ExecuteSqlAsync($"UPDATE campaigns SET status = 'Scheduled', scheduled_at_utc = now() - interval '1 minute' WHERE id = {id}");
        await TelegramCustomerAsync(tag, NewChat()); // joined the segment since: the re-run adds them alone
        var outcome = await app.AsAsync(Manager, sp => sp.GetRequiredService<RunCampaigns>().RunAsync(default));
        Assert.Contains("запущено: 1", outcome.Summary);
        var rows = await RowsAsync(id);
        Assert.Equal(4, rows.Count);
        Assert.Equal(4, rows.Select(r => r.Recipient).Distinct().Count());

        var direct = await app.AsAsync(Manager, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return await sp.GetRequiredService<StartCampaign>().QueueAsync(await db.Campaigns.SingleAsync(c => c.Id == id), default);
        });
        Assert.Equal(0, direct);
        Assert.Equal(4, (await RowsAsync(id)).Count);
        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => StartAsync(id));
        Assert.Contains("отправить её ещё раз нельзя", e.Message);
    }

    [Fact]
    public async Task Progress_counts_sent_and_blocked_and_results_count_only_purchases_within_the_days_after_the_message()
    {
        var tag = Tag();
        var buyer = await TelegramCustomerAsync(tag, NewChat());
        var blocked = await TelegramCustomerAsync(tag, FakeBotApi.BlockedChat);
        var before = await app.SellAsync(buyer);                 // bought before the message: not a result
        var id = await CreateAsync(tag, ConsentChannel.Telegram, "Скидки <30% & подарки, {Имя}", days: 7);
        Assert.Equal(2, await StartAsync(id));

        var progress = await app.AsAsync(Manager, sp => sp.GetRequiredService<GetCampaignProgress>().HandleAsync(id, default));
        Assert.Equal((2, 0, true), (progress!.Queued, progress.Sent, progress.Running));

        var host = Host();
        await OutboxKit.SendAllAsync(host, app, (await RowsAsync(id)).Select(r => r.Id).ToList());
        Assert.Contains(bot.Calls, c => c.Chat == buyer.TelegramChatId && c.Status == 200 && c.Text.StartsWith("Скидки &lt;30% &amp; подарки"));

        var after = await app.SellAsync(buyer);                  // within the 7 days: a result
        var late = await app.SellAsync(buyer);                   // moved past the 7 days below: not a result
        decimal afterTotal;
        await using (var db = app.Db())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE sales SET created_at_utc = now() + interval '8 days' WHERE id = {late}");
            afterTotal = await db.Sales.Where(s => s.Id == after).Select(s => s.Total).SingleAsync();
            Assert.True(await db.Sales.AnyAsync(s => s.Id == before));
        }

        var done = await app.AsAsync(Manager, sp => sp.GetRequiredService<GetCampaignProgress>().HandleAsync(id, default));
        Assert.Equal((0, 1, 1, 0), (done!.Queued, done.Sent, done.Blocked, done.Failed));
        Assert.Equal(CampaignStatus.Done, done.Campaign.Status);
        Assert.False(done.Running);
        Assert.Equal((1, 1, afterTotal), (done.Purchases, done.Buyers, done.Revenue));
    }
}
