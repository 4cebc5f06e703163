using AlAroma.E2E.Infrastructure;
using AlAroma.Tests.Bots;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty;
using Microsoft.Playwright;

namespace AlAroma.E2E.Bots;

/// <summary>The app with a Telegram bot token (the Mini App validates initData with it) and no real Bot API to talk to.</summary>
public sealed class MiniAppServer : AppServer
{
    public const string Token = "7200000001:AAMiniAppE2EToken";

    protected override Task ConfigureAsync(IDictionary<string, string?> environment)
    {
        environment["Notifications__Telegram__Token"] = Token;
        environment["Notifications__Telegram__BaseUrl"] = "http://127.0.0.1:9"; // nothing leaves the machine
        return Task.CompletedTask;
    }
}

/// <summary>
/// The Mini App card in Chromium at a phone's 360×740, as Telegram opens it: the test injects
/// <c>window.Telegram.WebApp.initData</c> signed with the test bot token (what the Telegram client provides), the
/// page shows the card without a sign-in, gives a till code, fits the width, and breaks no CSP rule; a stale initData
/// shows the refusal. Screenshots in .data/e2e/.
/// </summary>
public sealed class MiniAppTests(MiniAppServer app) : IClassFixture<MiniAppServer>
{
    private async Task<IPage> PhoneAsync(string initData, List<string> problems)
    {
        var ctx = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, Locale = "ru-RU", TimezoneId = "Europe/Moscow",
            ViewportSize = new ViewportSize { Width = 360, Height = 740 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
        });
        ctx.SetDefaultTimeout(30_000);
        await ctx.AddInitScriptAsync($"window.Telegram = {{ WebApp: {{ initData: {System.Text.Json.JsonSerializer.Serialize(initData)} }} }};");
        var page = await ctx.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add(m.Text); };
        page.PageError += (_, e) => problems.Add(e);
        return page;
    }

    [Fact]
    public async Task The_card_opens_at_phone_width_with_points_expiry_and_a_till_code()
    {
        var userId = Random.Shared.NextInt64(1_000_000, 9_000_000_000);
        await using (var db = TestPostgres.NewContext(app.ConnectionString))
        {
            var c = new Customer { Phone = "+7916" + Random.Shared.Next(1_000_000, 9_999_999), Name = "Мария Телеграмова", TelegramUserId = userId, TelegramChatId = userId, CreatedAtUtc = DateTime.UtcNow };
            db.Customers.Add(c);
            await db.SaveChangesAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            await PointsLedger.AccrueAsync(db, c.Id, 340, null, DateTime.UtcNow.AddMonths(-11), "test", 12, default);
            await PointsLedger.GiftAsync(db, c.Id, 500, DateTime.UtcNow, "test", "день рождения", DateTime.UtcNow.AddDays(60), default);
            await tx.CommitAsync();
        }
        var problems = new List<string>();
        var page = await PhoneAsync(TestInitData.For(userId, DateTimeOffset.UtcNow, MiniAppServer.Token, "Мария"), problems);
        await page.GotoAsync("/miniapp");

        await Assertions.Expect(page.Locator("#miniapp-points")).ToHaveTextAsync("840");
        await Assertions.Expect(page.Locator("#miniapp-summary")).ToContainTextAsync("Мария Телеграмова");
        var expiry = page.Locator("#miniapp-expiry li");
        await Assertions.Expect(expiry).ToHaveCountAsync(2);
        await Assertions.Expect(expiry.First).ToContainTextAsync("340 баллов"); // the older accrual burns first, in a month
        await Assertions.Expect(expiry.Nth(1)).ToContainTextAsync("500 баллов (подарок)");
        await Assertions.Expect(page.Locator("#miniapp-qr img")).ToBeVisibleAsync();
        Assert.True(await page.Locator("#miniapp-qr img").EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), "the QR image did not load");

        await page.GetByRole(AriaRole.Button, new() { Name = "Код для кассы" }).ClickAsync();
        await Assertions.Expect(page.Locator("#miniapp-code-value .ma-code-digits")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{3} \d{3}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Новый код" })).ToBeVisibleAsync();

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"the card is {scrollWidth}px wide at a 360px viewport");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "miniapp-card-360x740.png"), FullPage = true });
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_stale_init_data_shows_how_to_reopen_the_card()
    {
        var problems = new List<string>();
        var page = await PhoneAsync(TestInitData.For(42, DateTimeOffset.UtcNow.AddDays(-2), MiniAppServer.Token), problems);
        await page.GotoAsync("/miniapp");
        await Assertions.Expect(page.Locator("#miniapp-refused")).ToContainTextAsync("Откройте её заново из бота");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "miniapp-refused-360x740.png") });
        // Chromium logs the 401 of the card request itself; nothing else may go wrong.
        Assert.True(problems.All(p => p.Contains("401")), string.Join("\n", problems));
        await page.Context.CloseAsync();
    }
}
