using AlAroma.Web.Infrastructure.Jobs;

namespace AlAroma.Web.Features.Notifications.Bell;

/// <summary>Registration of the real-time bell.</summary>
public static class BellSetup
{
    /// <summary>
    /// The bell: <see cref="BellHub"/> and the one <see cref="BellListener"/> per instance, the stream, the list and
    /// the clean-up use case (settings section "Notifications:Bell", see <see cref="BellOptions"/>).
    /// </summary>
    public static void AddBell(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.Configure<BellOptions>(builder.Configuration.GetSection("Notifications:Bell"));
        s.AddSingleton<BellHub>();
        s.AddSingleton<BellListener>();
        s.AddHostedService(sp => sp.GetRequiredService<BellListener>());
        s.AddScoped<BellStream>();
        s.AddScoped<ListUserNotifications>();
        s.AddScoped<MarkNotificationsRead>();
        s.AddScoped<CleanUpReadNotifications>();
        s.AddScoped<IJobFailureNotifier, JobFailureBell>();
        builder.AddScheduledJob<CleanUpReadNotificationsJob>("read-notifications-cleanup", "Удаление прочитанных уведомлений старше 30 дней", "ReadNotificationsCleanup", "0 30 4 * * ?");
    }
}
