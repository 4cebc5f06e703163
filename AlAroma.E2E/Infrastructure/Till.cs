using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AlAroma.E2E.Infrastructure;

/// <summary>What a cashier does at the till, shared by the browser tests.</summary>
public static class Till
{
    /// <summary>From /pos: picks the register, types the opening float (₽) and opens the shift; the scanner field then has the focus.</summary>
    public static async Task<ILocator> OpenShiftAsync(this IPage page, string openingFloat, string register = "Касса 1")
    {
        await page.GotoAsync("/pos");
        await page.GetByText(register).First.ClickAsync();
        await page.GetByLabel("Наличные в кассе на начало смены, ₽").FillAsync(openingFloat);
        await page.GetByRole(AriaRole.Button, new() { Name = "Открыть смену" }).ClickAsync();
        var scanner = page.Locator("#pos-scanner");
        await Assertions.Expect(scanner).ToBeFocusedAsync();
        // The till's script queues scans in order; before it has run, a scan posts the form and reloads the page.
        await page.WaitForLoadStateAsync(LoadState.Load);
        return scanner;
    }

    /// <summary>A keyboard-wedge scanner: the code typed into the focused field, then Enter.</summary>
    public static async Task ScanAsync(this IPage page, string code)
    {
        await page.Keyboard.TypeAsync(code);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>From the till: Смена → Закрыть смену, checks the expected cash («14 980,00»), types the counted cash (₽)
    /// and takes the Z-report.</summary>
    public static async Task CloseShiftAsync(this IPage page, string expected, string counted)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Смена" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Закрыть смену" }).ClickAsync();
        await Assertions.Expect(page.Locator("#r-expected")).ToHaveTextAsync(
            new Regex(Regex.Escape(expected).Replace("\\ ", "\\s") + @"\s₽"));
        await page.GetByLabel("Наличные в кассе (пересчитано), ₽").FillAsync(counted);
        await page.GetByRole(AriaRole.Button, new() { Name = "Закрыть смену и снять Z-отчёт" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Z-отчёт");
    }
}
