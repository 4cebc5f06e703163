using AlAroma.E2E.Infrastructure;
using ClosedXML.Excel;
using Microsoft.Playwright;
using Npgsql;

namespace AlAroma.E2E.Lists;

/// <summary>
/// The back-office list pattern in Chromium (SCREENS.md "Back-office lists"): a filtered list sorted by a column
/// header, and "Экспорт в Excel" downloads exactly the filtered list in that order.
/// </summary>
public sealed class ListPatternTests(AppServer app) : IClassFixture<AppServer>
{
    /// <summary>Three products "Сортест …" at 300, 100 and 200 ₽, and one "Чужой сортировочный" the search must leave out.</summary>
    private async Task ArrangeAsync()
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO products (sku, name, brand, category, retail_price, average_cost, is_active, created_at_utc, updated_at_utc) VALUES
            ('SRT-1', 'Сортест Альфа', 'Сортест', 'Парфюмерия', 300, 100, true, now(), now()),
            ('SRT-2', 'Сортест Бета', 'Сортест', 'Парфюмерия', 100, 50, true, now(), now()),
            ('SRT-3', 'Сортест Гамма', 'Сортест', 'Парфюмерия', 200, 80, true, now(), now()),
            ('SRT-4', 'Другой товар', 'Прочее', 'Парфюмерия', 999, 80, true, now(), now())
            ON CONFLICT DO NOTHING;
            """, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Catalog_sorted_by_price_exports_the_filtered_list_in_that_order()
    {
        await ArrangeAsync();
        var page = await app.LoginAsync("manager@alaroma.local");
        await page.GotoAsync("/catalog");
        await page.GetByLabel("Поиск", new() { Exact = true }).FillAsync("сортест");
        var rows = page.Locator("#products tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);

        var price = page.Locator("#products thead th").Filter(new() { HasText = "Цена" });
        await price.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("#products thead th[aria-sort='ascending']")).ToHaveTextAsync("Цена");
        await Assertions.Expect(rows.First).ToContainTextAsync("Сортест Бета");
        await page.Locator("#products thead th").Filter(new() { HasText = "Цена" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("#products thead th[aria-sort='descending']")).ToHaveTextAsync("Цена");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.First).ToContainTextAsync("Сортест Альфа");
        await Assertions.Expect(rows.Last).ToContainTextAsync("Сортест Бета");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "lists-catalog-sorted.png"), FullPage = true });

        var (file, skus) = await ExportAsync(page, "sorted");
        Assert.StartsWith("katalog-", file);
        Assert.Equal(["SRT-1", "SRT-3", "SRT-2"], skus);
    }

    /// <summary>Clicks "Экспорт в Excel", opens the download with ClosedXML: its name and the first column under the <paramref name="firstHeader"/> header (totals row left out).</summary>
    private static async Task<(string FileName, List<string> Skus)> ExportAsync(IPage page, string tag, string firstHeader = "Артикул")
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Экспорт в Excel" }).ClickAsync());
        var path = Path.Combine(AppServer.ArtifactsDir, tag + "-" + download.SuggestedFilename);
        await download.SaveAsAsync(path);
        using var wb = new XLWorkbook(path);
        var ws = wb.Worksheet(1);
        var header = ws.RowsUsed().First(r => r.Cell(1).GetString() == firstHeader);
        return (download.SuggestedFilename, ws.RowsUsed().Where(r => r.RowNumber() > header.RowNumber()).Select(r => r.Cell(1).GetString())
            .Where(v => v != "Итого").ToList());
    }

    [Fact]
    public async Task A_changed_filter_is_what_the_export_holds()
    {
        await ArrangeAsync();
        var page = await app.LoginAsync("manager@alaroma.local");
        await page.GotoAsync("/catalog?sort=-price");
        // The filter changes in place (htmx) after the page, and its export link, were drawn.
        await page.GetByLabel("Поиск", new() { Exact = true }).FillAsync("сортест гамма");
        await Assertions.Expect(page.Locator("#products tbody tr")).ToHaveCountAsync(1);
        Assert.Equal(["SRT-3"], (await ExportAsync(page, "filtered")).Skus);
    }

    /// <summary>
    /// «Приход товара»: three receipts of suppliers "Сортприход …" (and one of another supplier the search leaves out),
    /// sorted by the "Поставщик" header in both directions; the export holds the found receipts in that order.
    /// </summary>
    [Fact]
    public async Task Goods_receipts_sorted_by_supplier_export_the_filtered_list_in_that_order()
    {
        await using (var conn = new NpgsqlConnection(app.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO goods_receipts (number, location_id, supplier_name, supplier_invoice_number, status, created_at_utc, created_by)
                SELECT v.number, l.id, v.supplier, 'Н-1', 'Draft', now() - v.age * interval '1 minute', 'admin@alaroma.local'
                FROM (VALUES ('СП-2', 'Сортприход Бета', 1), ('СП-1', 'Сортприход Альфа', 2), ('СП-3', 'Сортприход Гамма', 3), ('СП-4', 'Другой поставщик', 4))
                    AS v(number, supplier, age), locations l
                WHERE l.code = 'WH'
                ON CONFLICT DO NOTHING;
                """, conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var page = await app.LoginAsync("manager@alaroma.local");
        await page.GotoAsync("/warehouse/receipts");
        await page.Locator("form.filters").GetByLabel("Поиск", new() { Exact = true }).FillAsync("сортприход");
        await page.Locator("form.filters").GetByRole(AriaRole.Button, new() { Name = "Показать", Exact = true }).ClickAsync();
        var rows = page.Locator("#goods-receipts tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        // Newest first until a header is clicked.
        await Assertions.Expect(rows.First).ToContainTextAsync("СП-2");

        var supplier = page.Locator("#goods-receipts thead th").Filter(new() { HasText = "Поставщик" });
        await supplier.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("#goods-receipts thead th[aria-sort='ascending']")).ToHaveTextAsync("Поставщик");
        await Assertions.Expect(rows.First).ToContainTextAsync("Сортприход Альфа");
        await page.Locator("#goods-receipts thead th").Filter(new() { HasText = "Поставщик" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("#goods-receipts thead th[aria-sort='descending']")).ToHaveTextAsync("Поставщик");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.First).ToContainTextAsync("Сортприход Гамма");
        await Assertions.Expect(rows.Last).ToContainTextAsync("Сортприход Альфа");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "lists-goods-receipts-sorted.png"), FullPage = true });

        var (file, numbers) = await ExportAsync(page, "receipts", "Номер");
        Assert.StartsWith("prikhod-", file);
        Assert.Equal(["СП-3", "СП-2", "СП-1"], numbers);
    }
}
