using AlAroma.Web.Infrastructure.Jobs;

namespace AlAroma.Web.Features.Reports;

public static class ReportsSetup
{
    /// <summary>Registers the Reports feature's handlers and services, and the morning daily report e-mail (07:00).</summary>
    public static void AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GetDailySales>();
        builder.Services.AddScoped<GetStockBalances>();
        builder.Services.AddScoped<GetReportsPage>();
        builder.Services.AddScoped<EmailDailyReport>();
        builder.AddScheduledJob<EmailDailyReportJob>("daily-report-email",
            "Ежедневный отчёт о продажах за вчера (Excel) на почту менеджерам и администраторам, включившим рассылку", "DailyReportEmail", "0 0 7 * * ?");
    }
}
