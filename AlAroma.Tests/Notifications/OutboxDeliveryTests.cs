using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Notifications;

/// <summary>The e-mail outbox against a real SMTP server (aiosmtpd): nothing lost, nothing sent twice.</summary>
public sealed class OutboxDeliveryTests(AppFixture app, SmtpCapture smtp) : IClassFixture<AppFixture>, IClassFixture<SmtpCapture>
{
    private async Task ClearAsync()
    {
        smtp.Accept();
        await using var db = app.Db();
        await db.Notifications.ExecuteDeleteAsync();
    }

    private List<long> DeliveredOf(IReadOnlyCollection<long> ids) => OutboxKit.Delivered(smtp).Where(ids.Contains).ToList();

    [Fact]
    public async Task A_server_that_refuses_the_first_attempts_gets_each_message_exactly_once_and_the_attempts_are_recorded()
    {
        await ClearAsync();
        var host = OutboxKit.Host(app, smtp);
        var ids = await OutboxKit.QueueAsync(host, 5);
        smtp.RefuseNext(3);

        await OutboxKit.SendAllAsync(host, app, ids);

        var delivered = DeliveredOf(ids);
        Assert.Equal(ids.Order(), delivered.Order());
        await using var db = app.Db();
        var rows = await db.Notifications.Include(n => n.AttemptLog).Where(n => ids.Contains(n.Id)).ToListAsync();
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        Assert.All(rows, r => Assert.NotNull(r.SentAtUtc));
        Assert.Equal(5 + 3, rows.Sum(r => r.AttemptLog.Count));
        Assert.Equal(3, rows.SelectMany(r => r.AttemptLog).Count(a => a.Outcome == "retry" && a.Error!.Contains("451")));
        Assert.All(rows, r => Assert.Equal("sent", r.AttemptLog.OrderBy(a => a.Number).Last().Outcome));
    }

    [Fact]
    public async Task With_the_server_down_all_the_time_nothing_is_lost_all_fail_with_the_error_and_retry_delivers_them()
    {
        await ClearAsync();
        var host = OutboxKit.Host(app, smtp, ("Notifications:Outbox:MaxAttempts", "3"));
        var ids = await OutboxKit.QueueAsync(host, 4);
        smtp.RefuseAll();

        await OutboxKit.SendAllAsync(host, app, ids);

        Assert.Empty(DeliveredOf(ids));
        await using (var db = app.Db())
        {
            var rows = await db.Notifications.Include(n => n.AttemptLog).Where(n => ids.Contains(n.Id)).ToListAsync();
            Assert.Equal(4, rows.Count);
            Assert.All(rows, r => Assert.Equal(OutboxStatus.Failed, r.Status));
            Assert.All(rows, r => Assert.Contains("451", r.LastError));
            Assert.All(rows, r => Assert.Equal(3, r.AttemptLog.Count));
        }

        smtp.Accept();
        using (var scope = host.Services.CreateScope())
            Assert.Equal(4, await scope.ServiceProvider.GetRequiredService<RetryNotifications>().HandleAsync(ids, default));
        await OutboxKit.SendAllAsync(host, app, ids);

        Assert.Equal(ids.Order(), DeliveredOf(ids).Order());
        await using (var db = app.Db())
            Assert.All(await db.Notifications.Where(n => ids.Contains(n.Id)).ToListAsync(), r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }

    [Fact]
    public async Task Two_dispatchers_on_one_table_never_send_the_same_row_twice()
    {
        await ClearAsync();
        var first = OutboxKit.Host(app, smtp, ("Notifications:Outbox:BatchSize", "10"));
        var second = OutboxKit.Host(app, smtp, ("Notifications:Outbox:BatchSize", "10"));
        var ids = await OutboxKit.QueueAsync(first, 1000);

        var a = first.Services.GetRequiredService<OutboxDispatcher>();
        var b = second.Services.GetRequiredService<OutboxDispatcher>();
        var sent = await Task.WhenAll(Task.Run(() => a.DrainAsync(default)), Task.Run(() => b.DrainAsync(default)));

        var delivered = DeliveredOf(ids);
        Assert.Equal(1000, delivered.Count);
        Assert.Equal(1000, delivered.Distinct().Count());
        Assert.All(sent, n => Assert.True(n > 0, "both dispatchers took part"));
        Assert.Equal(1000, sent.Sum());
    }

    [Fact]
    public async Task A_row_left_sending_by_a_killed_process_is_sent_once_its_lease_expires_and_not_before()
    {
        await ClearAsync();
        var host = OutboxKit.Host(app, smtp);
        var ids = await OutboxKit.QueueAsync(host, 2);
        await using (var db = app.Db())
        {
            // What a process killed mid-send leaves: claimed (attempt 1), lease of one row over, of the other not yet.
            await db.Notifications.Where(n => n.Id == ids[0]).ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, OutboxStatus.Sending)
                .SetProperty(n => n.Attempts, 1).SetProperty(n => n.NextAttemptAtUtc, DateTime.UtcNow.AddSeconds(-1)));
            await db.Notifications.Where(n => n.Id == ids[1]).ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, OutboxStatus.Sending)
                .SetProperty(n => n.Attempts, 1).SetProperty(n => n.NextAttemptAtUtc, DateTime.UtcNow.AddMinutes(10)));
        }

        await host.Services.GetRequiredService<OutboxDispatcher>().DrainAsync(default);

        Assert.Equal([ids[0]], DeliveredOf(ids));
        await using (var db = app.Db())
        {
            var expired = await db.Notifications.SingleAsync(n => n.Id == ids[0]);
            Assert.Equal(OutboxStatus.Sent, expired.Status);
            Assert.Equal(2, expired.Attempts);
            Assert.Equal(OutboxStatus.Sending, (await db.Notifications.SingleAsync(n => n.Id == ids[1])).Status);
        }
    }

    [Fact]
    public async Task A_bad_address_refused_with_550_fails_at_once_and_the_feature_is_told()
    {
        await ClearAsync();
        var host = OutboxKit.Host(app, smtp).WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.AddScoped<INotificationFailureHandler, RecordingFailureHandler>()));
        long id;
        using (var scope = host.Services.CreateScope())
        {
            var m = scope.ServiceProvider.GetRequiredService<NotificationOutbox>()
                .Email("bounce@example.com", new AlAroma.Web.Features.Notifications.Templates.TestEmail("x"), new NotificationSubject("Test", "7"));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
            id = m.Id;
        }

        await OutboxKit.SendAllAsync(host, app, [id]);

        await using var db = app.Db();
        var row = await db.Notifications.Include(n => n.AttemptLog).SingleAsync(n => n.Id == id);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Single(row.AttemptLog);
        Assert.Contains("550", row.LastError);
        Assert.Contains((id, true), RecordingFailureHandler.Seen);
    }

    private sealed class RecordingFailureHandler : INotificationFailureHandler
    {
        public static readonly System.Collections.Concurrent.ConcurrentBag<(long, bool)> Seen = [];
        public bool Handles(string? entityType) => entityType == "Test";
        public Task OnFailedAsync(OutboxMessage message, bool permanent, CancellationToken ct)
        {
            Seen.Add((message.Id, permanent));
            return Task.CompletedTask;
        }
    }
}
