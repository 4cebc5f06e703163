using AlAroma.Web.Features.Notifications.Channels.Email;
using AlAroma.Web.Features.Notifications.Channels.Sms;
using AlAroma.Web.Features.Notifications.Channels.Telegram;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Features.Notifications.Templates;
using Polly;

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
        s.AddScoped<SearchNotifications>();
        s.AddScoped<SendTestNotification>();
        s.AddScoped<IChannelSender, EmailSender>();
        s.Configure<SmsOptions>(builder.Configuration.GetSection("Notifications:Sms"));
        s.Configure<TelegramOptions>(builder.Configuration.GetSection("Notifications:Telegram"));
        // A timeout per request and no retries: a repeated POST could send twice, and the outbox schedules retries itself.
        s.AddHttpClient<ISmsProvider, SmsRuProvider>().AddResilienceHandler("sms", p => p.AddTimeout(TimeSpan.FromSeconds(15)));
        s.AddHttpClient(TelegramSender.HttpClientName).AddResilienceHandler("telegram", p => p.AddTimeout(TimeSpan.FromSeconds(15)));
        s.AddScoped<IChannelSender, SmsSender>();
        s.AddScoped<IChannelSender, TelegramSender>();
        s.AddHttpClient(Channels.SmsHealthCheck.HttpClientName).AddResilienceHandler("sms-health", p => p.AddTimeout(TimeSpan.FromSeconds(5)));
        // Degraded, never down: the outbox keeps what it cannot send (ChannelHealthCheck).
        s.AddSingleton<Channels.SmtpHealthCheck>();
        s.AddSingleton<Channels.SmsHealthCheck>();
        s.AddSingleton<Channels.TelegramHealthCheck>();
        s.AddHealthChecks()
            .AddCheck<Channels.SmtpHealthCheck>("smtp", Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, ["ready"], TimeSpan.FromSeconds(10))
            .AddCheck<Channels.SmsHealthCheck>("sms", Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, ["ready"], TimeSpan.FromSeconds(10))
            .AddCheck<Channels.TelegramHealthCheck>("telegram", Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, ["ready"], TimeSpan.FromSeconds(10));
        s.AddSingleton<OutboxDispatcher>();
        s.AddHostedService<OutboxDispatcherService>();
    }
}
