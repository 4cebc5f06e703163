using AlAroma.Web.Features.Bots.Client;
using AlAroma.Web.Features.Bots.Telegram;
using AlAroma.Web.Features.Notifications.Channels.Telegram;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.Extensions.Options;
using AlAroma.Web.Infrastructure.Jobs;
using Polly;

namespace AlAroma.Web.Features.Bots;

/// <summary>Registers the Telegram bot kernel (webhook, polling, update de-duplication) and the client bot.</summary>
public static class BotsSetup
{
    /// <summary>Settings "Bots:Telegram"; the client bot on the outbox's Telegram token ("Notifications:Telegram").</summary>
    public static void AddBots(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.Configure<TelegramBotsOptions>(builder.Configuration.GetSection("Bots:Telegram"));
        s.AddHttpClient(TelegramBots.HttpClientName).AddResilienceHandler("telegram-bots", p => p.AddTimeout(TimeSpan.FromSeconds(60)));
        s.AddSingleton<TelegramBots>();
        s.AddScoped<BotUpdatePipeline>();
        s.AddHostedService<TelegramBotsService>();
        s.AddScoped<CleanUpTelegramUpdates>();
        builder.AddScheduledJob<CleanUpTelegramUpdatesJob>("telegram-updates-cleanup", "Очистка обработанных обновлений Telegram старше 7 дней", "TelegramUpdatesCleanup", "0 40 4 * * ?");

        s.AddTelegramBot<ClientBot>(ClientBot.Name, sp => sp.GetRequiredService<IOptionsMonitor<TelegramOptions>>().CurrentValue is { } o
            ? new BotConnection(o.Token, o.BaseUrl) : null);
        s.AddScoped<LinkTelegramContact>();
        s.AddScoped<ClientAccount>();
        s.AddScoped<ClientCard>();
        s.AddScoped<NearestShop>();
        s.AddScoped<INotificationFailureHandler, TelegramBlockedHandler>();
    }

    /// <summary>Registers a bot: its update handler keyed by <paramref name="name"/> (the webhook path) and where its token comes from.</summary>
    public static IServiceCollection AddTelegramBot<THandler>(this IServiceCollection s, string name, Func<IServiceProvider, BotConnection?> connection)
        where THandler : class, IBotUpdateHandler
    {
        s.AddKeyedScoped<IBotUpdateHandler, THandler>(name);
        s.AddSingleton(new BotRegistration(name, connection));
        return s;
    }
}
