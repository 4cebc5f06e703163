namespace AlAroma.Web.Features.Bots.Staff;

public static class StaffBotSetup
{
    /// <summary>Registers the staff bot's conversation, the Telegram link codes and the gift limits ("Bots:Staff").</summary>
    public static void AddStaffBot(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<StaffGiftLimits>(builder.Configuration.GetSection("Bots:Staff"));
        builder.Services.AddScoped<StaffLinks>();
        builder.Services.AddScoped<GiveStaffGift>();
        builder.Services.AddScoped<StaffBot>();
    }
}
