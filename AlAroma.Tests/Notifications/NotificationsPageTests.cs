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
}
