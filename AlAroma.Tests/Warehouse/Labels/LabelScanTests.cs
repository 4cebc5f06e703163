using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AlAroma.Tests.Warehouse.Labels;

/// <summary>
/// The printed label scans: the real print view (HTML, labels.css, inline SVG) is rendered by headless Chromium with
/// print media, each label is photographed as a PNG, and the test's own EAN-13 reader must read the product's barcode
/// back from the pixels. Chromium's requests are answered by the in-process app, signed in as the storekeeper.
/// </summary>
public sealed class LabelScanTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private const string Origin = "http://labels.test";
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task Scanning_twice_and_picking_from_the_search_then_printing_gives_the_labels()
    {
        var (chanel, sauvage) = (await ProductAsync("AA-0001"), await ProductAsync("AA-0004"));
        var page = await NewPageAsync(await app.ClientAsync("storekeeper@alaroma.local"), scale: 1);
        await page.GotoAsync($"{Origin}/warehouse/labels");

        var scan = page.Locator("#label-code");
        await scan.FillAsync(chanel.MainBarcode!);
        await scan.PressAsync("Enter");
        var chanelQty = page.Locator($"#label-row-{chanel.Id} input[name=q]");
        await Assertions.Expect(chanelQty).ToHaveValueAsync("1");
        await Assertions.Expect(scan).ToHaveValueAsync("");
        await scan.FillAsync(chanel.MainBarcode!);
        await scan.PressAsync("Enter");
        await Assertions.Expect(chanelQty).ToHaveValueAsync("2");
        await Assertions.Expect(page.Locator("#label-rows tr")).ToHaveCountAsync(1);

        await scan.PressSequentiallyAsync("sauvage");
        await page.Locator("#label-search-results button", new() { HasText = "Dior Sauvage" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#label-row-{sauvage.Id} input[name=q]")).ToHaveValueAsync("1");
        await page.Locator($"#label-row-{sauvage.Id} input[name=q]").FillAsync("3");
        await page.GetByLabel("Термопринтер 58×40 мм").CheckAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "alaroma-labels-page.png"), FullPage = true });

        await page.Locator("#labels-print").ClickAsync();
        // The URL is enough here (the counts below wait for the labels): under CI load the page's load event of five
        // labels with inline SVG came after 15 s.
        await page.WaitForURLAsync(u => u.Contains("/warehouse/labels/print"), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator(".label")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator(".sheet-58x40")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator($".label[data-barcode='{sauvage.MainBarcode}']")).ToHaveCountAsync(3);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "alaroma-labels-print.png") });

        // Back to the choice: the same rows come back from the query string.
        await page.Locator("#labels-back").ClickAsync();
        await Assertions.Expect(page.Locator($"#label-row-{sauvage.Id} input[name=q]")).ToHaveValueAsync("3");
        await Assertions.Expect(page.Locator($"#label-row-{chanel.Id} input[name=q]")).ToHaveValueAsync("2");
        await Assertions.Expect(page.GetByLabel("Термопринтер 58×40 мм")).ToBeCheckedAsync();
    }

    [Theory]
    [InlineData("a4", "AA-0001")]
    [InlineData("a4", "AA-0020")]
    [InlineData("58x40", "AA-0013")]
    [InlineData("58x40", "AA-0030")]
    public async Task A_printed_label_scans_back_to_the_product_barcode(string format, string sku)
    {
        var product = await ProductAsync(sku);
        // 96 dpi CSS pixels × 4 ≈ 384 dpi: 0.30 mm modules are ≈ 4.5 pixels, about a laser printer's resolution.
        var page = await NewPageAsync(await app.ClientAsync("storekeeper@alaroma.local"), scale: 4);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var nav = await page.GotoAsync($"{Origin}/warehouse/labels/print?format={format}&p={product.Id}&q=2");
        Assert.Equal(200, nav!.Status);
        var labels = page.Locator(".label");
        Assert.Equal(2, await labels.CountAsync());
        Assert.Equal("rgb(255, 255, 255)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));

        var png = await labels.First.ScreenshotAsync(new LocatorScreenshotOptions { Type = ScreenshotType.Png });
        var image = PngImage.Decode(png);
        Assert.Equal(product.MainBarcode, Ean13Scanner.Decode(image));
        // Not a lucky line: most lines through the bars read.
        var box = (await page.Locator(".label svg.ean").First.BoundingBoxAsync())!;
        var barLines = (int)(box.Height * 4 * 0.6);
        Assert.True(Ean13Scanner.LinesReading(image, product.MainBarcode!) > barLines * 0.8,
            $"only {Ean13Scanner.LinesReading(image, product.MainBarcode!)} of ~{barLines} lines through the bars read");

        await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), $"alaroma-label-{format}-{sku}.png"), png);
    }

    /// <summary>
    /// A page whose requests to <see cref="Origin"/> are answered by the in-process app through <paramref name="client"/>
    /// (its cookies: signed in). htmx requests keep their headers.
    /// </summary>
    private async Task<IPage> NewPageAsync(HttpClient client, float scale)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            DeviceScaleFactor = scale, ViewportSize = new ViewportSize { Width = 1300, Height = 1000 }, Locale = "ru-RU",
        });
        context.SetDefaultTimeout(30_000); // the machine is shared with the E2E run
        var page = await context.NewPageAsync();
        await page.RouteAsync($"{Origin}/**", async route =>
        {
            using var req = new HttpRequestMessage(new HttpMethod(route.Request.Method), route.Request.Url[Origin.Length..]);
            foreach (var (name, value) in route.Request.Headers)
                if (name.StartsWith("hx-", StringComparison.OrdinalIgnoreCase)) req.Headers.TryAddWithoutValidation(name, value);
            using var resp = await client.SendAsync(req);
            var headers = resp.Headers.Concat(resp.Content.Headers)
                .Where(h => h.Key.StartsWith("HX-", StringComparison.OrdinalIgnoreCase) || h.Key is "Location")
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value));
            var location = resp.Headers.Location?.ToString();
            if (location is not null && location.StartsWith('/')) headers["Location"] = Origin + location;
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = (int)resp.StatusCode,
                ContentType = resp.Content.Headers.ContentType?.ToString(),
                Headers = headers,
                BodyBytes = await resp.Content.ReadAsByteArrayAsync(),
            });
        });
        return page;
    }

    private async Task<Product> ProductAsync(string sku)
    {
        await using var db = app.Db();
        return await db.Products.Include(p => p.Barcodes).SingleAsync(p => p.Sku == sku);
    }
}
