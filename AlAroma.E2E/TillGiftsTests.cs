using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace AlAroma.E2E;

/// <summary>
/// A customer with two open gifts at the till in Chromium: the cashier finds them by phone, sees the gifts in the
/// customer panel, applies the discount to the receipt, hands the sample over (a write-off of the shop), takes the
/// payment, and the receipt names the gift under the line.
/// </summary>
public sealed class TillGiftsTests(AppServer app) : IClassFixture<AppServer>
{
    private const string Phone = "+79164445566";
    private const string Discount = "Скидка 10 % ко дню рождения";
    private const string Sample = "Пробник в подарок";

    /// <summary>The customer, the two gift types and their open gifts; returns a barcode of a product on hand at S1.</summary>
    private async Task<(string Barcode, string Name)> SeedAsync()
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            WITH p AS (
              SELECT p.id, p.name, b.code FROM products p JOIN barcodes b ON b.product_id = p.id
              JOIN stock_balances s ON s.product_id = p.id AND s.location_id = (SELECT id FROM locations WHERE code = 'S1')
              WHERE p.is_active AND p.retail_price > 0 AND s.quantity >= 3 AND length(b.code) = 13 AND NOT b.is_tester
              ORDER BY p.id LIMIT 1),
            c AS (
              INSERT INTO customers (phone, name, marketing_telegram, marketing_email, marketing_sms, created_at_utc, points_balance, level)
              VALUES (@phone, 'Гостева Анна', false, false, false, now(), 0, 'Standard') RETURNING id),
            td AS (
              INSERT INTO gift_types (name, kind, discount_percent, valid_days, staff_may_give, is_active)
              VALUES (@discount, 'Discount', 10, 30, true, true) RETURNING id),
            tp AS (
              INSERT INTO gift_types (name, kind, product_id, valid_days, staff_may_give, is_active)
              SELECT @sample, 'Product', p.id, 30, true, true FROM p RETURNING id, product_id),
            g AS (
              INSERT INTO customer_gifts (customer_id, gift_type_id, name, kind, discount_percent, product_id, source, issued_by, issued_at_utc, expires_at_utc)
              SELECT c.id, td.id, @discount, 'Discount', 10, NULL, 'Birthday', 'system', now(), now() + interval '30 days' FROM c, td
              UNION ALL
              SELECT c.id, tp.id, @sample, 'Product', NULL, tp.product_id, 'Campaign', 'system', now(), now() + interval '30 days' FROM c, tp
              RETURNING id)
            SELECT p.code, p.name, (SELECT count(*) FROM g) FROM p
            """, conn);
        cmd.Parameters.AddWithValue("phone", Phone);
        cmd.Parameters.AddWithValue("discount", Discount);
        cmd.Parameters.AddWithValue("sample", Sample);
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.Equal(2L, r.GetInt64(2));
        return (r.GetString(0), r.GetString(1));
    }

    [Fact]
    public async Task The_cashier_applies_a_discount_gift_hands_over_a_sample_and_the_receipt_names_the_gift()
    {
        var (barcode, name) = await SeedAsync();
        var page = await app.LoginAsync("cashier@alaroma.local");
        page.Dialog += (_, d) => d.AcceptAsync(); // «Выдать …? Товар спишется с остатка магазина.»
        await page.OpenShiftAsync("1000");
        await page.ScanAsync(barcode);
        await Assertions.Expect(page.Locator("#pos-cart")).ToContainTextAsync(name);
        var before = await page.Locator("#pos-totals").GetAttributeAsync("data-total");

        await page.Locator("#pos-customer-q").FillAsync("8 916 444-55-66");
        await page.Locator("#pos-customer").GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
        var gifts = page.Locator("#pos-customer-gifts");
        await Assertions.Expect(gifts).ToContainTextAsync(Discount);
        await Assertions.Expect(gifts).ToContainTextAsync(Sample);

        await page.GetByRole(AriaRole.Button, new() { Name = "Применить подарок " + Discount }).ClickAsync();
        await Assertions.Expect(gifts.Locator(".badge")).ToHaveTextAsync("в чеке");
        await Assertions.Expect(page.Locator("#pos-cart")).ToContainTextAsync($"Подарок «{Discount}»");
        var after = await page.Locator("#pos-totals").GetAttributeAsync("data-total");
        Assert.Equal(Math.Round(decimal.Parse(before!, System.Globalization.CultureInfo.InvariantCulture) * 0.9m, 2),
            decimal.Parse(after!, System.Globalization.CultureInfo.InvariantCulture));

        await page.GetByRole(AriaRole.Button, new() { Name = "Выдать подарок " + Sample }).ClickAsync();
        await Assertions.Expect(page.Locator("#pos-customer-notice")).ToContainTextAsync("Выдан подарок:");
        await Assertions.Expect(page.Locator("#pos-customer-notice")).ToContainTextAsync("Списание СП-");
        await Assertions.Expect(gifts).Not.ToContainTextAsync(Sample);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "till-gifts.png"), FullPage = true });

        await page.Keyboard.PressAsync("F2");
        await Assertions.Expect(page.Locator("#pos-pay")).ToBeVisibleAsync();
        await page.Locator("#pay-tendered").FillAsync("100000");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/pos/sales/*");
        await Assertions.Expect(page.Locator("#receipt")).ToContainTextAsync($"Подарок «{Discount}»");

        // The next receipt of the same customer: the discount is used, no gift is left to show.
        await page.GetByText("Новый чек").ClickAsync();
        await page.Locator("#pos-customer-q").FillAsync(Phone);
        await page.Locator("#pos-customer").GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pos-customer-name")).ToHaveTextAsync("Гостева Анна");
        await Assertions.Expect(gifts).ToHaveCountAsync(0);
    }
}
