using System.Net;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Feedback;

/// <summary>
/// A manager answers a feedback: the reply is queued to the customer's Telegram chat through the outbox
/// (HTML parse mode, the text escaped — Telegram Bot API, "HTML style": only &lt;, &gt; and &amp; need it) and
/// committed with the reply row and the status «отвечен» in one transaction; the audit log records both. A customer
/// without a chat with the bot cannot be answered this way: the reply is refused, nothing is pretended sent.
/// </summary>
public sealed class ReplyToFeedback(AppDbContext db, LocationScope scope, NotificationOutbox outbox, ICurrentUser user, StaffNames staff, TimeProvider clock)
{
    /// <summary>Sends <paramref name="text"/> as the answer to feedback <paramref name="id"/>.</summary>
    /// <param name="id">The feedback's id.</param>
    /// <param name="text">The answer, plain text, ≤ 4000 characters after trimming.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The reply saved, with the id of its outbox message.</returns>
    /// <exception cref="BusinessRuleException">No such feedback (or not of the user's shops), an empty or too long answer, or a customer without a Telegram chat.</exception>
    public async Task<FeedbackReply> HandleAsync(long id, string? text, CancellationToken ct)
    {
        var clean = ControlCharacters.Strip(text ?? "").Trim();
        if (clean.Length == 0) throw new BusinessRuleException("Напишите текст ответа.");
        if (clean.Length > Feedback.MaxTextLength)
            throw new BusinessRuleException($"Ответ длиннее {Feedback.MaxTextLength} символов ({clean.Length}): сократите его.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var f = await db.Feedback.FromSql($"SELECT * FROM feedback WHERE id = {id} FOR UPDATE").FirstOrDefaultAsync(ct);
        if (f is null || !await GetFeedback.MaySeeAsync(scope, f.LocationId, ct))
            throw new BusinessRuleException("Такого отзыва нет — обновите список.");
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == f.CustomerId).Select(c => new { c.Phone, c.TelegramChatId }).SingleAsync(ct);
        if (customer.TelegramChatId is not { } chat)
            throw new BusinessRuleException($"Клиент не писал нашему боту в Telegram, ответ отправить некуда. Позвоните ему: {PhoneNormalizer.Display(customer.Phone)}, затем отметьте «отвечен».");
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = f.LocationId is { } shop ? await db.Locations.Where(l => l.Id == shop).Select(l => l.TimeZoneId).FirstOrDefaultAsync(ct) : null;
        var message = outbox.Telegram(chat, Html(f, clean, zone), new NotificationSubject(nameof(Feedback), f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var reply = new FeedbackReply
        {
            FeedbackId = f.Id, Text = clean, UserId = user.UserId, UserName = await staff.NameAsync(user.UserName), AtUtc = now, OutboxMessage = message,
        };
        db.FeedbackReplies.Add(reply);
        f.Status = FeedbackStatus.Answered;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return reply;
    }

    /// <summary>
    /// The Telegram message: a bold line saying what it answers («Ответ на ваш отзыв от 02.12.2026», the date local to
    /// the shop), then the answer, escaped for HTML parse mode.
    /// </summary>
    public static string Html(Feedback f, string answer, string? timeZoneId = null)
    {
        var what = f.Kind switch { FeedbackKind.Review => "ваш отзыв", FeedbackKind.Idea => "вашу идею", _ => "ваше обращение" };
        var day = LocalTime.ToLocal(f.CreatedAtUtc, timeZoneId).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return $"<b>Al Aroma: ответ на {what} от {day}</b>\n\n{WebUtility.HtmlEncode(answer)}";
    }
}
