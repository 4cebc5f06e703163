using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Loyalty;

/// <summary>
/// The bot's warning 7 days before points expire (issue 12), with a fake clock: only what is left of an accrual after
/// FIFO spends, once per accrual however often the job runs, only to customers in the bot with the Telegram consent.
/// </summary>
public sealed class PointsExpiryWarningTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData(120, "7 декабря сгорят <b>120 баллов</b>")]
    [InlineData(21, "7 декабря сгорит <b>21 балл</b>")]
    [InlineData(3, "7 декабря сгорят <b>3 балла</b>")]
    public void The_message_names_the_day_and_the_points(int points, string expected) =>
        Assert.Contains(expected, WarnPointsExpiry.Text(points, new DateTime(2026, 12, 7, 12, 0, 0)));

    [Fact]
    public async Task The_points_left_of_an_accrual_are_announced_once_a_week_before_they_burn()
    {
        // 30 November 2026, 09:00 UTC (12:00 in Moscow).
        var clock = new SettableClock(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        await using var host = app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var warned = await NewCustomerAsync("Предупреждённая Полина", chat: 910_001, consent: true);
        var noConsent = await NewCustomerAsync("Несогласная Нина", chat: 910_002, consent: false);
        var notInBot = await NewCustomerAsync("Безботова Вера", chat: null, consent: true);
        var spentAll = await NewCustomerAsync("Потратившая Таня", chat: 910_004, consent: true);
        await using (var db = app.Db())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            // Expires 7 Dec 09:00 UTC; 180 of its 300 spent in June: 120 left.
            await PointsLedger.AccrueAsync(db, warned, 300, null, Utc(2025, 12, 7, 9), "test", 12, default);
            // Expires 8 Dec 10:00 UTC: a day past the first run's week.
            await PointsLedger.AccrueAsync(db, warned, 50, null, Utc(2025, 12, 8, 10), "test", 12, default);
            // Expires in January: not this week.
            await PointsLedger.AccrueAsync(db, warned, 500, null, Utc(2026, 1, 20, 9), "test", 12, default);
            await PointsLedger.RedeemAsync(db, warned, 180, null, Utc(2026, 6, 1, 9), "test", default);
            foreach (var other in new[] { noConsent, notInBot })
                await PointsLedger.AccrueAsync(db, other, 200, null, Utc(2025, 12, 5, 9), "test", 12, default);
            await PointsLedger.AccrueAsync(db, spentAll, 200, null, Utc(2025, 12, 5, 9), "test", 12, default);
            await PointsLedger.AccrueAsync(db, spentAll, 100, null, Utc(2026, 3, 1, 9), "test", 12, default);
            await PointsLedger.RedeemAsync(db, spentAll, 200, null, Utc(2026, 4, 1, 9), "test", default); // the whole December lot
            await tx.CommitAsync();
        }

        async Task<int> RunAsync()
        {
            using var scope = host.Services.CreateScope();
            return (await scope.ServiceProvider.GetRequiredService<WarnPointsExpiry>().RunAsync(default)).Rows;
        }

        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync()); // once per accrual
        clock.Now = clock.Now.AddDays(1);
        Assert.Equal(0, await RunAsync()); // the 8 December lot is still more than 7 days away (10:00 > 09:00)
        clock.Now = clock.Now.AddDays(1);
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync());

        await using var check = app.Db();
        var chats = new[] { "910001", "910002", "910004" };
        var sent = await check.Notifications.Where(n => n.EntityType == WarnPointsExpiry.SubjectType && chats.Contains(n.Recipient))
            .OrderBy(n => n.Id).ToListAsync();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, n => Assert.Equal(("910001", Channel.Telegram), (n.Recipient, n.Channel)));
        Assert.Contains("7 декабря сгорят <b>120 баллов</b>", sent[0].Summary); // 12:00 in Moscow, only what is left
        Assert.Contains("8 декабря сгорят <b>50 баллов</b>", sent[1].Summary);
        var accruals = await check.PointsEntries.Where(e => e.CustomerId == warned && e.Kind == PointsEntryKind.Accrual).OrderBy(e => e.Id).Select(e => e.Id.ToString()).ToListAsync();
        Assert.Equal(accruals.Take(2), sent.Select(n => n.EntityId));
    }

    private static DateTime Utc(int y, int m, int d, int h) => new(y, m, d, h, 0, 0, DateTimeKind.Utc);

    private async Task<long> NewCustomerAsync(string name, long? chat, bool consent)
    {
        await using var db = app.Db();
        var c = new Customer { Phone = "+7916" + Random.Shared.Next(1_000_000, 9_999_999), Name = name, TelegramChatId = chat, TelegramUserId = chat, CreatedAtUtc = Utc(2025, 1, 1, 0) };
        c.SetConsent(ConsentChannel.Telegram, consent, ConsentSource.Bot, Utc(2025, 1, 1, 0));
        db.Customers.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }
}
