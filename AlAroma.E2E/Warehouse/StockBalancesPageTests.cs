using AlAroma.E2E.Infrastructure;
using ClosedXML.Excel;
using Microsoft.Playwright;
using Npgsql;

namespace AlAroma.E2E.Warehouse;

/// <summary>A manager looks at the stock of every location in Chromium: a column per location, totals that arrive on their own, "Показать ещё", the export.</summary>
public sealed class StockBalancesPageTests(AppServer app) : IClassFixture<AppServer>
{
    /// <summary>60 products named "Стоктест NN" with 3 units each at the warehouse (ledger rows and balances together).</summary>
    private async Task ArrangeAsync()
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        // Once per fixture: the tests of this class share its database.
        await using (var exists = new NpgsqlCommand("SELECT count(*) FROM products WHERE sku = 'ST-001'", conn))
            if ((long)(await exists.ExecuteScalarAsync())! > 0) return;
        await using var cmd = new NpgsqlCommand("""
            BEGIN;
            CREATE TEMP TABLE e2e_products AS WITH ins AS (
                INSERT INTO products (sku, name, brand, category, retail_price, average_cost, is_active, created_at_utc, updated_at_utc)
                SELECT 'ST-' || lpad(i::text, 3, '0'), 'Стоктест ' || lpad(i::text, 2, '0'), 'Стоктест', 'Парфюмерия', 1000, 400, true, now(), now()
                FROM generate_series(1, 60) i
                RETURNING id)
            SELECT id FROM ins;
            INSERT INTO stock_movements (location_id, product_id, quantity, balance_after, kind, document_number, document_id, occurred_at_utc, user_name)
            SELECT l.id, p.id, 3, 3, 'Correction', 'E2E', 0, now(), 'e2e' FROM e2e_products p, locations l WHERE l.code = 'WH';
            INSERT INTO stock_balances (location_id, product_id, quantity)
            SELECT l.id, p.id, 3 FROM e2e_products p, locations l WHERE l.code = 'WH';
            COMMIT;
            """, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task All_locations_side_by_side_with_totals_show_more_and_the_export()
    {
        await ArrangeAsync();
        var page = await app.LoginAsync("manager@alaroma.local");
        await page.GotoAsync("/warehouse/stock");
        var filters = page.Locator("form.filters"); // the header has its own "Точка" switcher
        await filters.GetByLabel("Точка", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Все точки" });
        await filters.GetByLabel("Поиск", new() { Exact = true }).FillAsync("стоктест");
        await filters.GetByRole(AriaRole.Button, new() { Name = "Показать", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Остатки: все точки");
        var headers = page.Locator("#stock-table thead th");
        await Assertions.Expect(page.Locator("#stock-table thead th[title='Центральный склад, шт.']")).ToHaveTextAsync("WH");
        await Assertions.Expect(headers.Filter(new() { HasText = "Всего, шт." })).ToHaveCountAsync(1);
        var rows = page.Locator("#stock-table tbody tr:not(.more-row)");
        await Assertions.Expect(rows).ToHaveCountAsync(50);
        // The totals row comes in its own request after the page is shown.
        await Assertions.Expect(page.Locator("#total-products")).ToHaveTextAsync("Итого по фильтру: 60 товаров");
        await Assertions.Expect(page.Locator("#total-qty")).ToHaveTextAsync("180");

        await page.GetByRole(AriaRole.Link, new() { Name = "Показать ещё" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(60);
        await Assertions.Expect(page.Locator("#stock-more")).ToHaveCountAsync(0);
        await Assertions.Expect(rows.Last).ToContainTextAsync("Стоктест 60");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "warehouse-stock-all-locations.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Экспорт в Excel" }).ClickAsync());
        var path = Path.Combine(AppServer.ArtifactsDir, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        using var wb = new XLWorkbook(path);
        var ws = wb.Worksheet(1);
        var header = ws.RowsUsed().First(r => r.Cell(1).GetString() == "Артикул");
        var total = ws.RowsUsed().First(r => r.Cell(1).GetString() == "Итого");
        Assert.Equal(60, total.RowNumber() - header.RowNumber() - 1);
        var all = header.CellsUsed().First(c => c.GetString() == "Всего, шт.").Address.ColumnNumber;
        Assert.Equal(180, total.Cell(all).GetValue<int>());
    }

    /// <summary>
    /// On a 1366×768 laptop (and a 1024×768 one) the stock table fits its card — "Себестоимость" is on screen without
    /// scrolling sideways — and the search box keeps room for a product name.
    /// </summary>
    [Theory]
    [InlineData(1366)]
    [InlineData(1024)]
    public async Task The_stock_table_fits_a_laptop_screen(int width)
    {
        await ArrangeAsync();
        var page = await app.LoginAsync("manager@alaroma.local");
        await page.SetViewportSizeAsync(width, 768);
        await page.GotoAsync("/warehouse/stock?Q=" + Uri.EscapeDataString("стоктест"));
        await Assertions.Expect(page.Locator("#stock-table tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#total-qty")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, $"warehouse-stock-{width}.png") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, $"warehouse-stock-{width}-full.png"), FullPage = true });

        var fit = await page.EvaluateAsync<int[]>("""
            () => { const t = document.querySelector('#stock-table'); const c = t.parentElement;
                    return [t.scrollWidth, c.clientWidth, document.documentElement.scrollWidth, window.innerWidth]; }
            """);
        var beyond = await page.EvaluateAsync<string>("""
            () => { const t = document.querySelector('#stock-table'); const right = t.parentElement.getBoundingClientRect().right;
                    return [...t.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > right + 1).slice(0, 5)
                        .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; '); }
            """);
        Assert.True(fit[0] <= fit[1], $"the table is {fit[0]} px wide in a {fit[1]} px card at {width} px; beyond: {beyond}");
        Assert.True(fit[2] <= fit[3], $"the page scrolls sideways: {fit[2]} px at {width} px");
        var cost = await page.Locator("#stock-table thead th").Filter(new() { HasText = "Себестоимость" }).BoundingBoxAsync();
        Assert.NotNull(cost);
        Assert.True(cost.X + cost.Width <= width, $"«Себестоимость» ends at {cost.X + cost.Width} px of {width}");
        var search = await page.Locator("form.filters").GetByLabel("Поиск", new() { Exact = true }).BoundingBoxAsync();
        Assert.NotNull(search);
        Assert.True(search.Width >= 200, $"the search box is {search.Width} px wide at {width} px");
    }
}
