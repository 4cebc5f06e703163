using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;

namespace AlAroma.E2E;

/// <summary>«Забыли пароль?» as a staff member goes through it: the login page, the e-mail, the link, the new password, signed in.</summary>
public sealed class PasswordResetTests(MailAppServer app) : IClassFixture<MailAppServer>
{
    [Fact]
    public async Task Forgot_password_on_the_login_page_then_the_link_from_the_mail_sets_a_new_password_and_signs_in_with_it()
    {
        const string email = "seller@alaroma.local", password = "Vesennii-veter-nad-Tverskoi";
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Забыли пароль?" }).ClickAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Отправить ссылку" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Если адрес зарегистрирован, мы отправили на него ссылку");

        var link = await app.WaitForLinkAsync(email, "/account/reset-password");
        Assert.StartsWith(app.BaseUrl, link); // absolute, from the request (App:PublicUrl is empty)
        await page.GotoAsync(link);
        await page.GetByLabel("Новый пароль").FillAsync(password);
        await page.GetByLabel("Повторите пароль").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить пароль" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Пароль изменён. Войдите с новым паролем.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("E-mail")).ToHaveValueAsync(email);
        await page.GetByLabel("Пароль").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/account/"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#current-user")).ToHaveTextAsync("Продавцова Полина");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "password-reset-signed-in.png") });
    }
}
