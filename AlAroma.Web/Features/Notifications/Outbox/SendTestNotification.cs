using AlAroma.Web.Data;
using AlAroma.Web.Features.Notifications.Templates;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Notifications.Outbox;

/// <summary>The test-send form of the «Уведомления» page: queues one message on the chosen channel.</summary>
public sealed class SendTestNotification(AppDbContext db, NotificationOutbox outbox)
{
    /// <summary>Queues and saves the test message; returns it.</summary>
    /// <exception cref="BusinessRuleException">Empty text, or a recipient that is not an e-mail / phone / chat id of the channel.</exception>
    public async Task<OutboxMessage> HandleAsync(Channel channel, string? recipient, string? text, CancellationToken ct)
    {
        recipient = recipient?.Trim() ?? "";
        text = text?.Trim() ?? "";
        if (text.Length == 0) throw new BusinessRuleException("Введите текст проверочного сообщения.");
        var m = channel switch
        {
            Channel.Email => outbox.Email(recipient, new TestEmail(text)),
            Channel.Sms when System.Text.RegularExpressions.Regex.IsMatch(recipient, @"^\+?\d{10,15}$") => outbox.Sms(recipient, text),
            Channel.Sms => throw new BusinessRuleException("Введите телефон в международном формате, например +79161234567."),
            Channel.Telegram when long.TryParse(recipient, out var chat) => outbox.Telegram(chat, System.Net.WebUtility.HtmlEncode(text)),
            _ => throw new BusinessRuleException("Введите числовой chat id Telegram, например 123456789."),
        };
        await db.SaveChangesAsync(ct);
        return m;
    }
}
