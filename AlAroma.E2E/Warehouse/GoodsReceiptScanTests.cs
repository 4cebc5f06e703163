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
        var barcode = await BarcodeAsync(0);
        var page = await NewGoodsReceiptAsync("ПИ-2002");

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

    [Fact]
    public async Task A_line_at_zero_price_is_warned_and_posting_asks_first()
    {
        var barcode = await BarcodeAsync(5);
        var page = await NewGoodsReceiptAsync("ПИ-2003");
        await page.Locator("#barcode").FillAsync(barcode);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#doc-lines tbody tr")).ToHaveCountAsync(1);

        var price = page.GetByLabel("Закупочная цена");
        await price.FillAsync("0");
        await price.DispatchEventAsync("change");
        await Assertions.Expect(page.Locator("#doc-lines .free-line-warning")).ToHaveTextAsync("Цена 0,00 ₽: себестоимость станет нулевой");
        foreach (var (w, h, name) in new[] { (1366, 768, "1366"), (1024, 768, "1024"), (768, 1024, "768") })
        {
            await page.SetViewportSizeAsync(w, h);
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, $"warehouse-receipt-free-line-{name}.png"), FullPage = true });
        }

        // The first question is answered "no": nothing is posted.
        string? asked = null;
        void Dismiss(object? _, IDialog d) { asked = d.Message; d.DismissAsync(); }
        page.Dialog += Dismiss;
        await page.GetByRole(AriaRole.Button, new() { Name = "Провести" }).ClickAsync();
        await Assertions.Expect(page.Locator("#doc-status")).ToHaveTextAsync("Черновик");
        Assert.Contains("0,00 ₽", asked);
        Assert.Contains("Провести приход с нулевой ценой?", asked);
        page.Dialog -= Dismiss;

        page.Dialog += (_, d) => d.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Провести" }).ClickAsync();
        await Assertions.Expect(page.Locator("#doc-status")).ToHaveTextAsync("Проведён");
    }

    /// <summary>The barcode of the demo product at <paramref name="offset"/> (by id, testers left out).</summary>
    private async Task<string> BarcodeAsync(int offset)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SELECT code FROM barcodes WHERE NOT is_tester ORDER BY id OFFSET {offset} LIMIT 1", conn);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>A storekeeper's new draft receipt from a typed supplier, its page open.</summary>
    private async Task<IPage> NewGoodsReceiptAsync(string invoice)
    {
        var page = await app.LoginAsync("storekeeper@alaroma.local");
        await page.GotoAsync("/warehouse/receipts/new");
        await page.GetByLabel("Поставщик", new() { Exact = true }).FillAsync("ООО «Парфюм-Импорт»");
        await page.GetByLabel("Накладная поставщика №").FillAsync(invoice);
        await page.GetByRole(AriaRole.Button, new() { Name = "Создать и добавить товары" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Приход товара ПР-");
        return page;
    }
}
