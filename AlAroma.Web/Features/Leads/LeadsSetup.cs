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
        s.AddScoped<Numbers.ListLeads>();
        s.AddScoped<Numbers.ExportLeads>();
        s.AddScoped<Work.NextLead>();
        s.AddScoped<Work.RecordLeadResult>();
        s.AddScoped<Work.GetLeadCard>();
        s.AddScoped<Telephony.ApplyCallEvent>();
        s.AddScoped<Conversion.GetConversion>();
        s.AddSingleton<LeadImportWorker>();
        s.AddHostedService(sp => sp.GetRequiredService<LeadImportWorker>());
        LeadCommands.Register();
        s.AddLeadProjects();
    }
}
