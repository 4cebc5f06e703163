using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace AlAroma.Web.Features.Bots.Telegram;

/// <summary>
/// At start, per configured bot: in webhook mode <c>setWebhook</c> with the secret token (Telegram then POSTs to
/// <see cref="TelegramWebhookController"/>); in polling mode <c>deleteWebhook</c> and a <c>getUpdates</c> long-polling
/// loop feeding <see cref="BotUpdatePipeline"/> (development: no public URL). Bot API: "Getting updates".
/// </summary>
public sealed class TelegramBotsService(TelegramBots bots, IOptionsMonitor<TelegramBotsOptions> options, IServiceScopeFactory scopes,
    ILogger<TelegramBotsService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.CurrentValue;
        var running = new List<Task>();
        foreach (var bot in bots.All)
        {
            if (bots.Client(bot) is not { } client) continue;
            switch (o.EffectiveMode)
            {
                case BotReceiveMode.Webhook:
                    await SetWebhookAsync(client, bot.Name, o, stoppingToken);
                    break;
                case BotReceiveMode.Polling:
                    running.Add(PollAsync(client, bot.Name, o, stoppingToken));
                    break;
            }
        }
        await Task.WhenAll(running);
    }

    /// <summary>Points Telegram at the webhook of <paramref name="name"/> with the secret token.</summary>
    /// <exception cref="ApiRequestException">Telegram refused (bad URL, port, certificate).</exception>
    public static Task SetWebhookAsync(ITelegramBotClient client, string name, TelegramBotsOptions o, CancellationToken ct) =>
        client.SetWebhook(o.WebhookUrl(name), secretToken: o.WebhookSecret, cancellationToken: ct);

    private async Task PollAsync(ITelegramBotClient client, string name, TelegramBotsOptions o, CancellationToken ct)
    {
        int? offset = null;
        try
        {
            await client.DeleteWebhook(cancellationToken: ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Bot {Bot}: deleteWebhook failed", name);
        }
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var updates = await client.GetUpdates(offset, timeout: o.PollingTimeoutSeconds, cancellationToken: ct);
                foreach (var u in updates)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    try
                    {
                        await scope.ServiceProvider.GetRequiredService<BotUpdatePipeline>().ProcessAsync(name, client, u, ct);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        log.LogError(e, "Bot {Bot}: update {UpdateId} failed", name, u.Id);
                    }
                    offset = u.Id + 1;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Bot {Bot}: getUpdates failed, retrying in 5 s", name);
                await Task.Delay(TimeSpan.FromSeconds(5), ct).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }
}
