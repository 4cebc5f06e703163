using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Notifications.Channels.Email;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Features.Notifications.Templates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AlAroma.Tests.Notifications;

/// <summary>Helpers of the outbox tests: an app host sending to the test SMTP server, queueing, reading what arrived.</summary>
public static class OutboxKit
{
    /// <summary>A host of the app on the fixture's database whose e-mail goes to <paramref name="smtp"/>, with quick retries.</summary>
    public static WebApplicationFactory<Program> Host(AppFixture app, SmtpCapture smtp, params (string Key, string Value)[] settings) =>
        app.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Smtp:Host", "127.0.0.1");
            b.UseSetting("Smtp:Port", smtp.Port.ToString());
            b.UseSetting("Notifications:Outbox:FirstRetrySeconds", "0.05");
            foreach (var (k, v) in settings) b.UseSetting(k, v);
        });

    /// <summary>Queues <paramref name="count"/> test e-mails (committed); returns their ids.</summary>
    public static async Task<List<long>> QueueAsync(WebApplicationFactory<Program> host, int count, string to = "anna@example.com")
    {
        using var scope = host.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<NotificationOutbox>();
        var rows = Enumerable.Range(1, count).Select(i => outbox.Email(to, new TestEmail($"Письмо {i}"))).ToList();
        await scope.ServiceProvider.GetRequiredService<AlAroma.Web.Data.AppDbContext>().SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }

    /// <summary>Dispatches until none of <paramref name="ids"/> is pending or sending, or 60 s pass (backoffs are short).</summary>
    public static async Task SendAllAsync(WebApplicationFactory<Program> host, AppFixture app, IReadOnlyCollection<long> ids)
    {
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            await dispatcher.DispatchOnceAsync(default);
            await using var db = app.Db();
            if (!await db.Notifications.AnyAsync(n => ids.Contains(n.Id) && (n.Status == OutboxStatus.Pending || n.Status == OutboxStatus.Sending))) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("Queued messages were not sent within 60 s.");
    }

    /// <summary>One outbox row with its attempt log, as stored now.</summary>
    /// <summary>
    /// Dispatches until row <paramref name="id"/> had its first send attempt (at most 15 s): under load a granted rate
    /// slot may pass before the send starts, and the row then goes back to the queue unsent, with no attempt.
    /// </summary>
    public static async Task DispatchUntilTriedAsync(WebApplicationFactory<Program> host, AppFixture app, long id)
    {
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        var until = DateTime.UtcNow.AddSeconds(15);
        do await dispatcher.DispatchOnceAsync(default);
        while ((await RowAsync(app, id)).AttemptLog.Count == 0 && DateTime.UtcNow < until);
    }

    public static async Task<OutboxMessage> RowAsync(AppFixture app, long id)
    {
        await using var db = app.Db();
        return await db.Notifications.Include(n => n.AttemptLog).SingleAsync(n => n.Id == id);
    }

    /// <summary>The outbox ids of the messages the SMTP server received (one entry per delivery, repeats included).</summary>
    public static List<long> Delivered(SmtpCapture smtp) =>
        smtp.Messages().Select(raw => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw))))
            .Select(m => long.Parse(m.Headers[EmailSender.NotificationHeader] ?? "0")).ToList();
}
