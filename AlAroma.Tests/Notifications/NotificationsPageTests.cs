using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Tests.Notifications;

/// <summary>The «Уведомления» page: the outbox with counts and errors, «Повторить», the test send, who may open it.</summary>
public sealed class NotificationsPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<long> FailedRowAsync()
    {
        await using var db = app.Db();
        var m = new OutboxMessage
        {
            Channel = Channel.Email, Recipient = "olga@example.com", TemplateKey = "TestEmail", Data = "{\"Text\":\"x\"}", Summary = "Проверка",
            Status = OutboxStatus.Failed, Attempts = 6, LastError = "Почтовый сервер временно отказал (451): busy",
            CreatedAtUtc = DateTime.UtcNow, NextAttemptAtUtc = DateTime.UtcNow,
        };
        m.AttemptLog.Add(new OutboxAttempt { Number = 1, AtUtc = DateTime.UtcNow, Outcome = "failed", Error = m.LastError });
        db.Notifications.Add(m);
        await db.SaveChangesAsync();
        return m.Id;
    }

    [Fact]
    public async Task The_admin_sees_a_failed_message_with_its_error_and_retry_puts_it_back_in_the_queue()
    {
        var id = await FailedRowAsync();
        var client = await app.ClientAsync("admin@alaroma.local");

        var html = await client.GetStringAsync("/admin/notifications?Status=Failed");
        Assert.Contains("olga@example.com", html);
        Assert.Contains("(451): busy", html);
        Assert.Contains("Не отправлено: 1", html);
        Assert.Contains($"/admin/notifications/{id}/retry", html);

        var token = await AppFixture.FormTokenAsync(client, "/admin/notifications");
        var resp = await client.PostAsync($"/admin/notifications/{id}/retry", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        await using var db = app.Db();
        var row = await db.Notifications.SingleAsync(n => n.Id == id);
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Equal(0, row.Attempts);
    }

    [Fact]
    public async Task A_manager_sends_a_test_message_and_it_waits_in_the_outbox_while_a_cashier_may_not_open_the_page()
    {
        var manager = await app.ClientAsync("manager@alaroma.local");
        var token = await AppFixture.FormTokenAsync(manager, "/admin/notifications");
        var resp = await manager.PostAsync("/admin/notifications/test", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["channel"] = "Email", ["recipient"] = " test.send@example.com ", ["text"] = "Работает?", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        var html = await manager.GetStringAsync("/admin/notifications?Recipient=test.send");
        Assert.Contains("test.send@example.com", html);
        Assert.Contains("В очереди", html);

        var cashier = await app.ClientAsync("cashier@alaroma.local");
        var denied = await cashier.GetAsync("/admin/notifications");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }

    /// <summary>Ids of the rows on an outbox page, in display order.</summary>
    private static List<long> RowIds(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "data-notification=\"(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value)).ToList();

    /// <summary>The href of the pager link with <paramref name="rel"/> ("next", "prev"), or null when it is disabled.</summary>
    private static string? PagerLink(string html, string rel) =>
        System.Text.RegularExpressions.Regex.Match(html, $"rel=\"{rel}\" href=\"([^\"]+)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [Theory]
    [InlineData("")]            // newest first: every row created in the same instant, told apart by id
    [InlineData("&sort=attempts")]
    [InlineData("&sort=-recipient")]
    public async Task Paging_across_the_50_row_boundary_shows_every_message_once_in_order_and_comes_back(string sort)
    {
        var tag = $"page{Guid.NewGuid():N}"[..12];
        var at = DateTime.UtcNow;
        await using (var db = app.Db())
        {
            db.Notifications.AddRange(Enumerable.Range(0, SearchNotifications.PageSize + 3).Select(i => new OutboxMessage
            {
                Channel = Channel.Email, Recipient = $"{tag}-{i % 7}@example.com", TemplateKey = "TestEmail", Data = "{\"Text\":\"x\"}",
                Summary = $"Страница {i}", Status = OutboxStatus.Sent, Attempts = i % 3, CreatedAtUtc = at, NextAttemptAtUtc = at, SentAtUtc = at,
            }));
            await db.SaveChangesAsync();
        }
        List<OutboxMessage> all;
        await using (var db = app.Db()) all = await db.Notifications.Where(n => n.Recipient.StartsWith(tag)).ToListAsync();
        var expected = (sort switch
        {
            "&sort=attempts" => all.OrderBy(n => n.Attempts).ThenBy(n => n.Id),
            "&sort=-recipient" => all.OrderByDescending(n => n.Recipient, StringComparer.Ordinal).ThenByDescending(n => n.Id),
            _ => all.OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id),
        }).Select(n => n.Id).ToList();
        var client = await app.ClientAsync("manager@alaroma.local");

        var first = await client.GetStringAsync($"/admin/notifications?Recipient={tag}{sort}");
        Assert.Equal(expected.Take(SearchNotifications.PageSize), RowIds(first));
        Assert.Contains($"Всего: {SearchNotifications.PageSize + 3}", first);
        Assert.Null(PagerLink(first, "prev"));
        var next = PagerLink(first, "next");
        Assert.NotNull(next);
        Assert.Contains($"Recipient={tag}", next);   // the filter and the sort are kept

        var second = await client.GetStringAsync(next);
        Assert.Equal(expected.Skip(SearchNotifications.PageSize), RowIds(second));
        Assert.Null(PagerLink(second, "next"));
        var back = await client.GetStringAsync(PagerLink(second, "prev")!);
        Assert.Equal(expected.Take(SearchNotifications.PageSize), RowIds(back));
    }
}
