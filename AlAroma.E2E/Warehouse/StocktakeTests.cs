using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace AlAroma.E2E.Warehouse;

/// <summary>
/// A stocktake in real Chromium while the shop keeps selling: the storekeeper scans blind, a cashier sells two of
/// the counted product at the till, the manager reviews (book at count 10, counted 7, −3) and posts; the balance
/// ends at the count minus what was sold after counting.
/// </summary>
public sealed class StocktakeTests(AppServer app) : IClassFixture<AppServer>
{
    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Storekeeper_scans_blind_the_shop_sells_meanwhile_and_the_manager_posts_the_difference()
    {
        const string product = "p.brand = 'Lacoste'";
        var barcode = await ScalarAsync<string>($"SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id WHERE {product} AND NOT b.is_tester ORDER BY b.id LIMIT 1");
        const string balanceSql = $"SELECT b.quantity FROM stock_balances b JOIN products p ON p.id = b.product_id JOIN locations l ON l.id = b.location_id WHERE l.code = 'S1' AND {product}";
        Assert.Equal(10, await ScalarAsync<int>(balanceSql));

        // The storekeeper starts a stocktake of one brand at the shop and scans: 3 single scans, then one scan of 4.
        var keeper = await app.LoginAsync("storekeeper@alaroma.local");
        keeper.Dialog += (_, d) => d.AcceptAsync();
        await keeper.GotoAsync("/warehouse/stocktakes/new");
        await keeper.GetByLabel("Точка (где считаем)").SelectOptionAsync(new SelectOptionValue { Label = "Магазин на Тверской" });
        await keeper.GetByLabel("Только выбранные бренды").CheckAsync();
        await keeper.GetByLabel("Lacoste", new() { Exact = true }).CheckAsync();
        await keeper.GetByRole(AriaRole.Button, new() { Name = "Начать подсчёт" }).ClickAsync();
        await Assertions.Expect(keeper.Locator("h1")).ToContainTextAsync("Инвентаризация ИН-");
        var stocktakeUrl = keeper.Url;

        var scanner = keeper.Locator("#barcode");
        await Assertions.Expect(scanner).ToBeFocusedAsync();
        for (var i = 1; i <= 3; i++)
        {
            await keeper.Keyboard.TypeAsync(barcode);
            await keeper.Keyboard.PressAsync("Enter");
            await Assertions.Expect(keeper.Locator("#total-units")).ToHaveTextAsync(i.ToString());
        }
        await keeper.Locator("#scan-qty").FillAsync("4");
        await scanner.FillAsync(barcode);
        await scanner.PressAsync("Enter");
        await Assertions.Expect(keeper.Locator("#total-units")).ToHaveTextAsync("7");
        await Assertions.Expect(keeper.Locator("#scan-qty")).ToHaveValueAsync("1");
        await Assertions.Expect(scanner).ToBeFocusedAsync();
        // Blind: the counter's screen has no book column and does not show the 10 on the books.
        await Assertions.Expect(keeper.Locator("#count-lines thead")).Not.ToContainTextAsync("Учёт");
        await Assertions.Expect(keeper.Locator("#count-lines tbody td")).Not.ToHaveTextAsync(["10"]);
        await keeper.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "stocktake-counting.png"), FullPage = true });

        // Meanwhile a cashier sells 2 at the till.
        var till = await app.LoginAsync("cashier@alaroma.local");
        await till.GotoAsync("/pos");
        await till.GetByText("Касса 1").First.ClickAsync();
        await till.GetByLabel("Наличные в кассе на начало смены, ₽").FillAsync("5000");
        await till.GetByRole(AriaRole.Button, new() { Name = "Открыть смену" }).ClickAsync();
        await Assertions.Expect(till.Locator("#pos-scanner")).ToBeFocusedAsync();
        await till.Keyboard.TypeAsync(barcode);
        await till.Keyboard.PressAsync("Enter");
        await till.Keyboard.TypeAsync(barcode);
        await till.Keyboard.PressAsync("Enter");
        await Assertions.Expect(till.Locator(".pos-qty-value")).ToHaveTextAsync("2");
        await till.Keyboard.PressAsync("F2");
        await till.Locator("#pay-tendered").FillAsync("100000");
        await till.Keyboard.PressAsync("Enter");
        await till.WaitForURLAsync("**/pos/sales/*");
        Assert.Equal(8, await ScalarAsync<int>(balanceSql));

        await keeper.GetByRole(AriaRole.Button, new() { Name = "Завершить подсчёт" }).ClickAsync();
        await Assertions.Expect(keeper.Locator("#doc-status")).ToHaveTextAsync("На проверке");

        // The manager reviews: book at count 10, counted 7, difference −3, and posts.
        var manager = await app.LoginAsync("manager@alaroma.local");
        manager.Dialog += (_, d) => d.AcceptAsync();
        await manager.GotoAsync(stocktakeUrl);
        var row = manager.Locator("#review-lines tbody tr").Filter(new() { HasText = "Lacoste" });
        await Assertions.Expect(row.Locator("td.book")).ToHaveTextAsync("10");
        await Assertions.Expect(row.Locator("td.counted")).ToHaveTextAsync("7");
        await Assertions.Expect(row.Locator("td.diff")).ToHaveTextAsync("-3");
        await Assertions.Expect(manager.Locator("#shortage")).ToContainTextAsync("3 шт.");
        await manager.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "stocktake-review.png"), FullPage = true });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Провести" }).ClickAsync();
        await Assertions.Expect(manager.Locator("#doc-status")).ToHaveTextAsync("Проведена");
        await Assertions.Expect(manager.GetByRole(AriaRole.Button, new() { Name = "Провести" })).ToHaveCountAsync(0);

        Assert.Equal(5, await ScalarAsync<int>(balanceSql));   // counted 7 − sold 2 after counting
        Assert.Equal(-3, await ScalarAsync<int>("SELECT quantity FROM stock_movements WHERE kind = 'StocktakeAdjustment'"));

        // The printed result opens from "Печать" in a new tab.
        var print = await manager.Context.RunAndWaitForPageAsync(() => manager.GetByRole(AriaRole.Link, new() { Name = "Печать" }).ClickAsync());
        await Assertions.Expect(print.Locator("h1")).ToContainTextAsync("Сличительная ведомость");
        await Assertions.Expect(print.Locator("tr").Filter(new() { HasText = "Lacoste" })).ToContainTextAsync("-3");
        await print.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "stocktake-print.png"), FullPage = true });
    }
}
