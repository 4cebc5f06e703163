using System.Text.RegularExpressions;
using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;
using static AlAroma.E2E.Layout.ScreenLayoutTests;

namespace AlAroma.E2E;

/// <summary>
/// Issue 10 item 13: a promotion's brands are chosen in a searchable multi-select (tom-select, wwwroot/js/multiselect.js):
/// part of a name finds the brand, the chosen ones stay visible as chips, survive saving, and the promotion then
/// applies to those brands' goods and not to others.
/// </summary>
public sealed class PromotionBrandChoiceTests(AppServer app) : IClassFixture<AppServer>
{
    private const string Name = "Versace и Tom Ford −15 %";

    [Fact]
    public async Task Two_brands_found_by_part_of_their_name_stay_chips_after_saving_and_get_the_discount()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        var page = await app.LoginAsync("manager@alaroma.local");
        await page.GotoAsync("/promotions/new");
        await page.Locator("#p-name").FillAsync(Name);
        await page.Locator("#p-value").FillAsync("15");

        // Part of the name, in another letter case, narrows ~30 brands to the one meant.
        var input = page.Locator("#g-brands-ts-control");
        await OpenBrandChoiceAsync(page);
        await input.PressSequentiallyAsync("ersa");
        await Assertions.Expect(page.Locator("#g-brands-ts-dropdown .option")).ToHaveTextAsync(["Versace"]);
        await input.FillAsync("");
        await page.Keyboard.PressAsync("Escape");
        await PickBrandAsync(page, "vers", "Versace");
        await PickBrandAsync(page, "tom f", "Tom Ford");
        var chips = page.Locator(".ts-wrapper:has(#g-brands-ts-control) .item");
        await AssertChipsAsync(chips);
        Assert.Equal(["Tom Ford", "Versace"], (await page.Locator("#g-brands option:checked").AllTextContentsAsync()).Order());

        await page.Locator("#promotion-save").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/promotions/\d+$"));
        var url = page.Url;

        // Reopened from scratch: both chips are there, nothing else is chosen.
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(Name);
        await AssertChipsAsync(page.Locator(".ts-wrapper:has(#g-brands-ts-control) .item"));

        // The saved promotion takes 15 % off those brands' goods and leaves others' alone.
        await AddToPreviewAsync(page, "Versace Eros");
        await AddToPreviewAsync(page, "Black Orchid");
        await AddToPreviewAsync(page, "Dior Sauvage");
        var lines = page.Locator("#preview-receipt .preview-line");
        await Assertions.Expect(lines.Filter(new() { HasTextString = "Versace Eros" }).Locator(".applied-promotion")).ToContainTextAsync(Name);
        await Assertions.Expect(lines.Filter(new() { HasTextString = "Tom Ford Black Orchid" }).Locator(".applied-promotion")).ToContainTextAsync(Name);
        await Assertions.Expect(lines.Filter(new() { HasTextString = "Dior Sauvage" }).Locator(".applied-promotion")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "promotion-brands-saved.png"), FullPage = true });

        // A chip's ✕ takes the brand out; saved, it stays out.
        await page.Locator(".ts-wrapper:has(#g-brands-ts-control) .item", new() { HasTextString = "Tom Ford" }).Locator(".remove").ClickAsync();
        await page.Locator("#promotion-save").ClickAsync();
        await Assertions.Expect(page.Locator(".toast").Last).ToContainTextAsync("Изменения сохранены");
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator(".ts-wrapper:has(#g-brands-ts-control) .item")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".ts-wrapper:has(#g-brands-ts-control) .item")).ToContainTextAsync("Versace");
        await page.Context.CloseAsync();
    }

    private static async Task AssertChipsAsync(ILocator chips)
    {
        await Assertions.Expect(chips).ToHaveCountAsync(2);
        Assert.Equal(["Tom Ford", "Versace"], (await chips.EvaluateAllAsync<string[]>("es => es.map(e => e.getAttribute('data-value'))")).Order());
        foreach (var chip in await chips.AllAsync()) await Assertions.Expect(chip).ToBeVisibleAsync();
    }
}
