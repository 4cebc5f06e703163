using Microsoft.Playwright;

namespace AlAroma.E2E.Layout;

/// <summary>
/// The screen sizes a shop uses (SCREENS.md, issue 10): a back-office laptop, the usual POS monitor, a tablet upright;
/// and the layout checks every screen must pass at each of them.
/// </summary>
public static class ScreenLayout
{
    /// <summary>1366×768 laptop, 1024×768 POS monitor, 768×1024 tablet (CSS pixels).</summary>
    public static readonly (int Width, int Height)[] Sizes = [(1366, 768), (1024, 768), (768, 1024)];

    /// <summary>Resizes the page and waits for the layout to settle (Bootstrap breakpoints, Chart.js resize).</summary>
    public static async Task ResizeAsync(IPage page, int width, int height)
    {
        await page.SetViewportSizeAsync(width, height);
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }

    /// <summary>Fails when the page scrolls sideways: something is wider than the window.</summary>
    public static async Task AssertNoHorizontalScrollAsync(IPage page, string screen)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{screen}: the page is {widths[0]} px wide in a {widths[1]} px window (horizontal scrolling)");
    }

    /// <summary>
    /// Fails when <paramref name="inner"/> is wider than <paramref name="outer"/> or sticks out of it on either side
    /// (1 px of rounding allowed). The full width counts, so a table that only fits by scrolling inside its box fails.
    /// </summary>
    public static async Task AssertInsideAsync(ILocator inner, ILocator outer, string what)
    {
        var i = await inner.EvaluateAsync<double[]>("e => { const r = e.getBoundingClientRect(); return [r.left, r.left + Math.max(r.width, e.scrollWidth)]; }");
        var o = await outer.EvaluateAsync<double[]>("e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; }");
        Assert.True(i[0] >= o[0] - 1 && i[1] <= o[1] + 1,
            $"{what}: spans {i[0]:0}…{i[1]:0} px, its box {o[0]:0}…{o[1]:0} px");
    }

    /// <summary>A full-page screenshot in .data/e2e named after the screen and the size, e.g. layout-promotions-1024x768.png.</summary>
    public static Task ShootAsync(IPage page, string screen, int width, int height, bool fullPage = true) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Infrastructure.AppServer.ArtifactsDir, $"layout-{screen}-{width}x{height}.png"), FullPage = fullPage });
}
