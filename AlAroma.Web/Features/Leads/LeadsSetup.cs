using AlAroma.Web.Features.Leads.Import;

namespace AlAroma.Web.Features.Leads;

public static class LeadsSetup
{
    /// <summary>Registers the call centre: projects and suppliers, base loads and their worker, the numbers, the operator's screen, the CLI commands.</summary>
    public static void AddLeads(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddSingleton<LeadFiles>();
        s.AddScoped<UploadLeadImport>();
        s.AddScoped<MapLeadImport>();
        s.AddScoped<RunLeadImport>();
        s.AddScoped<GetLeadImport>();
        s.AddSingleton<LeadImportWorker>();
        s.AddHostedService(sp => sp.GetRequiredService<LeadImportWorker>());
        s.AddLeadProjects();
    }
}
