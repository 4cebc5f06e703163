using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;
using OtpNet;

namespace AlAroma.E2E;

/// <summary>
/// Two-factor sign-in in Chromium as a person sets it up: from the profile to the setup page (QR code and key), the
/// code an authenticator app computes from the key, the recovery codes, then a sign-in that asks for the code after
/// the password.
/// </summary>
public sealed class TwoFactorTests(AppServer app) : IClassFixture<AppServer>
{
    /// <summary>What an authenticator app shows now for the key as the page shows it ("abcd efgh …").</summary>
    private static string AppCode(string shownKey) => new Totp(Base32Encoding.ToBytes(shownKey.Replace(" ", "").ToUpperInvariant())).ComputeTotp();

    [Fact]
    public async Task A_seller_sets_up_two_factor_on_the_profile_and_then_signs_in_with_a_code()
    {
        var page = await app.LoginAsync("seller@alaroma.local");
        await page.GotoAsync("/account/profile");
        await page.GetByRole(AriaRole.Link, new() { Name = "Включить двухфакторный вход" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Двухфакторный вход");
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "QR-код для приложения" });
        await Assertions.Expect(qr).ToBeVisibleAsync();
        // Visible is not loaded: wait for the picture itself (a broken image never gets a width, so this times out).
        await qr.EvaluateAsync("img => img.complete && img.naturalWidth > 0 || new Promise((ok, fail) => { img.onload = ok; img.onerror = () => fail('the QR image did not load'); })");
        Assert.True(await qr.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the QR image did not load");
        var key = (await page.Locator("#two-factor-key").InnerTextAsync()).Trim();

        await page.GetByLabel("Код из приложения").FillAsync(AppCode(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Включить" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Коды восстановления");
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Link, new() { Name = "Готово" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Выйти" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/account/login"));
        await page.GetByLabel("E-mail").FillAsync("seller@alaroma.local");
        await page.GetByLabel("Пароль").FillAsync(AlAroma.Web.Data.Seeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/account/login/code"));

        await page.GetByLabel("Код из приложения").FillAsync("000000" == AppCode(key) ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Код не подошёл.")).ToBeVisibleAsync();

        await page.GetByLabel("Код из приложения").FillAsync(AppCode(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/account/login"));
        await Assertions.Expect(page.Locator("#current-user")).ToHaveTextAsync("Продавцова Полина");
    }
}
