using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;

namespace AlAroma.E2E.Admin;

public sealed class OutboxPageTests(MailAppServer app) : IClassFixture<MailAppServer>
{
    [Fact]
    public async Task Admin_sends_a_test_e_mail_from_the_outbox_page_and_sees_it_sent_and_filtered_by_channel()
    {
        var page = await app.LoginAsync("admin@alaroma.local");
        await page.Locator(".app-sidebar").GetByRole(AriaRole.Link, new() { Name = "Уведомления" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Уведомления");

        var form = page.Locator("form[action='/admin/notifications/test']");
        await form.Locator("select[name=channel]").SelectOptionAsync("Email");
        await form.Locator("input[name=recipient]").FillAsync("probe@example.com");
        await form.Locator("input[name=text]").FillAsync("Проверка почты из браузера");
        await form.GetByRole(AriaRole.Button, new() { Name = "Отправить" }).ClickAsync();
        await Assertions.Expect(page.Locator("#toasts .toast").Last).ToContainTextAsync("Проверочное сообщение поставлено в очередь: probe@example.com");

        // The dispatcher polls every second: reload until the row says it went out.
        var row = page.Locator("tbody tr", new() { HasText = "probe@example.com" });
        for (var i = 0; i < 30 && !(await row.InnerTextAsync()).Contains("Отправлено"); i++)
        {
            await Task.Delay(1000);
            await page.ReloadAsync();
        }
        await Assertions.Expect(row).ToContainTextAsync("Отправлено");
        Assert.Contains(app.Smtp.Messages(), m => m.Contains("probe@example.com"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "admin-outbox-sent.png"), FullPage = true });

        await page.Locator("form.filters select[name=Channel]").SelectOptionAsync("Sms");
        await page.Locator("form.filters").GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr", new() { HasText = "probe@example.com" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "admin-outbox-filtered.png"), FullPage = true });
    }
}
