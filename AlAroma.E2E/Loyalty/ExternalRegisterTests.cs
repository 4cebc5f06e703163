using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace AlAroma.E2E.Loyalty;

/// <summary>
/// An administrator connects a partner's till in Chromium («Внешние кассы»: key and secret shown once), the partner's
/// program sends a signed sale with the credentials from the page, the customer's card shows the receipt and its points,
/// and a register switched off is refused.
/// </summary>
public sealed class ExternalRegisterTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task An_admin_connects_a_partner_till_whose_signed_sale_lands_on_the_customer_card()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        long customerId;
        await using (var conn = new NpgsqlConnection(app.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO customers (phone, name, level, points_balance, created_at_utc, marketing_telegram, marketing_email, marketing_sms, tags)
                VALUES ('+79035550201', 'Партнёрова Полина', 'Standard', 0, now(), false, false, false, '{}') RETURNING id
                """, conn);
            customerId = (long)(await cmd.ExecuteScalarAsync())!;
        }

        var page = await app.LoginAsync("admin@alaroma.local");
        await page.Locator(".app-sidebar").GetByRole(AriaRole.Link, new() { Name = "Внешние кассы" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Внешние кассы");
        await page.GetByLabel("Новая касса").FillAsync("Франчайзи Казань, касса 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Создать и выдать ключ" }).ClickAsync();
        await Assertions.Expect(page.Locator("#issued-credentials")).ToContainTextAsync("показан один раз");
        var key = await page.Locator("#issued-key").InnerTextAsync();
        var secret = await page.Locator("#issued-secret").InnerTextAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "external-registers-issued.png"), FullPage = true });

        // The partner's program, written from the API's description.
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        async Task<HttpResponseMessage> PostAsync(string path, string json)
        {
            var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Api-Key", key);
            request.Headers.Add("X-Timestamp", ts);
            request.Headers.Add("X-Signature", Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(ts + "." + json))));
            return await http.SendAsync(request);
        }
        var sale = await PostAsync("/api/v1/events/sale", $$"""{"eventId":"kzn-1-000123","customerId":{{customerId}},"receiptNumber":"КЗН-000123","total":3000}""");
        Assert.Equal(HttpStatusCode.OK, sale.StatusCode);
        Assert.Contains("\"pointsAccrued\":30", await sale.Content.ReadAsStringAsync());

        await page.GotoAsync("/admin/external-registers");
        var row = page.Locator("#external-registers tr", new() { HasText = "Франчайзи Казань, касса 1" });
        await Assertions.Expect(row.Locator("td.num")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync(secret); // shown once only

        await page.GotoAsync($"/customers/{customerId}");
        await Assertions.Expect(page.Locator("#points-balance")).ToHaveTextAsync("30");
        var purchase = page.Locator("#customer-purchases tr", new() { HasText = "КЗН-000123" });
        await Assertions.Expect(purchase).ToContainTextAsync("внешняя касса");
        await Assertions.Expect(purchase).ToContainTextAsync("Франчайзи Казань, касса 1");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "external-sale-on-card.png"), FullPage = true });

        await page.GotoAsync("/admin/external-registers");
        await row.GetByRole(AriaRole.Button, new() { Name = "Отключить" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("отключена");
        var refused = await PostAsync("/api/v1/customers/lookup", """{"phone":"+79035550201"}""");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
