using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;

namespace AlAroma.E2E;

public sealed class LoginTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Wrong_password_is_refused_with_a_russian_message_and_a_manager_lands_on_the_dashboard()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Contains("/account/login", page.Url);
        await page.GetByLabel("E-mail").FillAsync("manager@alaroma.local");
        await page.GetByLabel("Пароль").FillAsync("wrong-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Неверный e-mail или пароль.")).ToBeVisibleAsync();

        var manager = await app.LoginAsync("manager@alaroma.local");
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Главная");
        await Assertions.Expect(manager.Locator("#current-user")).ToHaveTextAsync("Менеджерова Мария");
        // The sidebar shows only what a manager may open: no user administration.
        await Assertions.Expect(manager.Locator(".app-sidebar")).ToContainTextAsync("Отчёты");
        await Assertions.Expect(manager.Locator(".app-sidebar")).Not.ToContainTextAsync("Пользователи");
    }
}
