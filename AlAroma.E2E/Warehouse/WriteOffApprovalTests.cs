using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace AlAroma.E2E.Warehouse;

/// <summary>In real Chromium: a storekeeper drafts a write-off with the scanner and submits it; a manager approves it and the stock drops.</summary>
public sealed class WriteOffApprovalTests(AppServer app) : IClassFixture<AppServer>
{
    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    private Task<int> OnHandAtWarehouseAsync(int productId) => ScalarAsync<int>(
        $"SELECT b.quantity FROM stock_balances b JOIN locations l ON l.id = b.location_id WHERE l.code = 'WH' AND b.product_id = {productId}");

    [Fact]
    public async Task Storekeeper_drafts_and_submits_manager_approves_stock_drops()
    {
        var productId = await ScalarAsync<int>("SELECT product_id FROM barcodes WHERE NOT is_tester ORDER BY id LIMIT 1");
        var barcode = await ScalarAsync<string>($"SELECT code FROM barcodes WHERE product_id = {productId} AND NOT is_tester ORDER BY id LIMIT 1");
        var before = await OnHandAtWarehouseAsync(productId);

        var keeper = await app.LoginAsync("storekeeper@alaroma.local");
        keeper.Dialog += (_, d) => d.AcceptAsync();
        await keeper.GotoAsync("/warehouse/writeoffs/new");
        await keeper.GetByLabel("Точка (где списывается товар)").SelectOptionAsync(new SelectOptionValue { Label = "Центральный склад" });
        await keeper.GetByLabel("Причина").SelectOptionAsync(new SelectOptionValue { Label = "Бой/брак" });
        await keeper.GetByLabel("Комментарий").FillAsync("Разбились при разгрузке");
        await keeper.GetByRole(AriaRole.Button, new() { Name = "Создать и добавить товары" }).ClickAsync();
        await Assertions.Expect(keeper.Locator("h1")).ToContainTextAsync("Списание СП-");
        await Assertions.Expect(keeper.Locator("#doc-status")).ToHaveTextAsync("Черновик");

        var scanner = keeper.Locator("#barcode");
        await Assertions.Expect(scanner).ToBeFocusedAsync();
        await keeper.Keyboard.TypeAsync(barcode);
        await keeper.Keyboard.PressAsync("Enter");
        await Assertions.Expect(keeper.Locator("#total-qty")).ToHaveTextAsync("1");
        await Assertions.Expect(keeper.Locator("#doc-lines tbody tr[id^='line-']")).ToHaveCountAsync(1);
        await Assertions.Expect(scanner).ToBeFocusedAsync();
        await keeper.Keyboard.TypeAsync(barcode);
        await keeper.Keyboard.PressAsync("Enter");
        await Assertions.Expect(keeper.Locator("#total-qty")).ToHaveTextAsync("2");

        await keeper.GetByRole(AriaRole.Button, new() { Name = "Отправить на утверждение" }).ClickAsync();
        await Assertions.Expect(keeper.Locator("#doc-status")).ToHaveTextAsync("На утверждении");
        await Assertions.Expect(keeper.GetByRole(AriaRole.Button, new() { Name = "Утвердить" })).ToHaveCountAsync(0);
        await Assertions.Expect(keeper.Locator("#barcode")).ToHaveCountAsync(0);
        Assert.Equal(before, await OnHandAtWarehouseAsync(productId));
        var url = keeper.Url;

        var manager = await app.LoginAsync("manager@alaroma.local");
        manager.Dialog += (_, d) => d.AcceptAsync();
        await manager.GotoAsync(url);
        await manager.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "warehouse-writeoff-submitted.png"), FullPage = true });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Утвердить" }).ClickAsync();
        await Assertions.Expect(manager.Locator("#doc-status")).ToHaveTextAsync("Проведено");
        await Assertions.Expect(manager.Locator("#total-qty")).ToHaveTextAsync("2");
        Assert.Equal(before - 2, await OnHandAtWarehouseAsync(productId));

        await manager.GotoAsync("/warehouse/writeoffs?Status=Posted");
        await Assertions.Expect(manager.Locator("table")).ToContainTextAsync("Бой/брак");
    }
}
