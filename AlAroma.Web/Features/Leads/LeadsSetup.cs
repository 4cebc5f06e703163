using AlAroma.Web.Features.Leads.Import;
using AlAroma.Web.Features.Leads.Sftp;
using AlAroma.Web.Infrastructure.Jobs;

namespace AlAroma.Web.Features.Leads;

public static class LeadsSetup
{
    /// <summary>The key of the SFTP job (its run history, «Запустить сейчас»).</summary>
    public const string SftpJobKey = "lead-sftp";

    /// <summary>Registers the call centre: projects and suppliers, base loads and their worker, the numbers, the operator's screen, the SFTP exchanges and their job, the CLI commands.</summary>
    public static void AddLeads(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddLeadLoads();
        s.AddScoped<MapLeadImport>();
        s.AddScoped<GetLeadImport>();
        s.AddScoped<Work.NextLead>();
        s.AddScoped<Work.RecordLeadResult>();
        s.AddScoped<Work.GetLeadCard>();
        s.AddScoped<Telephony.ApplyCallEvent>();
        // Click-to-call is never retried (a retry would ring twice): a plain client with a short timeout.
        s.AddHttpClient<Telephony.ZadarmaCallback>(c => c.Timeout = TimeSpan.FromSeconds(10));
        s.AddScoped<Work.CallThroughPbx>();
        s.AddScoped<Conversion.GetConversion>();
        s.AddSingleton<LeadImportWorker>();
        s.AddHostedService(sp => sp.GetRequiredService<LeadImportWorker>());
        s.AddSingleton<SftpSecrets>();
        s.AddScoped<SftpConnection>();
        s.AddScoped<SaveSftpHost>();
        s.AddScoped<CheckSftpHost>();
        s.AddScoped<SaveSftpSchedule>();
        s.AddScoped<GetProjectSftp>();
        s.AddScoped<RunSftpSchedule>();
        s.AddScoped<RunDueSftpSchedules>();
        builder.AddScheduledJob<LeadSftpJob>(SftpJobKey, "Обмен файлами баз с SFTP-серверами по расписаниям проектов", "LeadSftp", "0 * * * * ?");
        LeadCommands.Register();
        s.AddLeadProjects();
        s.AddHostedService(sp => sp.GetRequiredService<Projects.ProjectPurgeWorker>());
    }

    /// <summary>
    /// What the CLI commands of <see cref="LeadCommands"/> use, for the web app and the slim command host alike: loading a
    /// base, listing and exporting numbers, deleting and purging a project (its worker's batches, not the worker).
    /// </summary>
    public static void AddLeadLoads(this IServiceCollection s)
    {
        s.AddSingleton<LeadFiles>();
        s.AddScoped<UploadLeadImport>();
        s.AddScoped<RunLeadImport>();
        s.AddScoped<StartLeadImport>();
        s.AddScoped<Numbers.ListLeads>();
        s.AddScoped<Numbers.ExportLeads>();
        s.AddScoped<Projects.DeleteLeadProject>();
        s.AddScoped<Projects.RequestProjectPurge>();
        s.AddSingleton<Projects.ProjectPurgeWorker>();
    }
}
