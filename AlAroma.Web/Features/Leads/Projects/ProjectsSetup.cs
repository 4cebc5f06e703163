using AlAroma.Web.Features.Leads.DoNotCall;
using AlAroma.Web.Features.Leads.Projects;

// In the room's parent namespace so that LeadsSetup.AddLeads calls it without a using of its own.
namespace AlAroma.Web.Features.Leads;

/// <summary>Registration of the projects, base suppliers and do-not-call screens of the call centre.</summary>
public static class ProjectsSetup
{
    /// <summary>
    /// Registers the use cases of «Проекты обзвона», «Удалённые проекты», «Поставщики баз» and «Не звонить» (deleting and
    /// purging a project come with <see cref="LeadsSetup.AddLeadLoads"/>, which the CLI shares).
    /// </summary>
    public static void AddLeadProjects(this IServiceCollection s)
    {
        s.AddScoped<ListLeadSuppliers>();
        s.AddScoped<SaveLeadSupplier>();
        s.AddScoped<ListLeadProjects>();
        s.AddScoped<SaveLeadProject>();
        s.AddScoped<RestoreLeadProject>();
        s.AddScoped<ListDeletedProjects>();

        s.AddScoped<ListDoNotCall>();
        s.AddScoped<AddDoNotCall>();
        s.AddScoped<RemoveDoNotCall>();
        s.AddScoped<ImportDoNotCall>();
    }
}
