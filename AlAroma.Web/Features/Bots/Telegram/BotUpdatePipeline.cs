using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace AlAroma.Web.Features.Bots.Telegram;

/// <summary>
/// One update of one bot, from the webhook or the polling loop: claims its update_id in <c>telegram_updates</c>
/// (<c>INSERT … ON CONFLICT DO NOTHING</c>; a replay does nothing), then calls the bot's <see cref="IBotUpdateHandler"/>.
/// A handler that throws gives the claim back, so Telegram's resend is handled — except for a Bot API refusal that a
/// resend would meet again (400, 403: the user blocked the bot meanwhile), which is logged and the update counted as done.
/// </summary>
public sealed class BotUpdatePipeline(AppDbContext db, IServiceProvider services, TimeProvider clock, ILogger<BotUpdatePipeline> log)
{
    /// <summary>Handles <paramref name="update"/> once.</summary>
    /// <returns>False when the update id was handled before (nothing done).</returns>
    public async Task<bool> ProcessAsync(string botName, ITelegramBotClient bot, Update update, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO telegram_updates (bot, update_id, received_at_utc) VALUES ({botName}, {(long)update.Id}, {now}) ON CONFLICT DO NOTHING", ct);
        if (claimed == 0) return false;
        var (activity, scope) = Infrastructure.Observability.CorrelationId.Begin("telegram " + botName);
        using var _ = activity;
        using var __ = scope;
        try
        {
            await services.GetRequiredKeyedService<IBotUpdateHandler>(botName).HandleAsync(bot, update, ct);
            return true;
        }
        catch (global::Telegram.Bot.Exceptions.ApiRequestException e) when (e.ErrorCode is 400 or 403)
        {
            log.LogWarning(e, "Telegram refused a reply to update {UpdateId} of bot {Bot}; not retried", update.Id, botName);
            return true;
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Telegram update {UpdateId} of bot {Bot} failed; released for a resend", update.Id, botName);
            db.ChangeTracker.Clear();
            await db.Database.ExecuteSqlAsync($"DELETE FROM telegram_updates WHERE bot = {botName} AND update_id = {(long)update.Id}", CancellationToken.None);
            throw;
        }
    }
}
