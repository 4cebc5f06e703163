using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;

namespace AlAroma.E2E.Admin;

public sealed class JobsPageTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Admin_runs_a_job_now_sees_its_last_run_appear_and_pauses_and_resumes_it()
    {
        var page = await app.LoginAsync("admin@alaroma.local");
        await page.Locator(".app-sidebar").GetByRole(AriaRole.Link, new() { Name = "Задания" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Задания");

        var row = page.Locator("tr[data-job='audit-cleanup']");
        await Assertions.Expect(row).ToContainTextAsync("Очистка журнала аудита");
        await Assertions.Expect(row).ToContainTextAsync("ежедневно в 04:00");
        await Assertions.Expect(row.Locator(".job-last")).ToContainTextAsync("ещё не запускалось");

        await row.GetByRole(AriaRole.Button, new() { Name = "Запустить сейчас" }).ClickAsync();
        // The table re-reads itself: the run shows up without reloading the page.
        await Assertions.Expect(row.Locator(".job-last")).ToContainTextAsync("Успешно", new() { Timeout = 60_000 });
        await Assertions.Expect(row.Locator(".job-last")).ToContainTextAsync("Записей старше 90 дней нет");
        await Assertions.Expect(row.Locator(".job-last")).ToContainTextAsync("вручную: Админов Алексей");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "admin-jobs-run-now.png"), FullPage = true });

        await row.GetByRole(AriaRole.Button, new() { Name = "Приостановить" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Приостановлено");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Возобновить" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "admin-jobs-paused.png"), FullPage = true });

        await row.GetByRole(AriaRole.Button, new() { Name = "Возобновить" }).ClickAsync();
        await Assertions.Expect(row).Not.ToContainTextAsync("Приостановлено");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Приостановить" })).ToBeVisibleAsync();
    }
}
