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

    [Fact]
    public async Task A_cookie_copied_before_logout_opens_nothing_after_it()
    {
        var page = await app.LoginAsync("manager@alaroma.local");
        var copied = await page.Context.CookiesAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Выйти" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/account/login"));

        var other = await app.NewPageAsync(); // another browser with the copied cookies
        await other.Context.AddCookiesAsync(copied.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        await other.GotoAsync("/reports");
        Assert.Contains("/account/login", other.Url);
    }

    [Fact]
    public async Task Guessing_one_e_mail_again_and_again_gets_a_russian_wait_message()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        IResponse? last = null;
        for (var i = 0; i < 11; i++) // the 11th attempt on one e-mail within minutes is over the limit (Security:SignIn:AttemptsPerAccount = 10)
        {
            await page.GetByLabel("E-mail").FillAsync("guess@alaroma.local");
            await page.GetByLabel("Пароль").FillAsync($"guess-{i}-password");
            last = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync(),
                r => r.Url.Contains("/account/login") && r.Request.Method == "POST");
        }
        Assert.Equal(429, last!.Status);
        await Assertions.Expect(page.Locator(".validation-summary-errors")).ToContainTextAsync("Слишком много попыток входа. Подождите");
        await Assertions.Expect(page.GetByLabel("Пароль")).ToBeVisibleAsync();
    }
}
