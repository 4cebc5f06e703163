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

    [Theory]
    [InlineData("a4", "AA-0001")]
    [InlineData("a4", "AA-0020")]
    [InlineData("58x40", "AA-0013")]
    [InlineData("58x40", "AA-0030")]
    public async Task A_printed_label_scans_back_to_the_product_barcode(string format, string sku)
    {
        Product product;
        await using (var db = app.Db()) product = await db.Products.Include(p => p.Barcodes).SingleAsync(p => p.Sku == sku);
        var client = await app.ClientAsync("storekeeper@alaroma.local");

        // 96 dpi CSS pixels × 4 ≈ 384 dpi: 0.30 mm modules are ≈ 4.5 pixels, about a laser printer's resolution.
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { DeviceScaleFactor = 4, ViewportSize = new ViewportSize { Width = 900, Height = 1200 } });
        var page = await context.NewPageAsync();
        await page.RouteAsync($"{Origin}/**", async route =>
        {
            using var resp = await client.GetAsync(route.Request.Url[Origin.Length..]);
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = (int)resp.StatusCode,
                ContentType = resp.Content.Headers.ContentType?.ToString(),
                BodyBytes = await resp.Content.ReadAsByteArrayAsync(),
            });
        });
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
        await context.CloseAsync();
    }
}
