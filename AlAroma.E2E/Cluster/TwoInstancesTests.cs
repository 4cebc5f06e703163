using System.Text.RegularExpressions;
using AlAroma.E2E.Infrastructure;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Notifications.Channels.Email;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Features.Notifications.Templates;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using Npgsql;

namespace AlAroma.E2E.Cluster;

/// <summary>
/// Two instances behind nginx (round robin) over one PostgreSQL: a sign-in made on one holds on the other, a till sale
/// survives its next request landing on the other instance, a bell event raised by one reaches browsers connected to
/// each, a job scheduled on both fires once per firing, and the outbox of both sends each message once.
/// </summary>
public sealed class TwoInstancesTests(ClusterServer cluster) : IClassFixture<ClusterServer>
{
    private static readonly string[] Instances = ["A", "B"];

    /// <summary>How many requests for paths starting with <paramref name="path"/> nginx sent to each instance.</summary>
    private int[] Served(string path) => cluster.InstanceUrls.Select(u => cluster.AccessLog.Split('\n')
        .Count(l => l.Split(' ') is [_, var uri, _, var upstream] && uri.StartsWith(path, StringComparison.Ordinal) && upstream == new Uri(u).Authority)).ToArray();

    [Fact]
    public async Task A_till_day_through_the_proxy_uses_both_instances_as_one()
    {
        Assertions.SetDefaultExpectTimeout(20_000);
        int productId;
        string barcode;
        await using (var conn = new NpgsqlConnection(cluster.ConnectionString))
        {
            await conn.OpenAsync();
            // A product S1 has 5 of, with a minimum of 5: the first sale of it rings S1's bell (low stock).
            await using var cmd = new NpgsqlCommand("""
                SELECT p.id, b.code FROM products p JOIN barcodes b ON b.product_id = p.id
                JOIN stock_balances s ON s.product_id = p.id JOIN locations l ON l.id = s.location_id AND l.code = 'S1'
                WHERE s.quantity >= 5 ORDER BY p.id LIMIT 1
                """, conn);
            await using (var r = await cmd.ExecuteReaderAsync())
            {
                await r.ReadAsync();
                (productId, barcode) = (r.GetInt32(0), r.GetString(1));
            }
            await using var min = new NpgsqlCommand($"UPDATE stock_balances SET min_quantity = quantity WHERE product_id = {productId} AND location_id = (SELECT id FROM locations WHERE code = 'S1')", conn);
            await min.ExecuteNonQueryAsync();
        }

        // The seller of S1 watches the bell on each instance directly (not through the proxy).
        var watchers = new List<IPage>();
        foreach (var url in cluster.InstanceUrls)
        {
            var w = await cluster.LoginAsync("seller@alaroma.local", url);
            await w.GotoAsync("/notifications");
            await Assertions.Expect(w.Locator("#bell-count")).ToHaveTextAsync("0");
            watchers.Add(w);
        }

        // The cashier works through the proxy: every request may land on either instance.
        var page = await cluster.LoginAsync("cashier@alaroma.local");
        var scanner = await page.OpenShiftAsync("1000");
        for (var i = 0; i < 3; i++)
        {
            await page.ScanAsync(barcode);
            await Assertions.Expect(page.Locator("#pos-cart .pos-qty-value")).ToHaveTextAsync((i + 1).ToString());
        }
        await page.Keyboard.PressAsync("F3");
        await Assertions.Expect(page.Locator("#pos-pay")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Пробить чек" }).ClickAsync();
        await page.WaitForURLAsync("**/pos/sales/*");
        await Assertions.Expect(page.Locator("#receipt")).ToContainTextAsync("Товарный чек № S1-000001");
        // The next requests go round the instances: the sale is in the list whichever answers.
        for (var i = 0; i < 4; i++)
        {
            await page.GotoAsync("/pos/sales");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("S1-000001");
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "cluster-sales.png"), FullPage = true });

        // Both instances served the signed-in cashier: the sign-in cookie of one is good on the other.
        var served = Served("/pos");
        Assert.True(served.All(n => n > 0), $"requests per instance for /pos: {string.Join(", ", served)}\n{cluster.AccessLog}");

        // Low stock was raised by the instance that took the checkout; the bell rings on both.
        foreach (var (w, name) in watchers.Zip(Instances))
            await Assertions.Expect(w.Locator("#bell-count")).ToHaveTextAsync("1", new() { Timeout = 20_000 });

        await using var db = TestPostgres.NewContext(cluster.ConnectionString);
        Assert.Equal(1, await db.Sales.CountAsync());
        var sale = await db.Sales.Include(s => s.Lines).Include(s => s.Payments).SingleAsync();
        Assert.Equal((3, sale.Total), (sale.Lines.Sum(l => l.Quantity), sale.Payments.Sum(p => p.Amount)));
    }

    [Fact]
    public async Task A_job_scheduled_on_both_instances_fires_once_per_firing()
    {
        await Task.Delay(TimeSpan.FromSeconds(22));
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync();
        // A firing run twice would start twice within moments (both nodes at the same second); firings are 5 s apart.
        await using var cmd = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM job_runs WHERE job_key = 'audit-cleanup'),
                   (SELECT count(*) FROM job_runs a JOIN job_runs b ON a.id < b.id AND a.job_key = b.job_key
                    WHERE a.job_key = 'audit-cleanup' AND abs(extract(epoch FROM a.started_at_utc - b.started_at_utc)) < 2.5),
                   (SELECT count(DISTINCT instance_id) FROM job_runs WHERE job_key = 'audit-cleanup')
            """, conn);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        var (runs, doubles, instances) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
        Console.WriteLine($"[cluster] audit-cleanup every 5 s: {runs} runs, {doubles} doubled firings, on {instances} instance(s)");
        Assert.True(runs >= 3, $"only {runs} runs in 22 s");
        Assert.Equal(0, doubles);
    }

    [Fact]
    public async Task The_outbox_of_both_instances_sends_each_message_once()
    {
        const int count = 30;
        await using (var db = TestPostgres.NewContext(cluster.ConnectionString))
        {
            var outbox = new NotificationOutbox(db, new NamedUser(null, "test"), TimeProvider.System);
            for (var i = 0; i < count; i++) outbox.Email($"cluster{i}@example.com", new TestEmail($"Письмо {i}"));
            await db.SaveChangesAsync();
        }
        var until = DateTime.UtcNow.AddSeconds(60);
        List<string> ids;
        do
        {
            await Task.Delay(500);
            ids = cluster.Smtp.Messages().Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m))))
                .Where(m => m.To.Mailboxes.Any(a => a.Address.StartsWith("cluster", StringComparison.Ordinal)))
                .Select(m => m.Headers[EmailSender.NotificationHeader] ?? "").ToList();
        }
        while (ids.Count < count && DateTime.UtcNow < until);
        await Task.Delay(3000); // a second copy would come within a poll or two
        ids = cluster.Smtp.Messages().Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m))))
            .Where(m => m.To.Mailboxes.Any(a => a.Address.StartsWith("cluster", StringComparison.Ordinal)))
            .Select(m => m.Headers[EmailSender.NotificationHeader] ?? "").ToList();
        Assert.Equal(count, ids.Count);
        Assert.Equal(count, ids.Distinct().Count());
        await using var check = TestPostgres.NewContext(cluster.ConnectionString);
        Assert.Equal(count, await check.Notifications.CountAsync(n => n.Recipient.StartsWith("cluster") && n.Status == OutboxStatus.Sent));
    }
}
