using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace AlAroma.E2E.Warehouse;

/// <summary>
/// In real Chromium: the warehouse ships 5, the shop counts only 3 on arrival, the transfer shows the discrepancy,
/// and a manager returns the missing 2 to the warehouse's stock.
/// </summary>
public sealed class TransferDiscrepancyTests(AppServer app) : IClassFixture<AppServer>
{
    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    private Task<int> OnHandAsync(string location, int productId) => ScalarAsync<int>(
        $"SELECT b.quantity FROM stock_balances b JOIN locations l ON l.id = b.location_id WHERE l.code = '{location}' AND b.product_id = {productId}");

    [Fact]
    public async Task A_short_delivery_shows_a_discrepancy_that_a_manager_returns_to_the_source()
    {
        var productId = await ScalarAsync<int>("SELECT product_id FROM barcodes WHERE NOT is_tester ORDER BY id OFFSET 4 LIMIT 1");
        var barcode = await ScalarAsync<string>($"SELECT code FROM barcodes WHERE product_id = {productId} AND NOT is_tester ORDER BY id LIMIT 1");
        var (warehouseBefore, shopBefore) = (await OnHandAsync("WH", productId), await OnHandAsync("S1", productId));

        var keeper = await app.LoginAsync("storekeeper@alaroma.local");
        keeper.Dialog += (_, d) => d.AcceptAsync();
        await keeper.GotoAsync("/warehouse/transfers/new");
        await keeper.GetByLabel("Откуда (отправитель)").SelectOptionAsync(new SelectOptionValue { Label = "Центральный склад" });
        await keeper.GetByLabel("Куда (получатель)").SelectOptionAsync(new SelectOptionValue { Label = "Магазин на Тверской" });
        await keeper.GetByRole(AriaRole.Button, new() { Name = "Создать и добавить товары" }).ClickAsync();
        await Assertions.Expect(keeper.Locator("h1")).ToContainTextAsync("Перемещение ПМ-");
        var url = keeper.Url;
        await Assertions.Expect(keeper.Locator("#barcode")).ToBeFocusedAsync();
        await keeper.Keyboard.TypeAsync(barcode);
        await keeper.Keyboard.PressAsync("Enter");
        var line = keeper.Locator("#doc-lines tbody tr");
        await Assertions.Expect(line).ToHaveCountAsync(1);
        await line.GetByLabel("Количество").FillAsync("5");
        await line.GetByLabel("Количество").PressAsync("Tab");
        await Assertions.Expect(keeper.Locator("#total-qty")).ToHaveTextAsync("5");
        await keeper.GetByRole(AriaRole.Button, new() { Name = "Отгрузить" }).ClickAsync();
        await Assertions.Expect(keeper.Locator("#doc-status")).ToHaveTextAsync("В пути");
        Assert.Equal(warehouseBefore - 5, await OnHandAsync("WH", productId));

        // At the shop only 3 arrive.
        await keeper.GotoAsync(url);
        await keeper.GetByLabel("Принято, шт.").FillAsync("3");
        await keeper.GetByRole(AriaRole.Button, new() { Name = "Принять" }).ClickAsync();
        await Assertions.Expect(keeper.Locator("#doc-status")).ToHaveTextAsync("Принято");
        await Assertions.Expect(keeper.Locator("#doc-discrepancy")).ToHaveTextAsync("Расхождение");
        await Assertions.Expect(keeper.Locator("#doc-lines")).ToContainTextAsync("недостача 2 шт.");
        Assert.Equal(shopBefore + 3, await OnHandAsync("S1", productId));
        // Resolving is a manager's decision: the storekeeper is not offered the buttons.
        await Assertions.Expect(keeper.GetByRole(AriaRole.Button, new() { Name = "Вернуть на склад-источник" })).ToHaveCountAsync(0);

        var manager = await app.LoginAsync("manager@alaroma.local");
        manager.Dialog += (_, d) => d.AcceptAsync();
        await manager.GotoAsync(url);
        await manager.Locator("#comment").FillAsync("Водитель вернул 2 шт. на склад");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Вернуть на склад-источник" }).ClickAsync();
        await Assertions.Expect(manager.Locator("#doc-discrepancy")).ToHaveTextAsync("Расхождение разобрано");
        await Assertions.Expect(manager.Locator("#doc-resolution")).ToContainTextAsync("Водитель вернул 2 шт. на склад");
        await Assertions.Expect(manager.GetByRole(AriaRole.Button, new() { Name = "Вернуть на склад-источник" })).ToHaveCountAsync(0);
        Assert.Equal(warehouseBefore - 3, await OnHandAsync("WH", productId));
        await manager.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "transfer-discrepancy.png"), FullPage = true });
    }
}
