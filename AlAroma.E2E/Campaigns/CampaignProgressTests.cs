using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace AlAroma.E2E.Campaigns;

/// <summary>
/// «Рассылки» in Chromium: a manager makes a Telegram campaign for a tagged segment, sees the audience and the
/// preview, sends it now, and watches the progress bar move while the fake Bot API receives the messages.
/// </summary>
public sealed class CampaignProgressTests(TelegramAppServer app) : IClassFixture<TelegramAppServer>
{
    private const int Customers = 40;
    private const long FirstChat = 9_100_001;

    [Fact]
    public async Task A_manager_sends_a_telegram_campaign_and_the_progress_bar_moves_while_the_bot_api_receives_it()
    {
        Assertions.SetDefaultExpectTimeout(20_000);
        await using (var conn = new NpgsqlConnection(app.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO customers (phone, name, level, points_balance, created_at_utc, marketing_telegram, telegram_consent_at_utc,
                                       marketing_email, marketing_sms, tags, telegram_chat_id, telegram_user_id)
                SELECT '+7903777' || lpad(i::text, 4, '0'), 'Рассылкина ' || i, 'Silver', 100 + i, now(), true, now(), false, false,
                       '{рассылка-e2e}', @first + i - 1, @first + i - 1
                FROM generate_series(1, @n) AS i
                """, conn);
            cmd.Parameters.AddWithValue("first", FirstChat);
            cmd.Parameters.AddWithValue("n", Customers);
            await cmd.ExecuteNonQueryAsync();
        }

        var page = await app.LoginAsync("manager@alaroma.local");
        var problems = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Text.StartsWith("Refused to", StringComparison.Ordinal))
                lock (problems) problems.Add($"{page.Url}: {m.Text}");
        };
        page.Dialog += async (_, d) => await d.AcceptAsync();
        await page.Locator(".app-sidebar").GetByRole(AriaRole.Link, new() { Name = "Рассылки" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Рассылки");
        await page.GetByRole(AriaRole.Link, new() { Name = "Новая рассылка" }).ClickAsync();

        await page.GetByLabel("Название").FillAsync("Серебро: осенние ароматы");
        await page.Locator("#Segment_Tag").SelectOptionAsync("рассылка-e2e");
        await Assertions.Expect(page.Locator("#audience-count")).ToHaveTextAsync(Customers.ToString());
        await page.GetByLabel("Текст").FillAsync("{Имя}, у вас {Баллы} баллов. Уровень {Уровень} — ждём вас!");
        await Assertions.Expect(page.Locator("#preview-text")).ToHaveTextAsync("Рассылкина 1, у вас 101 баллов. Уровень Серебряный — ждём вас!");

        await page.GetByRole(AriaRole.Button, new() { Name = "Отправить сейчас" }).ClickAsync();
        await Assertions.Expect(page.Locator("#campaign-status")).ToHaveTextAsync("Отправляется");

        // The outbox sends 10 a second, the page polls every second: the bar is seen part-way, then full.
        var seen = new List<int>();
        var shot = false;
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            var sent = int.Parse(await page.Locator("#count-sent").InnerTextAsync());
            if (seen.Count == 0 || seen[^1] != sent) seen.Add(sent);
            if (sent is > 0 and < Customers && !shot)
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "campaign-in-progress.png"), FullPage = true });
                shot = true;
            }
            if (sent == Customers) break;
            await Task.Delay(250);
        }
        Assert.True(shot, $"The progress was never seen part-way: {string.Join(" → ", seen)}\n{app.Log}");
        Assert.True(seen.Count >= 3, $"The bar should move in steps: {string.Join(" → ", seen)}");
        Assert.Equal(seen.Order(), seen);
        await Assertions.Expect(page.Locator("#campaign-progress")).ToHaveAttributeAsync("data-running", "false");
        await Assertions.Expect(page.Locator("#campaign-status")).ToHaveTextAsync("Завершена");
        await Assertions.Expect(page.Locator("#count-queued")).ToHaveTextAsync("0");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "campaign-done.png"), FullPage = true });

        var received = app.Bot.Calls.Where(c => c.Chat >= FirstChat && c.Chat < FirstChat + Customers && c.Status == 200).ToList();
        Assert.Equal(Customers, received.Count);
        Assert.Equal(Customers, received.Select(c => c.Chat).Distinct().Count());
        Assert.Contains(received, c => c.Text == "Рассылкина 7, у вас 107 баллов. Уровень Серебряный — ждём вас!");
        Assert.Empty(problems);
    }
}
