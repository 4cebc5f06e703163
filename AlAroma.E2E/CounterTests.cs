using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace AlAroma.E2E;

/// <summary>
/// The till's main screen (issue 10 items 1 and 3): it fits 1024×768 monitors and 768×1024 tablets, each role sees
/// only the controls it may use, and "Отложить чек" (F9) parks a receipt while the next customer is served.
/// </summary>
public sealed class CounterTests(AppServer app) : IClassFixture<AppServer>
{
    private static readonly (int Width, int Height)[] Sizes = [(1366, 768), (1024, 768), (768, 1024)];

    // Seven engineers share two cores: the first scan of a fresh app can take longer than the default 5 s.
    static CounterTests() => Assertions.SetDefaultExpectTimeout(30_000);

    private async Task<List<(string Barcode, string Name)>> ProductsAsync(int count)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT DISTINCT ON (p.id) b.code, p.name FROM products p JOIN barcodes b ON b.product_id = p.id
            WHERE NOT b.is_tester AND p.is_active AND p.retail_price > 0 ORDER BY p.id, b.id LIMIT @n
            """, conn);
        cmd.Parameters.AddWithValue("n", count);
        await using var r = await cmd.ExecuteReaderAsync();
        var list = new List<(string, string)>();
        while (await r.ReadAsync()) list.Add((r.GetString(0), r.GetString(1)));
        return list;
    }

    /// <summary>No horizontal scrolling; the amount due and the pay buttons inside the viewport; touch targets ≥ 44 px.</summary>
    private static async Task AssertFitsAsync(IPage page, (int Width, int Height) size, string name)
    {
        await page.SetViewportSizeAsync(size.Width, size.Height);
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        var scroll = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(scroll[0] <= scroll[1], $"{size}: the page is {scroll[0]} px wide in a {scroll[1]} px window");
        foreach (var selector in new[] { "#pos-due", "[data-pay=Cash]", "[data-pay=Card]", "[data-pay=Mixed]", "#pos-park", "#pos-return" })
        {
            var box = await page.Locator(selector).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= size.Width && box.Y + box.Height <= size.Height,
                $"{size}: {selector} at ({box.X}, {box.Y}, {box.Width}×{box.Height}) is not fully in view");
        }
        var small = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('#pos button, #pos a.btn, #pos input, #pos select')]
              .filter(e => e.offsetParent !== null && e.type !== 'hidden' && !e.closest('dialog'))
              .filter(e => { const r = e.getBoundingClientRect(); return r.height < 44 || r.width < 44; })
              .map(e => (e.id || e.textContent.trim() || e.getAttribute('aria-label') || e.name) + ' ' + Math.round(e.getBoundingClientRect().width) + '×' + Math.round(e.getBoundingClientRect().height))
            """);
        Assert.True(small.Length == 0, $"{size}: touch targets under 44 px: {string.Join(", ", small)}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, $"{name}-{size.Width}x{size.Height}.png") });
    }

    [Fact]
    public async Task Cashier_parks_a_receipt_serves_the_next_customer_recalls_and_pays_and_sees_no_discount_control()
    {
        var products = await ProductsAsync(2);
        var (first, second) = (products[0], products[1]);
        var page = await app.LoginAsync("cashier@alaroma.local");
        await page.SetViewportSizeAsync(1024, 768);
        await page.OpenShiftAsync("5000");
        await page.ScanAsync(first.Barcode);
        await page.ScanAsync(first.Barcode);
        await Assertions.Expect(page.Locator(".pos-qty-value")).ToHaveTextAsync("2");

        // A cashier may give no manual discount: neither the button nor F6 offers one.
        await Assertions.Expect(page.Locator("#pos-discount-open")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".pos-pay-buttons")).Not.ToContainTextAsync("Скидка");
        await page.Keyboard.PressAsync("F6");
        await Assertions.Expect(page.Locator("dialog[open]")).ToHaveCountAsync(0);
        foreach (var size in Sizes) await AssertFitsAsync(page, size, "pos-cashier");
        await page.SetViewportSizeAsync(1024, 768);

        // F9: the receipt goes aside, the till is free for the next customer.
        await page.Keyboard.PressAsync("F9");
        await Assertions.Expect(page.Locator("#pos-cart")).ToContainTextAsync("Чек пуст");
        await Assertions.Expect(page.Locator("#pos-parked")).ToContainTextAsync(first.Name);
        await Assertions.Expect(page.Locator("#pos-parked")).ToContainTextAsync("до закрытия смены");
        await Assertions.Expect(page.Locator("#pos-scanner")).ToBeFocusedAsync();

        await page.ScanAsync(second.Barcode);
        await Assertions.Expect(page.Locator("#pos-cart")).ToContainTextAsync(second.Name);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "pos-parked-1024x768.png") });
        await page.Keyboard.PressAsync("F3");
        await Assertions.Expect(page.Locator("#pos-pay")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/pos/sales/*");
        await Assertions.Expect(page.Locator("#receipt")).ToContainTextAsync("Товарный чек № S1-000001");
        await Assertions.Expect(page.Locator("#receipt")).ToContainTextAsync(second.Name);
        await page.GetByText("Новый чек").ClickAsync();

        // The parked receipt is recalled and paid.
        await page.Locator("#pos-parked").GetByRole(AriaRole.Button, new() { Name = "Вернуть" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pos-cart")).ToContainTextAsync(first.Name);
        await Assertions.Expect(page.Locator(".pos-qty-value")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#pos-parked")).Not.ToContainTextAsync(first.Name);
        await page.Keyboard.PressAsync("F2");
        await page.Locator("#pay-tendered").FillAsync("100000");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/pos/sales/*");
        await Assertions.Expect(page.Locator("#receipt")).ToContainTextAsync("Товарный чек № S1-000002");
        await Assertions.Expect(page.Locator("#receipt")).ToContainTextAsync(first.Name);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "pos-receipt-tovarny.png"), FullPage = true });
    }

    [Fact]
    public async Task Seller_gives_a_discount_in_the_F6_dialog_within_the_limit()
    {
        var product = (await ProductsAsync(3))[2];
        var page = await app.LoginAsync("seller@alaroma.local");
        await page.OpenShiftAsync("1000", "Касса 2");
        await page.ScanAsync(product.Barcode);
        await Assertions.Expect(page.Locator("#pos-cart")).ToContainTextAsync(product.Name);

        await page.Keyboard.PressAsync("F6");
        var dialog = page.Locator("#pos-discount-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#pos-discount-value")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("50");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#pos-discount-error")).ToContainTextAsync("больше разрешённой");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "pos-discount-dialog.png") });
        await page.Locator("#pos-discount-value").FillAsync("5");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).Not.ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#pos-totals")).ToContainTextAsync("Ручная скидка: 5 %");
        await Assertions.Expect(page.Locator("#pos-scanner")).ToBeFocusedAsync();
        foreach (var size in Sizes) await AssertFitsAsync(page, size, "pos-seller");
    }
}
