using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace AlAroma.E2E;

/// <summary>
/// The till as a cashier with a scanner uses it (issue 10: 2, 4, 5): a barcode scanned into the search box adds the
/// unit, a line the shop does not have is said when added and once in the payment dialog, and the mixed-payment
/// dialog speaks only after something was typed.
/// </summary>
public sealed class TillScanAndPayTests(AppServer app) : IClassFixture<AppServer>
{
    /// <summary>A sellable product of S1 with a 13-digit barcode (skipping <paramref name="skip"/>), optionally with its S1 stock set to <paramref name="onHand"/>.</summary>
    private async Task<(string Barcode, string Sku, string Name)> ProductAsync(int skip, int? onHand = null)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT b.code, p.sku, p.name, p.id FROM products p JOIN barcodes b ON b.product_id = p.id
            JOIN stock_balances s ON s.product_id = p.id AND s.location_id = (SELECT id FROM locations WHERE code = 'S1')
            WHERE p.is_active AND p.retail_price > 0 AND s.quantity >= 3 AND length(b.code) = 13 AND NOT b.is_tester
            ORDER BY p.id OFFSET @skip LIMIT 1
            """, conn);
        cmd.Parameters.AddWithValue("skip", skip);
        string code, sku, name; int id;
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            Assert.True(await r.ReadAsync(), "the demo catalog has a product on hand at S1 with a 13-digit barcode");
            (code, sku, name, id) = (r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3));
        }
        if (onHand is { } q)
        {
            await using var set = new NpgsqlCommand(
                "UPDATE stock_balances SET quantity = @q WHERE product_id = @id AND location_id = (SELECT id FROM locations WHERE code = 'S1')", conn);
            set.Parameters.AddWithValue("q", q);
            set.Parameters.AddWithValue("id", id);
            await set.ExecuteNonQueryAsync();
        }
        return (code, sku, name);
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, name + ".png") });

    [Fact]
    public async Task A_barcode_scanned_into_the_search_box_adds_the_unit_and_a_pick_gives_the_focus_back_to_the_scanner()
    {
        var (barcode, sku, name) = await ProductAsync(0);
        var (page, scanner) = await TillAsync("cashier@alaroma.local", "Касса 1");
        var search = page.Locator("#pos-search");
        var results = page.Locator("#pos-search-results");

        // After a search the focus stays in the search box: the next scan lands there and must still add the unit.
        await search.ClickAsync();
        await page.Keyboard.TypeAsync(sku);
        await Assertions.Expect(results).ToContainTextAsync(name);
        await Assertions.Expect(search).ToBeFocusedAsync();
        await page.ScanAsync(barcode);
        await Assertions.Expect(page.Locator("#pos-cart .pos-qty-value")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#pos-cart")).ToContainTextAsync(name);
        await Assertions.Expect(scanner).ToBeFocusedAsync();
        await Assertions.Expect(search).ToHaveValueAsync(sku); // the query stays, the scanned digits do not
        await Assertions.Expect(results).ToContainTextAsync(name);

        // A barcode alone in the search box, typed and Enter, adds the unit too.
        await search.FillAsync("");
        await search.ClickAsync();
        await page.ScanAsync(barcode);
        await Assertions.Expect(page.Locator("#pos-cart .pos-qty-value")).ToHaveTextAsync("2");
        await Assertions.Expect(search).ToHaveValueAsync("");
        await Assertions.Expect(scanner).ToBeFocusedAsync();

        // A pick from the results adds the unit and hands the focus back: the next scan goes to the scanner field.
        await search.FillAsync(sku);
        await results.GetByRole(AriaRole.Button, new() { Name = "Добавить" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pos-cart .pos-qty-value")).ToHaveTextAsync("3");
        await Assertions.Expect(scanner).ToBeFocusedAsync();
        await page.ScanAsync(barcode);
        await Assertions.Expect(page.Locator("#pos-cart .pos-qty-value")).ToHaveTextAsync("4");
        await Assertions.Expect(scanner).ToHaveValueAsync("");

        // A search by text (not a barcode) only lists.
        await search.FillAsync("");
        await search.ClickAsync();
        await page.Keyboard.TypeAsync(sku);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(results).ToContainTextAsync(name);
        await Assertions.Expect(page.Locator("#pos-cart .pos-qty-value")).ToHaveTextAsync("4");
    }

    [Fact]
    public async Task The_mixed_payment_dialog_says_nothing_before_typing_and_checks_the_card_amount_as_typed()
    {
        var (barcode, _, _) = await ProductAsync(1);
        var (page, _) = await TillAsync("seller@alaroma.local", "Касса 2");
        await page.ScanAsync(barcode);
        await Assertions.Expect(page.Locator("#pos-cart .pos-qty-value")).ToHaveTextAsync("1");

        await page.Keyboard.PressAsync("F4");
        await Assertions.Expect(page.Locator("#pos-pay")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#pay-card")).ToBeFocusedAsync();
        var error = page.Locator("#pay-error");
        await Assertions.Expect(error).ToHaveTextAsync("");
        await Assertions.Expect(page.Locator("#pos-pay-submit")).ToBeDisabledAsync();
        foreach (var (w, h) in new[] { (1366, 768), (1024, 768), (768, 1024) })
        {
            await page.SetViewportSizeAsync(w, h);
            await ShotAsync(page, $"till-mixed-untouched-{w}x{h}");
        }

        await page.Keyboard.TypeAsync("0");
        await Assertions.Expect(error).ToContainTextAsync("Сумма по карте должна быть больше 0");
        await page.Locator("#pay-card").FillAsync("1");
        await Assertions.Expect(error).ToHaveTextAsync("");
        await Assertions.Expect(page.Locator("#pos-pay-submit")).ToBeEnabledAsync();
        await page.Locator("#pay-tendered").FillAsync("1");
        await Assertions.Expect(error).ToContainTextAsync("Недостаточно наличных");
    }

    [Fact]
    public async Task A_line_the_shop_does_not_have_is_said_when_added_and_once_in_the_payment_dialog()
    {
        var (barcode, _, name) = await ProductAsync(2, onHand: 0);
        var (page, scanner) = await TillAsync("seller@alaroma.local", "Касса 2");
        await page.ScanAsync(barcode);

        var notice = page.Locator("#pos-notice");
        await Assertions.Expect(notice).ToContainTextAsync($"Недостаточно товара «{name}»: в наличии 0 шт., в чеке 1 шт.");
        await Assertions.Expect(page.Locator("#pos-cart")).ToContainTextAsync("На остатке 0 шт.");
        await Assertions.Expect(scanner).ToBeFocusedAsync();
        foreach (var (w, h) in new[] { (1366, 768), (1024, 768), (768, 1024) })
        {
            await page.SetViewportSizeAsync(w, h);
            await ShotAsync(page, $"till-short-line-{w}x{h}");
        }
        await page.SetViewportSizeAsync(1366, 768);

        await page.Keyboard.PressAsync("F2");
        var error = page.Locator("#pay-error");
        await Assertions.Expect(error).ToContainTextAsync($"Недостаточно товара «{name}»");
        await page.Locator("#pay-tendered").FillAsync("100000");
        await Assertions.Expect(error).ToContainTextAsync($"Недостаточно товара «{name}»");
        await ShotAsync(page, "till-short-pay-1366x768");

        // "Пробить чек" still refuses: the refusal stands in the dialog, and only there (no toast behind it).
        await page.Locator("#pos-pay-submit").ClickAsync();
        await Assertions.Expect(error).ToContainTextAsync("требуется 1 шт.");
        await Assertions.Expect(page.Locator("#pos-pay")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(500); // a toast would be shown by the same response's event
        await Assertions.Expect(page.Locator("#toasts .toast")).ToHaveCountAsync(0);
        Assert.Equal(1, CountOf(await page.Locator("#pos-pay").InnerTextAsync(), "Недостаточно товара"));
        await ShotAsync(page, "till-short-refused-1366x768");
    }

    /// <summary>
    /// Signs in and opens <paramref name="register"/> of S1 with an empty cart, opening its shift unless another test of
    /// this class did (the tests share one app and database).
    /// </summary>
    [Fact]
    public async Task A_scan_while_the_till_is_still_loading_its_script_is_added_not_lost()
    {
        var (barcode, _, name) = await ProductAsync(2);
        var (page, _) = await TillAsync("cashier@alaroma.local", "Касса 1");
        // The next receipt's page after a sale, on a slow shop computer: the scanner field is there, pos.js is not yet.
        await page.RouteAsync("**/js/pos.js*", async route => { await Task.Delay(4000); await route.ContinueAsync(); });
        var url = page.Url;
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        var scanner = page.Locator("#pos-scanner");
        await Assertions.Expect(scanner).ToBeFocusedAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => document.readyState === 'complete'"), "the till's script was already running");
        await page.ScanAsync(barcode);
        await Assertions.Expect(page.Locator("#pos-cart")).ToContainTextAsync(name);
        await Assertions.Expect(page.Locator("#pos-cart .pos-qty-value")).ToHaveTextAsync("1");
        await page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
    }

    private async Task<(IPage Page, ILocator Scanner)> TillAsync(string email, string register)
    {
        var page = await app.LoginAsync(email);
        page.Dialog += (_, d) => d.AcceptAsync();
        await page.GotoAsync("/pos?choose=1");
        await page.Locator("a.pos-register-card").Filter(new() { HasText = register }).First.ClickAsync();
        var openFloat = page.GetByLabel("Наличные в кассе на начало смены, ₽");
        var scanner = page.Locator("#pos-scanner");
        await Assertions.Expect(openFloat.Or(scanner)).ToBeVisibleAsync();
        if (await openFloat.IsVisibleAsync())
        {
            await openFloat.FillAsync("1000");
            await page.GetByRole(AriaRole.Button, new() { Name = "Открыть смену" }).ClickAsync();
        }
        var clear = page.GetByRole(AriaRole.Button, new() { Name = "Очистить чек" });
        if (await clear.IsVisibleAsync())
        {
            await clear.ClickAsync();
            await Assertions.Expect(page.Locator("#pos-cart")).ToContainTextAsync("Чек пуст");
        }
        await Assertions.Expect(scanner).ToBeFocusedAsync();
        return (page, scanner);
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}
