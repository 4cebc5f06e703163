using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Notifications;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Reports;
using AlAroma.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Reports;

/// <summary>The morning daily report e-mail: yesterday's sales Excel to the managers and admins who opted in, once a day.</summary>
public sealed class DailyReportEmailTests(SalesReportFixture f, SmtpCapture smtp) : IClassFixture<SalesReportFixture>, IClassFixture<SmtpCapture>
{
    /// <summary>07:00 Moscow on 24.11.2026: "yesterday" is the fixture's 23.11.2026.</summary>
    private sealed class MorningClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 24, 4, 0, 0, TimeSpan.Zero);
    }

    private async Task<JobOutcome> RunAsync()
    {
        await using var host = f.App.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new MorningClock())));
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EmailDailyReport>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Yesterdays_workbook_goes_only_to_opted_in_managers_and_admins_and_a_second_run_sends_nothing()
    {
        await using (var db = f.App.Db())
        {
            await db.Notifications.ExecuteDeleteAsync();
            // The manager opted in; the storekeeper's flag is ignored (not a manager or admin); the admin did not opt in.
            await db.Users.Where(u => u.Email == "manager@alaroma.local" || u.Email == "storekeeper@alaroma.local")
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.DailyReportByEmail, true));
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(1, first.Rows);
        Assert.Contains("23.11.2026", first.Summary);
        Assert.Equal(0, second.Rows);
        await CapturedMail.SendQueuedAsync(OutboxKit.Host(f.App, smtp), f.App);
        var mail = Assert.Single(CapturedMail.To(smtp, "manager@alaroma.local"));
        Assert.Equal("Al Aroma: продажи за 23.11.2026", mail.Subject);
        Assert.Contains(AlAroma.Web.Infrastructure.Money.Format(11100m), mail.TextBody);
        Assert.Empty(CapturedMail.To(smtp, "storekeeper@alaroma.local"));
        Assert.Empty(CapturedMail.To(smtp, "admin@alaroma.local"));

        var attachment = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("prodazhi-2026-11-23.xlsx", attachment.FileName);
        using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes);
        using var wb = Workbooks.Open(bytes.ToArray());
        var summary = wb.Worksheet(DailySalesWorkbook.Summary);
        decimal Field(string label) => summary.RowsUsed().Single(x => x.Cell(1).GetString() == label).Cell(2).GetValue<decimal>();
        Assert.Equal(11100m, Field("Выручка"));
        Assert.Equal(4m, Field("Чеков"));
    }
}
