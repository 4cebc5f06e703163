using AlAroma.E2E.Infrastructure;
using ClosedXML.Excel;
using Microsoft.Playwright;
using Npgsql;

namespace AlAroma.E2E;

/// <summary>
/// «Клиенты» in Chromium: a manager filters the list by level, opens a card, edits the name, and downloads the Excel
/// of the filtered list, which the test opens with ClosedXML.
/// </summary>
public sealed class CustomerCardTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task A_manager_filters_by_level_edits_a_card_and_exports_the_filtered_list()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        await using (var conn = new NpgsqlConnection(app.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO customers (phone, name, level, points_balance, created_at_utc, marketing_telegram, marketing_email, marketing_sms, tags) VALUES
                ('+79035550101', 'Клиентест Платина Первая', 'Platinum', 700, now(), false, false, false, '{e2e}'),
                ('+79035550102', 'Клиентест Платина Вторая', 'Platinum', 300, now(), false, false, false, '{e2e}'),
                ('+79035550103', 'Клиентест Стандарт', 'Standard', 10, now(), false, false, false, '{e2e}')
                ON CONFLICT DO NOTHING;
                """, conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var page = await app.LoginAsync("manager@alaroma.local");
        var problems = new List<string>(); // the CRM pages keep the strict CSP (no inline script or style)
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Text.StartsWith("Refused to", StringComparison.Ordinal))
                lock (problems) problems.Add($"{page.Url}: {m.Text}");
        };
        await page.GotoAsync("/customers");
        await page.GetByLabel("Телефон или имя").FillAsync("Клиентест");
        await page.GetByLabel("Уровень").SelectOptionAsync(new SelectOptionValue { Label = "Платиновый" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        var rows = page.Locator("#customers tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#total-points")).ToHaveTextAsync("1000");
        await Assertions.Expect(page.Locator("#customers")).Not.ToContainTextAsync("Клиентест Стандарт");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "customers-list-platinum.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Клиентест Платина Первая" }).ClickAsync();
        await Assertions.Expect(page.Locator("#customer-name")).ToHaveTextAsync("Клиентест Платина Первая");
        await Assertions.Expect(page.Locator("#level-progress")).ToHaveTextAsync("Высший уровень");
        await Assertions.Expect(page.Locator("#points-balance")).ToHaveTextAsync("700");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "customer-card.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Изменить", Exact = true }).ClickAsync();
        await page.GetByLabel("Имя", new() { Exact = true }).FillAsync("Клиентест Платина Изменённая");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await Assertions.Expect(page.Locator("#customer-name")).ToHaveTextAsync("Клиентест Платина Изменённая");

        await page.GetByRole(AriaRole.Link, new() { Name = "← Клиенты" }).ClickAsync();
        await page.GetByLabel("Телефон или имя").FillAsync("Клиентест");
        await page.GetByLabel("Уровень").SelectOptionAsync(new SelectOptionValue { Label = "Платиновый" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Экспорт в Excel" }).ClickAsync());
        Assert.StartsWith("klienty-", download.SuggestedFilename);
        var path = Path.Combine(AppServer.ArtifactsDir, "customers-" + download.SuggestedFilename);
        await download.SaveAsAsync(path);
        using var wb = new XLWorkbook(path);
        var ws = wb.Worksheet(1);
        var header = ws.RowsUsed().First(r => r.Cell(1).GetString() == "Клиент");
        var names = ws.RowsUsed().Where(r => r.RowNumber() > header.RowNumber()).Select(r => r.Cell(1).GetString()).Where(n => n != "Итого").ToList();
        Assert.Equal(["Клиентест Платина Вторая", "Клиентест Платина Изменённая"], names);

        await page.GotoAsync("/customers/merge?keep=%2B79035550102&merge=%2B79035550103");
        await Assertions.Expect(page.Locator("#merge-confirm")).ToBeVisibleAsync();
        await page.GotoAsync("/customers/import");
        await Assertions.Expect(page.GetByLabel("Файл")).ToBeVisibleAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
