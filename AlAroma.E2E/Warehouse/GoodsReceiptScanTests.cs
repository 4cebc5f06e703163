using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace AlAroma.E2E.Warehouse;

/// <summary>A storekeeper receives goods with the scanner in real Chromium: Enter adds a unit, focus stays, nothing is lost.</summary>
public sealed class GoodsReceiptScanTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Scan_twice_an_unknown_code_then_post()
    {
        string barcode;
        await using (var conn = new NpgsqlConnection(app.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT code FROM barcodes WHERE NOT is_tester ORDER BY id LIMIT 1", conn);
            barcode = (string)(await cmd.ExecuteScalarAsync())!;
        }

        var page = await app.LoginAsync("storekeeper@alaroma.local");
        await page.GotoAsync("/warehouse/receipts/new");
        await page.GetByLabel("Поставщик", new() { Exact = true }).FillAsync("ООО «Парфюм-Импорт»");
        await page.GetByLabel("Накладная поставщика №").FillAsync("ПИ-2002");
        await page.GetByRole(AriaRole.Button, new() { Name = "Создать и добавить товары" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Приход товара ПР-");

        var scanner = page.Locator("#barcode");
        await Assertions.Expect(scanner).ToBeFocusedAsync();
        // Two scans back to back, the second while the first is still on its way: both count.
        await page.Keyboard.TypeAsync(barcode);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(scanner).ToHaveValueAsync("");
        await page.Keyboard.TypeAsync(barcode);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#doc-lines tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#total-qty")).ToHaveTextAsync("2");
        await Assertions.Expect(scanner).ToBeFocusedAsync();

        await page.Keyboard.TypeAsync("4600000000017");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".toast").Last).ToContainTextAsync("Штрихкод 4600000000017 не найден");
        await Assertions.Expect(page.Locator("#total-qty")).ToHaveTextAsync("2");
        await Assertions.Expect(scanner).ToBeFocusedAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "warehouse-receipt-draft.png"), FullPage = true });

        page.Dialog += (_, d) => d.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Провести" }).ClickAsync();
        await Assertions.Expect(page.Locator("#doc-status")).ToHaveTextAsync("Проведён");
        await Assertions.Expect(page.Locator("#barcode")).ToHaveCountAsync(0);

        await page.GotoAsync("/warehouse/stock");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "warehouse-stock.png") });
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Остатки");
    }
}
