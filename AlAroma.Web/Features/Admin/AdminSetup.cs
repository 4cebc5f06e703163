using AlAroma.Web.Features.Admin.Audit;
using AlAroma.Web.Features.Admin.Users;
using AlAroma.Web.Infrastructure.Jobs;

namespace AlAroma.Web.Features.Admin;

public static class AdminSetup
{
    /// <summary>Registers the user management, audit log and «Задания» handlers, and the nightly audit clean-up (04:00).</summary>
    public static void AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListUsers>();
        builder.Services.AddScoped<SaveUser>();
        builder.Services.AddScoped<SetUserLock>();
        builder.Services.AddScoped<ResetUserTwoFactor>();
        builder.Services.AddScoped<GetUserForm>();
        builder.Services.AddScoped<SearchAudit>();
        builder.Services.AddScoped<ExportAudit>();
        builder.Services.AddScoped(sp => new AuditVocabulary(sp.GetRequiredService<AlAroma.Web.Data.AppDbContext>().Model));
        builder.Services.AddScoped<AuditReader>();
        builder.Services.AddScoped<Company.SaveCompanyDetails>();
        builder.Services.AddScoped<Company.CompanyRequisites>();
        builder.Services.AddScoped<PurgeAuditEntries>();
        builder.AddScheduledJob<PurgeAuditEntriesJob>("audit-cleanup", "Очистка журнала аудита старше 90 дней (Audit:KeepDays)", "AuditCleanup", "0 0 4 * * ?");
        builder.Services.AddScoped<Jobs.ListJobs>();
        builder.Services.AddScoped<Jobs.ControlJob>();
    }
}
