namespace AlAroma.Web.Features.Reports;

public static class ReportsSetup
{
    /// <summary>Registers the Reports feature's handlers and services.</summary>
    public static void AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GetDailySales>();
        builder.Services.AddScoped<GetStockBalances>();
        builder.Services.AddScoped<GetReportsPage>();
    }
}
