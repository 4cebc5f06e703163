using AlAroma.Web.Features.Leads.DoNotCall;
using AlAroma.Web.Features.Leads.Projects;

// In the room's parent namespace so that LeadsSetup.AddLeads calls it without a using of its own.
namespace AlAroma.Web.Features.Leads;

/// <summary>Registration of the projects, base suppliers and do-not-call screens of the call centre.</summary>
public static class ProjectsSetup
{
    /// <summary>
    /// Registers the use cases of «Проекты обзвона», «Удалённые проекты», «Поставщики баз» and «Не звонить», and the
    /// background purge of deleted projects (<see cref="ProjectPurgeWorker"/>, off with <c>Leads:Worker:Enabled=false</c>).
    /// </summary>
    public static void AddLeadProjects(this IServiceCollection s)
    {
        s.AddScoped<ListLeadSuppliers>();
        s.AddScoped<SaveLeadSupplier>();
        s.AddScoped<ListLeadProjects>();
        s.AddScoped<SaveLeadProject>();
        s.AddScoped<DeleteLeadProject>();
        s.AddScoped<RestoreLeadProject>();
        s.AddScoped<RequestProjectPurge>();
        s.AddScoped<ListDeletedProjects>();
        s.AddSingleton<ProjectPurgeWorker>();
        s.AddHostedService(sp => sp.GetRequiredService<ProjectPurgeWorker>());

        s.AddScoped<ListDoNotCall>();
        s.AddScoped<AddDoNotCall>();
        s.AddScoped<RemoveDoNotCall>();
        s.AddScoped<ImportDoNotCall>();
    }
}
