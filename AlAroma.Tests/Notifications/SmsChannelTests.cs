using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Notifications;

/// <summary>The SMS channel (SMS.ru adapter over real HTTP) against a fake SMS.ru on loopback, and the shared per-second limit.</summary>
public sealed class SmsChannelTests(AppFixture app, FakeSmsRu sms) : IClassFixture<AppFixture>, IClassFixture<FakeSmsRu>
{
    private WebApplicationFactory<Program> Host(int perSecond = 20) => app.Factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("Notifications:Sms:ApiKey", "test-api-id");
        b.UseSetting("Notifications:Sms:Url", sms.Url);
        b.UseSetting("Notifications:Outbox:SmsPerSecond", perSecond.ToString());
        b.UseSetting("Notifications:Outbox:FirstRetrySeconds", "0.05");
    });

    private static async Task<List<long>> QueueAsync(WebApplicationFactory<Program> host, params string[] phones)
    {
        using var scope = host.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<NotificationOutbox>();
        var rows = phones.Select((p, i) => outbox.Sms(p, $"Ваш код: {1000 + i}")).ToList();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }

    private Task<OutboxMessage> RowAsync(long id) => OutboxKit.RowAsync(app, id);

    [Fact]
    public async Task A_message_is_posted_in_the_sms_ru_form_and_the_providers_id_is_kept()
    {
        var host = Host();
        var id = (await QueueAsync(host, "+79161112233")).Single();

        await OutboxKit.SendAllAsync(host, app, [id]);

        var call = Assert.Single(sms.CallsTo("+79161112233"));
        Assert.Equal("test-api-id", call.Form["api_id"]);
        Assert.Equal("79161112233", call.Form["to"]);
        Assert.Equal("Ваш код: 1000", call.Form["msg"]);
        Assert.Equal("1", call.Form["json"]);
        var row = await RowAsync(id);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.StartsWith("000000-", row.ProviderMessageId);
        Assert.Equal("sent", Assert.Single(row.AttemptLog).Outcome);
    }

    [Fact]
    public async Task A_number_the_provider_refuses_fails_at_once_with_its_reason()
    {
        var host = Host();
        var id = (await QueueAsync(host, FakeSmsRu.RefusedPhone)).Single();

        await OutboxKit.SendAllAsync(host, app, [id]);

        Assert.Single(sms.CallsTo(FakeSmsRu.RefusedPhone));
        var row = await RowAsync(id);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("207", row.LastError);
        Assert.Contains("нельзя отправлять", row.LastError);
        Assert.Equal("failed", Assert.Single(row.AttemptLog).Outcome);
    }

    [Fact]
    public async Task Too_many_requests_waits_the_retry_after_and_an_unavailable_provider_is_retried_then_both_are_sent_once()
    {
        var host = Host();
        var ids = await QueueAsync(host, FakeSmsRu.ThrottledPhone, FakeSmsRu.UnavailablePhone);

        await OutboxKit.SendAllAsync(host, app, ids);

        var throttled = sms.CallsTo(FakeSmsRu.ThrottledPhone);
        Assert.Equal([429, 200], throttled.Select(c => c.Status));
        Assert.True(throttled[1].AtUtc - throttled[0].AtUtc >= TimeSpan.FromSeconds(1.9), "the second call waited Retry-After: 2");
        Assert.Equal([503, 200], sms.CallsTo(FakeSmsRu.UnavailablePhone).Select(c => c.Status));

        var waited = await RowAsync(ids[0]);
        Assert.Equal(OutboxStatus.Sent, waited.Status);
        Assert.Equal(1, waited.Attempts);   // a 429 is not a failed attempt
        Assert.Equal(["rate-limited", "sent"], waited.AttemptLog.OrderBy(a => a.Number).Select(a => a.Outcome));
        var retried = await RowAsync(ids[1]);
        Assert.Equal(OutboxStatus.Sent, retried.Status);
        Assert.Equal(2, retried.Attempts);
        Assert.Equal(["retry", "sent"], retried.AttemptLog.OrderBy(a => a.Number).Select(a => a.Outcome));
        Assert.Contains("503", retried.AttemptLog.OrderBy(a => a.Number).First().Error);
    }

    [Fact]
    public async Task The_channels_limit_per_second_holds_for_two_dispatchers_together_and_every_message_goes_once()
    {
        await using (var db = app.Db()) await db.NotificationRateCounters.ExecuteDeleteAsync();
        var (first, second) = (Host(perSecond: 3), Host(perSecond: 3));
        var phones = Enumerable.Range(0, 9).Select(i => $"+7926000{i:D4}").ToArray();
        var ids = await QueueAsync(first, phones);

        await Task.WhenAll(Task.Run(() => OutboxKit.SendAllAsync(first, app, ids)), Task.Run(() => OutboxKit.SendAllAsync(second, app, ids)));

        var calls = phones.SelectMany(sms.CallsTo).ToList();
        Assert.Equal(9, calls.Count);
        Assert.All(calls, c => Assert.Equal(200, c.Status));
        await using (var db = app.Db())
        {
            // Three slots per (database) second over both instances: nine messages took three seconds, and no second gave
            // more. Counted by the seconds the slots were granted for, not by when the fake received the requests: on a
            // starved machine a request granted late in its second arrives well into the next one.
            var counters = await db.NotificationRateCounters.Where(c => c.Key == "sms").ToListAsync();
            Assert.All(counters, c => Assert.InRange(c.Count, 0, 3));
            Assert.True(counters.Count(c => c.Count > 0) >= 3, $"the nine were sent in {counters.Count(c => c.Count > 0)} seconds");
            Assert.Equal(9, counters.Sum(c => c.Count));   // a slot is taken only by a message that is then sent
            var rows = await db.Notifications.Where(n => ids.Contains(n.Id)).ToListAsync();
            Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, 1), (r.Status, r.Attempts)));   // held back is not an attempt
        }
    }
}
