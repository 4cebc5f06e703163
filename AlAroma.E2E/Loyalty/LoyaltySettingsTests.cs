using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;

namespace AlAroma.E2E.Loyalty;

public sealed class LoyaltySettingsTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Manager_plans_a_higher_silver_threshold_from_tomorrow_is_told_when_a_field_is_wrong_and_sees_the_plan_in_the_history()
    {
        var page = await app.LoginAsync("manager@alaroma.local");
        await page.Locator(".app-sidebar").GetByRole(AriaRole.Link, new() { Name = "Условия лояльности" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Условия программы лояльности");
        await Assertions.Expect(page.Locator("#terms-current")).ToContainTextAsync("30 %");

        var form = page.Locator("#terms-form");
        await form.GetByLabel("Серебряный: от, ₽").FillAsync("60000");
        await form.GetByRole(AriaRole.Button, new() { Name = "Сохранить новые условия" }).ClickAsync();
        await Assertions.Expect(page.Locator("#terms-form")).ToContainTextAsync("Порог Золотого уровня должен быть больше порога Серебряного");

        await page.Locator("#terms-form").GetByLabel("Серебряный: от, ₽").FillAsync("20000");
        await page.Locator("#terms-form").GetByLabel("Причина изменения").FillAsync("Порог Серебра выше с завтрашнего дня");
        await page.Locator("#terms-form").GetByRole(AriaRole.Button, new() { Name = "Сохранить новые условия" }).ClickAsync();
        await Assertions.Expect(page.Locator("#toasts .toast").Last).ToContainTextAsync("Новые условия сохранены");
        var planned = page.Locator("#terms-history tr", new() { HasText = "Порог Серебра выше" });
        await Assertions.Expect(planned).ToContainTextAsync("запланированы");
        await Assertions.Expect(planned).ToContainTextAsync("20 000 ₽");
        await Assertions.Expect(page.Locator("#terms-current")).ToContainTextAsync("от 15 000 ₽"); // today's terms unchanged
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "loyalty-settings.png"), FullPage = true });
    }
}
