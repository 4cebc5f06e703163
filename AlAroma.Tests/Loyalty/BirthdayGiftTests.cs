using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Loyalty.Birthdays;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Loyalty;

/// <summary>The birthday gift: once a year, from 09:00 in the time zone of the customer's shop (issue 12), with a fake clock.</summary>
public sealed class BirthdayGiftTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData(2026, 3, 14, 2026, 3, 14, true)]
    [InlineData(2026, 3, 14, 2026, 3, 15, false)]
    [InlineData(2000, 2, 29, 2027, 2, 28, true)]   // no 29 February in 2027: kept on the 28th
    [InlineData(2000, 2, 29, 2028, 2, 28, false)]  // 2028 has one
    [InlineData(2000, 2, 29, 2028, 2, 29, true)]
    public void A_birthday_is_its_month_and_day_and_29_february_is_kept_on_the_28th_without_a_leap_day(int by, int bm, int bd, int y, int m, int d, bool expected) =>
        Assert.Equal(expected, BirthdayCalendar.IsBirthday(new DateOnly(by, bm, bd), new DateOnly(y, m, d)));

    [Fact]
    public async Task The_gift_comes_at_nine_in_the_shop_s_zone_once_a_year_with_a_telegram_greeting_and_burns_after_its_days()
    {
        // 12 March 2027: 05:30 UTC is 08:30 in Moscow and 12:30 in Novosibirsk.
        var clock = new SettableClock(new DateTimeOffset(2027, 3, 12, 5, 30, 0, TimeSpan.Zero));
        await using var host = app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        long moscow, novosibirsk;
        await using (var db = app.Db())
        {
            var s1 = await db.Locations.SingleAsync(l => l.Code == "S1");
            var s2 = await db.Locations.SingleAsync(l => l.Code == "S2");
            s2.TimeZoneId = "Asia/Novosibirsk";
            Customer New(string name, int? home, long? chat) => new()
            {
                Phone = "+7916" + Random.Shared.Next(1_000_000, 9_999_999), Name = name, Birthday = new DateOnly(1990, 3, 12),
                HomeLocationId = home, TelegramChatId = chat, CreatedAtUtc = DateTime.UtcNow,
            };
            var (a, b) = (New("Москвина Мария", s1.Id, null), New("Сибирцева Светлана", s2.Id, 777_001));
            db.Customers.AddRange(a, b);
            await db.SaveChangesAsync();
            (moscow, novosibirsk) = (a.Id, b.Id);
        }

        async Task<int> RunAsync()
        {
            using var scope = host.Services.CreateScope();
            return (await scope.ServiceProvider.GetRequiredService<GiveBirthdayGifts>().RunAsync(default)).Rows;
        }

        Assert.Equal(1, await RunAsync()); // Novosibirsk is past 09:00, Moscow is not
        clock.Now = clock.Now.AddHours(1); // 09:30 in Moscow
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync()); // once a year, however often the job runs
        clock.Now = clock.Now.AddDays(1);
        Assert.Equal(0, await RunAsync());

        await using var check = app.Db();
        foreach (var id in new[] { moscow, novosibirsk })
        {
            var gift = await check.PointsEntries.SingleAsync(e => e.CustomerId == id && e.Kind == PointsEntryKind.Gift);
            Assert.Equal(500, gift.Points);
            Assert.Equal(gift.AtUtc.AddDays(30), gift.ExpiresAtUtc);
            Assert.Equal(500, (await check.Customers.SingleAsync(c => c.Id == id)).PointsBalance);
        }
        var greeting = await check.Notifications.SingleAsync(n => n.EntityType == nameof(Customer) && n.EntityId == novosibirsk.ToString());
        Assert.Equal(("777001", Channel.Telegram), (greeting.Recipient, greeting.Channel));
        Assert.Contains("С днём рождения, Сибирцева Светлана", greeting.Data);
        Assert.False(await check.Notifications.AnyAsync(n => n.EntityType == nameof(Customer) && n.EntityId == moscow.ToString())); // not in the bot

        // The next year's birthday gives again.
        clock.Now = new DateTimeOffset(2028, 3, 12, 7, 0, 0, TimeSpan.Zero);
        Assert.Equal(2, await RunAsync());
    }
}
