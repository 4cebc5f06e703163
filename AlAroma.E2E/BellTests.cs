using System.Diagnostics;
using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace AlAroma.E2E;

/// <summary>
/// The real-time bell in real Chromium, two browser contexts: a storekeeper ships a transfer to S1 and the S1
/// seller's open page shows the new unread count and a toast without a reload.
/// </summary>
public sealed class BellTests(AppServer app) : IClassFixture<AppServer>
{
    private async Task<string> BarcodeAsync(int n)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SELECT code FROM barcodes WHERE NOT is_tester ORDER BY id OFFSET {n} LIMIT 1", conn);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_transfer_shipped_to_S1_rings_the_S1_sellers_bell_without_a_reload()
    {
        var seller = await app.LoginAsync("seller@alaroma.local");
        await seller.GotoAsync("/notifications");
        await Assertions.Expect(seller.Locator("h1")).ToHaveTextAsync("Уведомления");
        // The stream is open once the first "bell" event has replaced the link's content.
        await Assertions.Expect(seller.Locator("#bell-count")).ToHaveTextAsync("0");
        var reloads = 0;
        seller.FrameNavigated += (_, f) => { if (f == seller.MainFrame) reloads++; };

        var keeper = await app.LoginAsync("storekeeper@alaroma.local");
        keeper.Dialog += (_, d) => d.AcceptAsync();
        await keeper.GotoAsync("/warehouse/transfers/new");
        await keeper.GetByLabel("Откуда (отправитель)").SelectOptionAsync(new SelectOptionValue { Label = "Центральный склад" });
        await keeper.GetByLabel("Куда (получатель)").SelectOptionAsync(new SelectOptionValue { Label = "Магазин на Тверской" });
        await keeper.GetByRole(AriaRole.Button, new() { Name = "Создать и добавить товары" }).ClickAsync();
        await Assertions.Expect(keeper.Locator("h1")).ToContainTextAsync("Перемещение ПМ-");
        var number = (await keeper.Locator("h1").TextContentAsync())!.Split(' ').First(w => w.StartsWith("ПМ-"));
        await keeper.Locator("#barcode").FillAsync(await BarcodeAsync(3));
        await keeper.Keyboard.PressAsync("Enter");
        var line = keeper.Locator("#doc-lines tbody tr");
        await Assertions.Expect(line).ToHaveCountAsync(1);
        await line.GetByLabel("Количество").FillAsync("2");
        await line.GetByLabel("Количество").PressAsync("Tab");
        await Assertions.Expect(keeper.Locator("#total-qty")).ToHaveTextAsync("2", new() { Timeout = 30_000 });
        await keeper.GetByRole(AriaRole.Button, new() { Name = "Отгрузить" }).ClickAsync();
        await Assertions.Expect(keeper.Locator("#doc-status")).ToHaveTextAsync("В пути", new() { Timeout = 30_000 });
        var shipped = Stopwatch.StartNew();

        // Issue 11 asks for 2 s; the wait allows more because the test machine is shared (the figure is printed).
        await Assertions.Expect(seller.Locator("#bell-count")).ToHaveTextAsync("1", new() { Timeout = 15_000 });
        Console.WriteLine($"[bell] the seller's bell showed the shipment {shipped.ElapsedMilliseconds} ms after the storekeeper saw «В пути»");
        var toast = seller.Locator(".bell-toast");
        await Assertions.Expect(toast).ToContainTextAsync($"Перемещение {number} в пути");
        Assert.Equal(0, reloads);
        await seller.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "bell-toast.png") });

        // «Открыть» marks it read; a seller may not open the transfer (a warehouse page), so it shows the list.
        await toast.GetByRole(AriaRole.Button, new() { Name = "Открыть" }).ClickAsync();
        await Assertions.Expect(seller.Locator("#notifications")).ToContainTextAsync("прочитано");
        Assert.EndsWith("/notifications", seller.Url);
        await seller.GotoAsync("/notifications");
        await Assertions.Expect(seller.Locator("#bell-count")).ToHaveTextAsync("0");
        await Assertions.Expect(seller.Locator("#notifications")).ToContainTextAsync(number);
        await Assertions.Expect(seller.Locator("#notifications")).ToContainTextAsync("прочитано");
        await seller.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "bell-list.png"), FullPage = true });
    }
}
