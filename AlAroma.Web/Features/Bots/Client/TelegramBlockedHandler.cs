using AlAroma.Web.Data;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Bots.Client;

/// <summary>
/// A Telegram message refused for good with 403 (Bot API: "Forbidden: bot was blocked by the user", "user is
/// deactivated"; TelegramSender records "Telegram отказал (403)") marks the customers of that chat unreachable
/// (<see cref="Customers.Customer.TelegramBlockedAtUtc"/>), whatever the message was about. They become reachable again
/// when they write to the bot.
/// </summary>
public sealed class TelegramBlockedHandler(AppDbContext db, TimeProvider clock) : INotificationFailureHandler
{
    /// <summary>Every message: a blocked chat is blocked for receipts, campaigns and replies alike.</summary>
    public bool Handles(string? entityType) => true;

    public async Task OnFailedAsync(OutboxMessage message, bool permanent, CancellationToken ct)
    {
        if (!IsBlocked(message, permanent) || !long.TryParse(message.Recipient, out var chat)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var customers = await db.Customers.Where(c => c.TelegramChatId == chat && c.TelegramBlockedAtUtc == null).ToListAsync(ct);
        foreach (var c in customers) c.TelegramBlockedAtUtc = now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A permanent Telegram failure with error code 403.</summary>
    public static bool IsBlocked(OutboxMessage m, bool permanent) =>
        permanent && m.Channel == Channel.Telegram && (m.LastError ?? "").Contains("(403)", StringComparison.Ordinal);
}
