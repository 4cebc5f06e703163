using AlAroma.Web.Infrastructure.Jobs;

namespace AlAroma.Web.Features.Bots.Staff;

public static class StaffBotSetup
{
    /// <summary>Registers the staff bot's conversation, the Telegram link codes, the gift limits ("Bots:Staff"), «Рассылка» and the managers' day summary at 21:00 (Moscow time by default).</summary>
    public static void AddStaffBot(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<StaffGiftLimits>(builder.Configuration.GetSection("Bots:Staff"));
        builder.Services.AddScoped<StaffLinks>();
        builder.Services.AddScoped<GiveStaffGift>();
        builder.Services.AddScoped<StaffBot>();
        builder.Services.AddScoped<StaffBroadcast>();
        // Its own bot (@BotFather), on the outbox's Bot API server: staff alerts go out with the same token.
        builder.Services.AddTelegramBot<StaffBotUpdates>(StaffBotUpdates.Name, sp =>
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Notifications.Channels.Telegram.TelegramOptions>>().CurrentValue is { } o
            && !string.IsNullOrWhiteSpace(o.StaffToken) ? new Telegram.BotConnection(o.StaffToken, o.BaseUrl) : null);
        builder.Services.AddScoped<SendStaffDaySummary>();
        builder.AddScheduledJob<SendStaffDaySummaryJob>("staff-day-summary", "Итоги дня менеджерам в бот сотрудников (при закрытии)", "StaffDaySummary", "0 0 21 * * ?");
    }
}
