using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Auditing;

namespace AlAroma.Web.Features.Feedback;

/// <summary>
/// A review, an idea or a message to the management that a customer sent (table <c>feedback</c>), with the receipt
/// and shop of their last purchase at that moment, its handling status and the replies the back office sent back.
/// Issue 12, «Отзывы и обращения».
/// </summary>
[AuditName("Отзыв", Link = "/feedback/{0}")]
public class Feedback
{
    /// <summary>Longest text accepted, characters (a Telegram message is at most 4096; DOMAIN.md keeps some room).</summary>
    public const int MaxTextLength = 4000;

    /// <summary>A rating at or below this (on 1–10) is a detractor's and rings the bell of the shop's managers.</summary>
    public const int LowRating = 6;

    public long Id { get; set; }

    /// <summary>The customer who wrote it (their kept card after a merge).</summary>
    [AuditName("Покупатель")]
    public long CustomerId { get; set; }

    [AuditName("Вид")]
    public FeedbackKind Kind { get; set; }

    /// <summary>1–10 for a review (10 = best), null for an idea or a message.</summary>
    [AuditName("Оценка")]
    public int? Rating { get; set; }

    /// <summary>What the customer wrote, trimmed, ≤ <see cref="MaxTextLength"/> characters; may be empty for a review.</summary>
    [AuditName("Текст")]
    public string Text { get; set; } = "";

    /// <summary>The customer's last receipt (sale) when they wrote, or null when they have bought nothing yet.</summary>
    [AuditName("Чек")]
    public long? SaleId { get; set; }

    /// <summary>The shop of that receipt, or null.</summary>
    [AuditName("Магазин")]
    public int? LocationId { get; set; }

    [AuditName("Статус")]
    public FeedbackStatus Status { get; set; } = FeedbackStatus.New;

    /// <summary>When the customer sent it, UTC.</summary>
    [AuditName("Получен")]
    public DateTime CreatedAtUtc { get; set; }

    [AuditName("Источник")]
    public FeedbackSource Source { get; set; } = FeedbackSource.Bot;

    /// <summary>The back office's answers, oldest first.</summary>
    public List<FeedbackReply> Replies { get; set; } = [];

    /// <summary>
    /// A new feedback after validation: <paramref name="text"/> trimmed and stripped of control characters.
    /// </summary>
    /// <exception cref="BusinessRuleException">A review without a rating 1–10, a rating on an idea or a message, an
    /// empty idea or message, or a text longer than <see cref="MaxTextLength"/> characters.</exception>
    public static Feedback Create(long customerId, FeedbackKind kind, int? rating, string? text, FeedbackSource source, DateTime nowUtc)
    {
        if (!Enum.IsDefined(kind)) throw new BusinessRuleException("Выберите, что это: отзыв, идея или обращение к руководству.");
        if (kind == FeedbackKind.Review && rating is not (>= 1 and <= 10))
            throw new BusinessRuleException("Поставьте оценку от 1 до 10.");
        if (kind != FeedbackKind.Review && rating is not null)
            throw new BusinessRuleException("Оценку ставят только в отзыве: для идеи или обращения её не нужно.");
        var clean = ControlCharacters.Strip(text ?? "").Trim();
        if (clean.Length > MaxTextLength)
            throw new BusinessRuleException($"Текст длиннее {MaxTextLength} символов ({clean.Length}): сократите его.");
        if (kind != FeedbackKind.Review && clean.Length == 0)
            throw new BusinessRuleException("Напишите текст сообщения.");
        return new Feedback { CustomerId = customerId, Kind = kind, Rating = rating, Text = clean, Source = source, CreatedAtUtc = nowUtc };
    }

    /// <summary>A review rated ≤ <see cref="LowRating"/>: the shop's managers should know at once.</summary>
    public bool IsLowRating => Kind == FeedbackKind.Review && Rating <= LowRating;

    /// <summary>Russian name of a kind, as the inbox shows it.</summary>
    public static string KindLabel(FeedbackKind k) => k switch
    {
        FeedbackKind.Review => "Отзыв", FeedbackKind.Idea => "Идея", FeedbackKind.Message => "Обращение к руководству", _ => k.ToString(),
    };

    /// <summary>Russian name of a status, lower case as in the inbox («новый», «в работе», «отвечен»).</summary>
    public static string StatusLabel(FeedbackStatus s) => s switch
    {
        FeedbackStatus.New => "новый", FeedbackStatus.InWork => "в работе", FeedbackStatus.Answered => "отвечен", _ => s.ToString(),
    };
}

/// <summary>What the customer sent.</summary>
public enum FeedbackKind
{
    [AuditName("Отзыв")] Review = 1,
    [AuditName("Идея")] Idea = 2,
    [AuditName("Обращение к руководству")] Message = 3,
}

/// <summary>Where the feedback is in the back office's hands.</summary>
public enum FeedbackStatus
{
    [AuditName("новый")] New = 1,
    [AuditName("в работе")] InWork = 2,
    [AuditName("отвечен")] Answered = 3,
}

/// <summary>Where the feedback came from.</summary>
public enum FeedbackSource
{
    /// <summary>The client Telegram bot (menu «Отзыв», «Идея», «Написать руководству»).</summary>
    [AuditName("Бот")] Bot = 1,
}

/// <summary>One answer of the back office to a feedback, sent to the customer through the outbox.</summary>
[AuditName("Ответ на отзыв")]
public class FeedbackReply
{
    public long Id { get; set; }
    public long FeedbackId { get; set; }

    /// <summary>The answer as typed (plain text, ≤ <see cref="Feedback.MaxTextLength"/> characters).</summary>
    [AuditName("Текст")]
    public string Text { get; set; } = "";

    /// <summary>The staff member's id, or null for the system.</summary>
    public string? UserId { get; set; }

    /// <summary>The staff member's name as shown at the time.</summary>
    [AuditName("Кто ответил")]
    public string UserName { get; set; } = "";

    /// <summary>When it was written, UTC.</summary>
    [AuditName("Когда")]
    public DateTime AtUtc { get; set; }

    /// <summary>The outbox message that carries it to the customer's Telegram chat, or null when they have no chat.</summary>
    [AuditName("Сообщение")]
    public long? OutboxMessageId { get; set; }

    /// <summary>The queued message itself (set when the reply is written, so its id is filled on save).</summary>
    public Notifications.Outbox.OutboxMessage? OutboxMessage { get; set; }
}
