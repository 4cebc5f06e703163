using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;
using static AlAroma.E2E.Layout.ScreenLayout;

namespace AlAroma.E2E.Layout;

/// <summary>
/// Issue 10's screens at 1366×768, 1024×768 and 768×1024: the promotions form with the brand choice open and a
/// «Проверка» receipt, the catalog import preview, the manager's dashboard with its chart. Each is photographed
/// (.data/e2e/layout-*.png) and must not scroll sideways nor let a table or chart out of its card.
/// </summary>
public sealed class ScreenLayoutTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task The_promotions_form_with_the_brand_choice_open_and_a_preview_fits_at_every_size()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        var page = await app.LoginAsync("manager@alaroma.local");
        await page.GotoAsync("/promotions/new");
        await page.Locator("#p-name").FillAsync("Неделя нишевой парфюмерии: −10 % на Maison Francis Kurkdjian");
        await page.Locator("#p-value").FillAsync("10");
        await PickBrandAsync(page, "Kurk", "Maison Francis Kurkdjian");
        // The longest names of the demo catalog, as a receipt would hold them.
        await AddToPreviewAsync(page, "Baccarat");
        await AddToPreviewAsync(page, "Wood Sage");
        await Assertions.Expect(page.Locator("#preview-receipt .applied-promotion")).ToContainTextAsync("Неделя нишевой парфюмерии");

        foreach (var (w, h) in Sizes)
        {
            await ResizeAsync(page, w, h);
            var screen = $"promotions at {w}×{h}";
            // The brand choice open on a search, as the manager sees it while choosing.
            await OpenBrandChoiceAsync(page);
            await page.Locator("#g-brands-ts-control").FillAsync("o");
            await Assertions.Expect(page.Locator("#g-brands-ts-dropdown .option").First).ToBeVisibleAsync();
            await ShootAsync(page, "promotions", w, h);
            await AssertNoHorizontalScrollAsync(page, screen);
            await AssertInsideAsync(page.Locator("#preview-receipt"), page.Locator(".promotion-preview"), $"{screen}: the «Проверка» table");
            await AssertInsideAsync(page.Locator("#preview-search"), page.Locator(".promotion-preview"), $"{screen}: the product search");
            await AssertInsideAsync(page.Locator(".ts-wrapper:has(#g-brands-ts-control)"), page.Locator("#promotion-form .card").First, $"{screen}: the brand choice");
            await AssertInsideAsync(page.Locator("#g-brands-ts-dropdown"), page.Locator("#promotion-form .card").First, $"{screen}: the brand list");
            await page.Locator("#g-brands-ts-control").FillAsync("");
            await page.Keyboard.PressAsync("Escape");
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_catalog_import_preview_fits_at_every_size()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        var page = await app.UploadSupplierCatalogAsync();
        await page.GetByLabel("Цена новых товаров, ₽").FillAsync("4990");
        await page.GetByRole(AriaRole.Button, new() { Name = "Далее: предпросмотр" }).ClickAsync();
        await page.WaitForURLAsync("**/preview", new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("#to-create")).ToHaveTextAsync("2191");

        foreach (var (w, h) in Sizes)
        {
            await ResizeAsync(page, w, h);
            var screen = $"import preview at {w}×{h}";
            await ShootAsync(page, "import-preview", w, h);
            await AssertNoHorizontalScrollAsync(page, screen);
            // The notices quote an example, not whole descriptions, and the button and the figures stay in reach.
            Assert.True((await page.Locator("#garbled-notice p").First.InnerTextAsync()).Length < 400, $"{screen}: the garbled-text notice quotes whole cells");
            var toButton = await page.GetByRole(AriaRole.Button, new() { Name = "Импортировать" }).EvaluateAsync<double>("e => e.getBoundingClientRect().top + window.scrollY");
            Assert.True(toButton < 2.5 * h, $"{screen}: «Импортировать» is {toButton:0} px down the page");
            await AssertInsideAsync(page.Locator("#preview-rows"), page.Locator("main"), $"{screen}: the rows table");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Импортировать" })).ToBeVisibleAsync();
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_managers_dashboard_and_its_chart_fit_at_every_size()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        var page = await app.LoginAsync("manager@alaroma.local");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#sales-chart")).ToBeVisibleAsync();
        foreach (var (w, h) in Sizes)
        {
            await ResizeAsync(page, w, h);
            var screen = $"dashboard at {w}×{h}";
            await ShootAsync(page, "dashboard", w, h);
            await AssertNoHorizontalScrollAsync(page, screen);
            var chartCard = page.Locator(".card:has(#sales-chart)");
            await AssertInsideAsync(page.Locator("#sales-chart"), chartCard, $"{screen}: the chart");
            await AssertInsideAsync(page.Locator(".card:has(#sales-chart) .btn-group"), chartCard, $"{screen}: the chart's buttons");
            var chartHeight = await page.Locator("#sales-chart").EvaluateAsync<double>("e => e.getBoundingClientRect().height");
            Assert.True(chartHeight >= 150, $"{screen}: the chart is only {chartHeight:0} px high");
            foreach (var card in await page.Locator("main .card").AllAsync())
                await AssertInsideAsync(card, page.Locator("main"), $"{screen}: a card");
            // Each amount on the axis once: a day without sales once printed "0 ₽" and "1 ₽" five times each.
            var ticks = await page.EvaluateAsync<string[]>("() => Chart.getChart('sales-chart').scales.y.ticks.map(t => t.label)");
            Assert.True(ticks.Length >= 3, $"{screen}: the axis has {ticks.Length} labels");
            Assert.Equal(ticks.Length, ticks.Distinct().Count());
        }
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Clicks into the brand choice as a person does: on the free end of the box (a click on a chip marks the chip;
    /// while not focused and holding chips, tom-select hides its text input), then waits for the typing caret.
    /// </summary>
    internal static async Task OpenBrandChoiceAsync(IPage page)
    {
        var box = page.Locator(".ts-wrapper:has(#g-brands-ts-control) .ts-control");
        var size = (await box.BoundingBoxAsync())!;
        var input = page.Locator("#g-brands-ts-control");
        // Under load the first click can land while tom-select re-renders its chips; a person clicks again.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await box.ClickAsync(new() { Position = new() { X = size.Width - 12, Y = size.Height / 2 } });
            try { await Assertions.Expect(input).ToBeFocusedAsync(new() { Timeout = 5_000 }); return; }
            catch (PlaywrightException) when (attempt < 2) { }
        }
    }

    /// <summary>Types part of a brand into the brand choice and picks the brand from the list.</summary>
    internal static async Task PickBrandAsync(IPage page, string typed, string brand)
    {
        var input = page.Locator("#g-brands-ts-control");
        await OpenBrandChoiceAsync(page);
        await input.PressSequentiallyAsync(typed);
        await page.Locator("#g-brands-ts-dropdown .option", new() { HasTextString = brand }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".ts-wrapper:has(#g-brands-ts-control) .item", new() { HasTextString = brand })).ToBeVisibleAsync();
        await input.FillAsync("");
        await page.Keyboard.PressAsync("Escape");
    }

    /// <summary>Finds a product in the «Проверка» search and adds it to the test receipt.</summary>
    internal static async Task AddToPreviewAsync(IPage page, string search)
    {
        var lines = await page.Locator("#preview-receipt .preview-line").CountAsync();
        var box = page.Locator("#preview-search");
        var found = page.Locator("#product-results .preview-product", new() { HasTextString = search }).First;
        await box.FillAsync(search);
        // One CI run in five saw no answer to the typed search within 30 s while the other suites loaded the machine;
        // a person presses Enter (htmx's "search" trigger) and looks again.
        try { await Assertions.Expect(found).ToBeVisibleAsync(new() { Timeout = 10_000 }); }
        catch (PlaywrightException)
        {
            await box.PressAsync("Enter");
            try { await Assertions.Expect(found).ToBeVisibleAsync(new() { Timeout = 20_000 }); }
            catch (PlaywrightException e)
            {
                throw new Xunit.Sdk.XunitException($"No «{search}» in the product search; results: «{await page.Locator("#product-results").InnerHTMLAsync()}», " +
                    $"toasts: «{await page.Locator("#toasts").InnerTextAsync()}». {e.Message}");
            }
        }
        await found.ClickAsync();
        await Assertions.Expect(page.Locator("#preview-receipt .preview-line")).ToHaveCountAsync(lines + 1);
    }
}
