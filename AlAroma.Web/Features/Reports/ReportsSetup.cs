namespace AlAroma.Web.Features.Reports;

public static class ReportsSetup
{
    /// <summary>Registers the Reports feature's handlers and services.</summary>
    public static void AddReports(this WebApplicationBuilder builder)
    {
    }
}
