using System.Text.Json;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Notifications.Channels.Email;
using AlAroma.Web.Features.Notifications.Templates;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Notifications.Outbox;

/// <summary>The business entity a notification belongs to, e.g. <c>new("Sale", "42")</c>.</summary>
public sealed record NotificationSubject(string Type, string Id);

/// <summary>A file to send with an e-mail (bytes are stored with the outbox row).</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The API features call to send a message: each method adds an <see cref="OutboxMessage"/> to the caller's
/// <see cref="AppDbContext"/> and does not save, so the message commits with the caller's business change or not at
/// all. <see cref="OutboxDispatcher"/> sends it later; nothing talks to SMTP or a provider inside the request.
/// </summary>
public sealed class NotificationOutbox(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Queues an e-mail from a template (<see cref="EmailTemplates"/>); its subject is the template's.</summary>
    /// <exception cref="BusinessRuleException">The address is not an e-mail address.</exception>
    public OutboxMessage Email(string to, IEmailTemplate template, NotificationSubject? about = null, params EmailAttachment[] attachments)
    {
        var address = EmailAddress.Normalize(to) ?? throw new BusinessRuleException("Проверьте e-mail: похоже, в адресе ошибка.");
        var m = Add(Channel.Email, address, template.GetType().Name, JsonSerializer.Serialize(template, template.GetType()), template.Subject, about);
        m.Attachments.AddRange(attachments.Select(a => new OutboxAttachment { FileName = a.FileName, ContentType = a.ContentType, Content = a.Content }));
        return m;
    }

    /// <summary>Queues an SMS; <paramref name="phone"/> in E.164 (+79161234567).</summary>
    public OutboxMessage Sms(string phone, string text, NotificationSubject? about = null) =>
        Add(Channel.Sms, phone.Trim(), TextMessage.Key, JsonSerializer.Serialize(new TextMessage(text)), TextMessage.Summarize(text), about);

    /// <summary>Queues a Telegram message (HTML parse mode) to <paramref name="chatId"/> from the client bot.</summary>
    public OutboxMessage Telegram(long chatId, string html, NotificationSubject? about = null) =>
        Add(Channel.Telegram, chatId.ToString(System.Globalization.CultureInfo.InvariantCulture), TextMessage.Key,
            JsonSerializer.Serialize(new TextMessage(html)), TextMessage.Summarize(html), about);

    /// <summary>
    /// Queues a Telegram message to a staff member's chat with the staff bot (<c>AppUser.TelegramChatId</c>): it goes
    /// out with the staff bot's token (<c>Notifications:Telegram:StaffToken</c>), since a bot can write only to chats
    /// that started it.
    /// </summary>
    public OutboxMessage TelegramToStaff(long chatId, string html, NotificationSubject? about = null) =>
        Add(Channel.Telegram, chatId.ToString(System.Globalization.CultureInfo.InvariantCulture), TextMessage.Key,
            JsonSerializer.Serialize(new TextMessage(html, TextMessage.StaffBot)), TextMessage.Summarize(html), about);

    private OutboxMessage Add(Channel channel, string recipient, string key, string data, string summary, NotificationSubject? about)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var m = new OutboxMessage
        {
            Channel = channel, Recipient = recipient, TemplateKey = key, Data = data, Summary = TextMessage.Summarize(summary),
            Status = OutboxStatus.Pending, NextAttemptAtUtc = now, CreatedAtUtc = now,
            EntityType = about?.Type, EntityId = about?.Id, CreatedBy = user.UserName,
        };
        db.Add(m);
        return m;
    }
}

/// <summary>The data of an SMS or Telegram message: its text (Telegram: HTML parse mode) and, for Telegram, the bot that sends it (null = the client bot).</summary>
public sealed record TextMessage(string Text, string? Bot = null)
{
    /// <summary>The template key of a plain text message.</summary>
    public const string Key = "text";

    /// <summary><see cref="Bot"/> of a message from the staff bot.</summary>
    public const string StaffBot = "staff";

    /// <summary>The first line of <paramref name="text"/>, at most 300 characters, for the outbox page.</summary>
    public static string Summarize(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 300 ? line : line[..299] + "…";
    }
}
