using AlAroma.Web.Infrastructure.Jobs;

namespace AlAroma.Web.Features.Campaigns;

/// <summary>Registers «Рассылки»: the screens' use cases and the every-minute job that starts scheduled campaigns and closes finished ones.</summary>
public static class CampaignsSetup
{
    /// <summary>Called once from Program.cs, before <c>AddJobs</c>.</summary>
    public static void AddCampaigns(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CampaignAudience>();
        builder.Services.AddScoped<ListCampaigns>();
        builder.Services.AddScoped<GetCampaignForm>();
        builder.Services.AddScoped<PreviewCampaign>();
        builder.Services.AddScoped<SaveCampaign>();
        builder.Services.AddScoped<ScheduleCampaign>();
        builder.Services.AddScoped<StartCampaign>();
        builder.Services.AddScoped<CancelCampaign>();
        builder.Services.AddScoped<GetCampaignProgress>();
        builder.Services.AddScoped<RunCampaigns>();
        builder.AddScheduledJob<RunCampaignsJob>("campaigns", "Рассылки: запуск запланированных и завершение отправленных", "Campaigns", "0 * * * * ?");
    }
}
