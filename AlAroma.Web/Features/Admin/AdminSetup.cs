using AlAroma.Web.Features.Admin.Audit;
using AlAroma.Web.Features.Admin.Users;

namespace AlAroma.Web.Features.Admin;

public static class AdminSetup
{
    /// <summary>Registers the user management and audit log handlers.</summary>
    public static void AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListUsers>();
        builder.Services.AddScoped<SaveUser>();
        builder.Services.AddScoped<SetUserLock>();
        builder.Services.AddScoped<GetUserForm>();
        builder.Services.AddScoped<SearchAudit>();
        builder.Services.AddScoped<ExportAudit>();
        builder.Services.AddScoped(sp => new AuditVocabulary(sp.GetRequiredService<AlAroma.Web.Data.AppDbContext>().Model));
        builder.Services.AddScoped<AuditReader>();
        builder.Services.AddScoped<Company.SaveCompanyDetails>();
        builder.Services.AddScoped<Company.CompanyRequisites>();
    }
}
