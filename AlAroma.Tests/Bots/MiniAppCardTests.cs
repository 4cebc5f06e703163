using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Bots;

/// <summary>
/// The Mini App card over HTTP (issue 12): a request with an initData the test signed for a customer's Telegram user
/// gets the card with their points and when they burn, and a fresh till code that the till would accept; a tampered,
/// stale or missing initData gets 401, without any cookie or antiforgery token.
/// </summary>
public sealed class MiniAppCardTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Token = "7100000001:AAMiniAppTestToken";

    private HttpClient Client() => app.Factory.WithWebHostBuilder(b => b.UseSetting("Notifications:Telegram:Token", Token))
        .CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static FormUrlEncodedContent Form(string initData) => new([new("initData", initData)]);

    [Fact]
    public async Task A_customer_with_a_signed_init_data_sees_their_points_and_gets_a_code_the_till_accepts()
    {
        var (customerId, userId) = await NewCustomerWithPointsAsync(340);
        using var client = Client();

        var page = await client.GetAsync("/miniapp");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/js/miniapp.js", await page.Content.ReadAsStringAsync());

        var resp = await client.PostAsync("/miniapp/card", Form(TestInitData.For(userId, DateTimeOffset.UtcNow.AddMinutes(-2), Token)));
        var html = await resp.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Contains("<span id=\"miniapp-points\">340</span> баллов", html);
        Assert.Contains("Ева Минеапова", html);
        Assert.Contains("data:image/png;base64,", html);
        Assert.Contains($"340 баллов</span><span class=\"ma-muted\">до {DateTime.UtcNow.AddMonths(12).AddHours(3):dd.MM.yyyy}", html); // Moscow date

        var code = await client.PostAsync("/miniapp/code", Form(TestInitData.For(userId, DateTimeOffset.UtcNow, Token)));
        Assert.Equal(HttpStatusCode.OK, code.StatusCode);
        var digits = new string(System.Text.RegularExpressions.Regex.Match(await code.Content.ReadAsStringAsync(), @"ma-code-digits"">(\d{3}) (\d{3})<").Groups.Values.Skip(1).SelectMany(g => g.Value).ToArray());
        Assert.Equal(6, digits.Length);
        await using var db = app.Db();
        Assert.Equal(customerId, await CustomerCodes.RedeemAsync(db, digits, DateTime.UtcNow, default));
    }

    [Fact]
    public async Task A_forged_stale_or_missing_init_data_gets_401()
    {
        var (_, userId) = await NewCustomerWithPointsAsync(10);
        using var client = Client();
        var valid = TestInitData.For(userId, DateTimeOffset.UtcNow, Token);
        var otherUser = valid.Replace($"%22id%22%3A{userId}", $"%22id%22%3A{userId + 1}");
        Assert.NotEqual(valid, otherUser);
        string[] refused =
        [
            otherUser,                                                               // tampered user id
            TestInitData.For(userId, DateTimeOffset.UtcNow, "7100000002:AAOtherBot"), // signed for another bot
            TestInitData.For(userId, DateTimeOffset.UtcNow.AddHours(-2), Token),     // older than the hour allowed
            valid[..valid.IndexOf("&hash=", StringComparison.Ordinal)],              // no hash
            "",
        ];
        foreach (var data in refused)
            foreach (var url in new[] { "/miniapp/card", "/miniapp/code" })
            {
                var resp = await client.PostAsync(url, Form(data));
                Assert.True(resp.StatusCode == HttpStatusCode.Unauthorized, $"{url} with «{data}»: {resp.StatusCode}");
                Assert.DoesNotContain("miniapp-points", await resp.Content.ReadAsStringAsync());
            }
        // The header works as the form field does.
        using var req = new HttpRequestMessage(HttpMethod.Post, "/miniapp/card") { Content = new FormUrlEncodedContent([]) };
        req.Headers.Add("X-Telegram-Init-Data", valid);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(req)).StatusCode);
    }

    [Fact]
    public async Task A_telegram_user_without_a_card_is_told_to_share_the_phone_in_the_bot()
    {
        using var client = Client();
        var resp = await client.PostAsync("/miniapp/card", Form(TestInitData.For(987_654_321_000, DateTimeOffset.UtcNow, Token)));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Contains("поделитесь номером телефона", await resp.Content.ReadAsStringAsync());
    }

    private async Task<(long CustomerId, long TelegramUserId)> NewCustomerWithPointsAsync(int points)
    {
        await using var db = app.Db();
        var userId = Random.Shared.NextInt64(1_000_000, 9_000_000_000);
        var c = new Customer { Phone = "+7916" + Random.Shared.Next(1_000_000, 9_999_999), Name = "Ева Минеапова", TelegramUserId = userId, TelegramChatId = userId, CreatedAtUtc = DateTime.UtcNow };
        db.Customers.Add(c);
        await db.SaveChangesAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        await PointsLedger.AccrueAsync(db, c.Id, points, null, DateTime.UtcNow, "test", 12, default);
        await tx.CommitAsync();
        return (c.Id, userId);
    }

    [Fact]
    public async Task An_open_gift_shows_on_the_card_with_its_last_day_and_a_handed_over_one_does_not()
    {
        var (customerId, userId) = await NewCustomerWithPointsAsync(10);
        int typeId;
        await using (var db = app.Db())
        {
            var product = await db.Products.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var type = new AlAroma.Web.Features.Loyalty.Gifts.GiftType { Name = "Миниатюра в подарок " + customerId, Kind = AlAroma.Web.Features.Loyalty.Gifts.GiftKind.Product, ProductId = product, ValidDays = 10 };
            db.GiftTypes.Add(type);
            await db.SaveChangesAsync();
            typeId = type.Id;
        }
        var gift = await app.AsAsync("manager@alaroma.local", sp => sp.GetRequiredService<AlAroma.Web.Features.Loyalty.Gifts.IssueGift>()
            .HandleAsync(customerId, typeId, AlAroma.Web.Features.Loyalty.Gifts.GiftSource.Campaign, "system", default));
        using var client = Client();

        var html = await (await client.PostAsync("/miniapp/card", Form(TestInitData.For(userId, DateTimeOffset.UtcNow, Token)))).Content.ReadAsStringAsync();
        Assert.Contains($"Миниатюра в подарок {customerId} · ", html);
        Assert.Contains($"до {gift.ExpiresAtUtc.AddHours(3).AddTicks(-1):dd.MM.yyyy}", html); // Moscow date

        await using (var db = app.Db())
            await db.CustomerGifts.Where(g => g.Id == gift.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.RedeemedAtUtc, DateTime.UtcNow));
        var after = await (await client.PostAsync("/miniapp/card", Form(TestInitData.For(userId, DateTimeOffset.UtcNow, Token)))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("miniapp-gifts", after);
    }
}
