using System.Text.Json;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Customers.Privacy;

/// <summary>
/// Erases a customer's personal data at their request (152-ФЗ art. 21: the operator stops processing and destroys
/// the data when consent is withdrawn), keeping what accounting needs: the sales, returns, points ledger and
/// certificates stay, tied to an anonymous card «Данные удалены». Gone in one transaction: phone (replaced by
/// <c>~{id}</c>, so no till or bot finds the card again), name, birthday, e-mail, Telegram ids, tags, join source,
/// every consent (withdrawn now), the texts of their feedback and of the replies to it, the recipient, text and
/// attachments of every message to their phone, e-mail or chat (queued ones cancelled), the bot's dialog state, the
/// till codes — and the personal values in earlier audit entries of the card and its feedback, replaced by
/// «(удалено)» (who did what and when stays). The changes bypass the audit interceptor (it would copy the erased
/// values into the log); one entry «Erase» records who erased, why and the counts.
/// </summary>
public sealed class EraseCustomerData(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The audit action of an erasure.</summary>
    public const string Action = "Erase";

    /// <summary>What stands instead of an erased value.</summary>
    public const string Erased = "(удалено)";

    /// <summary>Properties of <see cref="Customer"/>, the lookup record and feedback whose values the audit log forgets.</summary>
    private static readonly string[] PersonalKeys =
    [
        nameof(Customer.Phone), nameof(Customer.Name), nameof(Customer.Birthday), nameof(Customer.BirthdayChangeReason), nameof(Customer.Email),
        nameof(Customer.TelegramUserId), nameof(Customer.TelegramChatId), nameof(Customer.Tags), nameof(Customer.Source),
        nameof(CustomerLookupPlace.Query), nameof(Feedback.Feedback.Text),
    ];

    /// <summary>What was erased: feedback texts, messages, audit entries redacted.</summary>
    public sealed record Result(int Feedback, int Messages, int AuditEntries);

    /// <summary>Erases customer <paramref name="id"/>'s data; <paramref name="reason"/> (e.g. «заявление от 01.12.2026») is required.</summary>
    /// <returns>Null when there is no such card.</returns>
    /// <exception cref="BusinessRuleException">No reason given, the card already erased, or merged into another one (erase that one).</exception>
    public async Task<Result?> HandleAsync(long id, string? reason, CancellationToken ct)
    {
        reason = ControlCharacters.Strip(reason ?? "").Trim();
        if (reason.Length == 0) throw new BusinessRuleException("Укажите основание: например, «заявление клиента от 01.12.2026».");
        if (reason.Length > 500) throw new BusinessRuleException("Основание длиннее 500 символов: сократите его.");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = await db.Customers.FromSql($"SELECT * FROM customers WHERE id = {id} FOR UPDATE").AsNoTracking().FirstOrDefaultAsync(ct);
        if (c is null) return null;
        if (c.ErasedAtUtc is not null) throw new BusinessRuleException("Персональные данные этого клиента уже удалены.");
        if (c.MergedIntoId is { } kept) throw new BusinessRuleException($"Карта объединена с картой №{kept}: удалите данные на той карте.");
        var recipients = CustomerRecipients.Of(c);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await db.Customers.Where(x => x.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Phone, "~" + key)
            .SetProperty(x => x.Name, "")
            .SetProperty(x => x.Birthday, (DateOnly?)null)
            .SetProperty(x => x.BirthdaySetAtUtc, (DateTime?)null)
            .SetProperty(x => x.BirthdayChangeReason, (string?)null)
            .SetProperty(x => x.Email, (string?)null)
            .SetProperty(x => x.TelegramUserId, (long?)null)
            .SetProperty(x => x.TelegramChatId, (long?)null)
            .SetProperty(x => x.TelegramBlockedAtUtc, (DateTime?)null)
            .SetProperty(x => x.Tags, new List<string>())
            .SetProperty(x => x.Source, (string?)null)
            .SetProperty(x => x.MarketingSms, false).SetProperty(x => x.SmsConsentAtUtc, now).SetProperty(x => x.SmsConsentSource, ConsentSource.Manager)
            .SetProperty(x => x.MarketingEmail, false).SetProperty(x => x.EmailConsentAtUtc, now).SetProperty(x => x.EmailConsentSource, ConsentSource.Manager)
            .SetProperty(x => x.MarketingTelegram, false).SetProperty(x => x.TelegramConsentAtUtc, now).SetProperty(x => x.TelegramConsentSource, ConsentSource.Manager)
            .SetProperty(x => x.ErasedAtUtc, now), ct);

        var feedbackIds = await db.Feedback.Where(f => f.CustomerId == id).Select(f => f.Id).ToListAsync(ct);
        await db.Feedback.Where(f => f.CustomerId == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Text, Erased), ct);
        var replyIds = await db.FeedbackReplies.Where(r => feedbackIds.Contains(r.FeedbackId)).Select(r => r.Id).ToListAsync(ct);
        await db.FeedbackReplies.Where(r => replyIds.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Text, Erased), ct);

        var messages = db.Notifications.Where(m => recipients.Contains(m.Recipient));
        var messageIds = await messages.Select(m => m.Id).ToListAsync(ct);
        await db.NotificationAttachments.Where(a => messageIds.Contains(a.NotificationId)).ExecuteDeleteAsync(ct);
        await db.Notifications.Where(m => messageIds.Contains(m.Id) && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Cancelled), ct);
        await db.Notifications.Where(m => messageIds.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Recipient, Erased).SetProperty(m => m.Data, "{}").SetProperty(m => m.Summary, Erased), ct);
        if (c.TelegramChatId is { } chat) await db.ClientBotChats.Where(x => x.ChatId == chat).ExecuteDeleteAsync(ct);
        await db.CustomerCodes.Where(x => x.CustomerId == id).ExecuteDeleteAsync(ct);

        var feedbackKeys = feedbackIds.Select(f => f.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var replyKeys = replyIds.Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var keys = PersonalKeys;
        var erased = JsonSerializer.Serialize(Erased);
        // Each JSON object of the entry keeps its keys; a personal key that had a value now says «(удалено)».
        var redacted = await db.Database.ExecuteSqlAsync($"""
            UPDATE audit_entries SET
              old_values = CASE WHEN jsonb_typeof(old_values) = 'object' THEN COALESCE((SELECT jsonb_object_agg(k, CASE WHEN k = ANY({keys}) AND v <> 'null'::jsonb THEN {erased}::jsonb ELSE v END) FROM jsonb_each(old_values) AS e(k, v)), old_values) ELSE old_values END,
              new_values = CASE WHEN jsonb_typeof(new_values) = 'object' THEN COALESCE((SELECT jsonb_object_agg(k, CASE WHEN k = ANY({keys}) AND v <> 'null'::jsonb THEN {erased}::jsonb ELSE v END) FROM jsonb_each(new_values) AS e(k, v)), new_values) ELSE new_values END
            WHERE (entity = {nameof(Customer)} AND key = {key}) OR (entity = {nameof(Feedback.Feedback)} AND key = ANY({feedbackKeys}))
               OR (entity = {nameof(Feedback.FeedbackReply)} AND key = ANY({replyKeys}))
            """, ct);

        db.AuditEntries.Add(AuditEntry.By(user, now, Action, nameof(Customer), key, JsonSerializer.Serialize(new
        {
            Основание = reason, Отзывов = feedbackIds.Count, Сообщений = messageIds.Count, ЗаписейЖурнала = redacted,
        }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Result(feedbackIds.Count, messageIds.Count, redacted);
    }
}
