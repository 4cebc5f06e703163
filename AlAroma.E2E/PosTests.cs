using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace AlAroma.E2E;

public sealed class PosTests(AppServer app) : IClassFixture<AppServer>
{
    private async Task<(string Barcode, string Name)> ProductAsync()
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT b.code, p.name FROM products p JOIN barcodes b ON b.product_id = p.id ORDER BY p.id LIMIT 1", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return (r.GetString(0), r.GetString(1));
    }

    [Fact]
    public async Task Cashier_scans_with_the_keyboard_pays_cash_with_F2_and_gets_the_receipt()
    {
        var (barcode, name) = await ProductAsync();
        var page = await app.LoginAsync("cashier@alaroma.local");
        // The scanner field has the focus: a wedge scanner types the code and Enter.
        var scanner = await page.OpenShiftAsync("5000");
        await page.ScanAsync(barcode);
        await page.ScanAsync(barcode);
        await Assertions.Expect(page.Locator(".pos-qty-value")).ToHaveTextAsync("2");
        await page.ScanAsync("4600000000000");
        await Assertions.Expect(page.Locator("#pos-notice")).ToContainTextAsync("не найден");
        await Assertions.Expect(page.Locator("#pos-cart")).ToContainTextAsync(name);
        await Assertions.Expect(scanner).ToBeFocusedAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "pos-till.png"), FullPage = true });

        await page.Keyboard.PressAsync("F2");
        var dialog = page.Locator("#pos-pay");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#pay-tendered")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("1");
        await Assertions.Expect(page.Locator("#pay-error")).ToContainTextAsync("Недостаточно");
        await page.Locator("#pay-tendered").FillAsync("100000");
        await Assertions.Expect(page.Locator("#pay-change")).Not.ToHaveTextAsync("0,00\u00A0₽");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "pos-pay.png") });
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/pos/sales/*");
        await Assertions.Expect(page.Locator("#receipt")).ToContainTextAsync("Товарный чек № S1-000001");
        await Assertions.Expect(page.Locator("#receipt")).ToContainTextAsync("Сдача");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "pos-receipt.png"), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "pos-receipt-print.png"), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GetByText("Новый чек").ClickAsync();
        await Assertions.Expect(page.Locator("#pos-cart")).ToContainTextAsync("Чек пуст");

        // Возврат (F8): find the receipt by its number, give one unit back in cash.
        await page.Keyboard.PressAsync("F8");
        await page.WaitForURLAsync("**/return");
        await page.Locator("#number").FillAsync("S1-000001");
        await page.Keyboard.PressAsync("Enter");
        var qty = page.Locator("#return-form input[type=number]");
        await Assertions.Expect(qty).ToHaveCountAsync(1);
        await qty.FillAsync("1");
        page.Dialog += (_, d) => d.AcceptAsync();
        await page.GetByText("Оформить возврат").ClickAsync();
        await page.WaitForURLAsync("**/pos/sales/*");
        await Assertions.Expect(page.Locator("#receipt-returns")).ToContainTextAsync("S1-V000001");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "pos-return.png"), FullPage = true });
    }
}
