using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace AlAroma.E2E.Feedback;

/// <summary>
/// «Отзывы и обращения» in Chromium: a manager opens the inbox from the sidebar, filters by rating, opens a low
/// review, replies to the customer in Telegram and sees the status «отвечен» and the reply queued in the outbox.
/// </summary>
public sealed class FeedbackInboxTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task A_manager_filters_by_rating_opens_a_review_replies_and_sees_it_answered()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        await using (var conn = new NpgsqlConnection(app.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO customers (phone, name, level, points_balance, created_at_utc, marketing_telegram, marketing_email, marketing_sms, tags, telegram_chat_id)
                VALUES ('+79035550201', 'Отзывтест Недовольная', 'Standard', 0, now(), false, false, false, '{}', 7700001)
                ON CONFLICT DO NOTHING;
                INSERT INTO feedback (customer_id, kind, rating, text, location_id, status, created_at_utc, source)
                SELECT c.id, k.kind, k.rating, k.text, l.id, 'New', now() - k.ago, 'Bot'
                FROM customers c, locations l,
                     (VALUES ('Review', 3, 'Отзывтест: долго ждала на кассе', interval '2 hours'),
                             ('Review', 10, 'Отзывтест: всё прекрасно', interval '1 hour'),
                             ('Idea', NULL::int, 'Отзывтест: пробники у входа', interval '30 minutes')) AS k(kind, rating, text, ago)
                WHERE c.phone = '+79035550201' AND l.code = 'S1';
                """, conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var page = await app.LoginAsync("manager@alaroma.local");
        var problems = new List<string>(); // the inbox keeps the strict CSP (no inline script or style)
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Text.StartsWith("Refused to", StringComparison.Ordinal))
                lock (problems) problems.Add($"{page.Url}: {m.Text}");
        };
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Отзывы и обращения" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Отзывы и обращения");
        var rows = page.Locator("#feedback tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);

        await page.GetByLabel("Оценка от").FillAsync("1");
        await page.GetByLabel("до", new() { Exact = true }).FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Отзывтест: долго ждала на кассе");
        await Assertions.Expect(rows.First).ToContainTextAsync("3/10");
        // The month's figures count every review of the shop, whatever the rating filter: 3 and 10 → average 6,5, NPS 0.
        await Assertions.Expect(page.Locator("#feedback-nps tbody tr").First).ToContainTextAsync("6,5");

        await rows.First.Locator("a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#feedback-text")).ToHaveTextAsync("Отзывтест: долго ждала на кассе");
        await Assertions.Expect(page.Locator("#feedback-status")).ToHaveTextAsync("новый");
        await page.GetByLabel("Ответ клиенту в Telegram").FillAsync("Простите за ожидание: на выходных откроем вторую кассу.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ответить" }).ClickAsync();
        await Assertions.Expect(page.Locator("#feedback-status")).ToHaveTextAsync("отвечен");
        await Assertions.Expect(page.Locator("#feedback-replies")).ToContainTextAsync("Простите за ожидание");
        await Assertions.Expect(page.Locator("#feedback-replies")).ToContainTextAsync("Менеджерова Мария");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "feedback-answered.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "← Отзывы и обращения" }).ClickAsync();
        await Assertions.Expect(page.Locator("#feedback tbody tr", new() { HasText = "долго ждала" }).Locator(".feedback-status")).ToHaveTextAsync("отвечен");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "feedback-inbox.png"), FullPage = true });

        await using (var conn = new NpgsqlConnection(app.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT recipient FROM notifications WHERE entity_type = 'Feedback' AND channel = 'Telegram'", conn);
            Assert.Equal("7700001", await cmd.ExecuteScalarAsync());
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
