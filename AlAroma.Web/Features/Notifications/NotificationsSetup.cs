using AlAroma.Web.Features.Notifications.Channels.Email;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Features.Notifications.Templates;

namespace AlAroma.Web.Features.Notifications;

public static class NotificationsSetup
{
    /// <summary>
    /// Registers the outbox (<see cref="NotificationOutbox"/> for features, the dispatcher in the background), the
    /// channel senders with their settings ("Smtp", "Notifications:Sms", "Notifications:Telegram") and the e-mail templates.
    /// </summary>
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
        s.Configure<OutboxOptions>(builder.Configuration.GetSection("Notifications:Outbox"));
        s.AddScoped<NotificationOutbox>();
        s.AddScoped<EmailRenderer>();
        s.AddScoped<RetryNotifications>();
        s.AddScoped<IChannelSender, EmailSender>();
        s.AddSingleton<OutboxDispatcher>();
        s.AddHostedService<OutboxDispatcherService>();
    }
}
