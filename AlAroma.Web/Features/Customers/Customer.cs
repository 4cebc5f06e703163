using AlAroma.Web.Features.Loyalty;

namespace AlAroma.Web.Features.Customers;

/// <summary>A loyalty customer (клиент). Identified by a Russian phone number in E.164, unique.</summary>
[Infrastructure.Auditing.AuditName("Покупатель")]
public class Customer
{
    public long Id { get; set; }

    /// <summary>"+79161234567" (<see cref="PhoneNormalizer"/>).</summary>
    public string Phone { get; set; } = "";
    [Infrastructure.Auditing.AuditName("Имя")]
    public string Name { get; set; } = "";
    [Infrastructure.Auditing.AuditName("День рождения")]
    public DateOnly? Birthday { get; set; }

    /// <summary>When the birthday was put on file (UTC): the birthday discount needs it on file for 30 days.</summary>
    [Infrastructure.Auditing.AuditName("День рождения указан")]
    public DateTime? BirthdaySetAtUtc { get; set; }
    public string? Email { get; set; }
    [Infrastructure.Auditing.AuditName("Пользователь Telegram")]
    public long? TelegramUserId { get; set; }
    [Infrastructure.Auditing.AuditName("Чат Telegram")]
    public long? TelegramChatId { get; set; }
    [Infrastructure.Auditing.AuditName("Рассылка в Telegram")]
    public bool MarketingTelegram { get; set; }
    [Infrastructure.Auditing.AuditName("Рассылка по эл. почте")]
    public bool MarketingEmail { get; set; }
    [Infrastructure.Auditing.AuditName("Рассылка по SMS")]
    public bool MarketingSms { get; set; }
    [Infrastructure.Auditing.AuditName("Магазин покупателя")]
    public int? HomeLocationId { get; set; }
    [Infrastructure.Auditing.AuditName("Зарегистрирован")]
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Points balance (1 point = 1 ₽); may be negative after a return reversed an accrual. Changed only by <see cref="PointsLedger"/>.</summary>
    [Infrastructure.Auditing.AuditName("Баллов на счёте")]
    public int PointsBalance { get; set; }
    public LoyaltyLevel Level { get; set; }

    /// <summary>Free labels a manager puts on the card ("VIP", "опт"); trimmed, distinct, case kept.</summary>
    [Infrastructure.Auditing.AuditName("Метки")]
    public List<string> Tags { get; set; } = [];

    /// <summary>Why a manager changed a birthday already on file (the customer sets it once; DOMAIN.md).</summary>
    [Infrastructure.Auditing.AuditName("Причина изменения дня рождения")]
    public string? BirthdayChangeReason { get; set; }

    /// <summary>When the SMS consent was last given or withdrawn (UTC).</summary>
    [Infrastructure.Auditing.AuditName("Согласие на SMS: когда")]
    public DateTime? SmsConsentAtUtc { get; set; }
    [Infrastructure.Auditing.AuditName("Согласие на SMS: откуда")]
    public ConsentSource? SmsConsentSource { get; set; }

    /// <summary>When the e-mail consent was last given or withdrawn (UTC).</summary>
    [Infrastructure.Auditing.AuditName("Согласие на письма: когда")]
    public DateTime? EmailConsentAtUtc { get; set; }
    [Infrastructure.Auditing.AuditName("Согласие на письма: откуда")]
    public ConsentSource? EmailConsentSource { get; set; }

    /// <summary>When the Telegram consent was last given or withdrawn (UTC).</summary>
    [Infrastructure.Auditing.AuditName("Согласие на Telegram: когда")]
    public DateTime? TelegramConsentAtUtc { get; set; }
    [Infrastructure.Auditing.AuditName("Согласие на Telegram: откуда")]
    public ConsentSource? TelegramConsentSource { get; set; }

    /// <summary>The card this one was merged into (a duplicate of the same person); its URL redirects there.</summary>
    [Infrastructure.Auditing.AuditName("Объединён с картой")]
    public long? MergedIntoId { get; set; }
    [Infrastructure.Auditing.AuditName("Объединён")]
    public DateTime? MergedAtUtc { get; set; }

    /// <summary>
    /// When Telegram refused a message to the customer's chat for good (403: the bot was blocked, the user deactivated),
    /// UTC; null while reachable. Set by the outbox's failure hook, cleared when the customer writes to the bot again.
    /// </summary>
    [Infrastructure.Auditing.AuditName("Недоступен в Telegram с")]
    public DateTime? TelegramBlockedAtUtc { get; set; }

    /// <summary>Where the customer joined: the client bot's /start payload (a shop code "S1" or a campaign code), ≤ 64 characters.</summary>
    [Infrastructure.Auditing.AuditName("Источник")]
    public string? Source { get; set; }

    /// <summary>When the welcome bonus for joining in the bot was given (UTC); null = not yet. Given once per customer.</summary>
    [Infrastructure.Auditing.AuditName("Приветственный бонус")]
    public DateTime? WelcomeBonusAtUtc { get; set; }

    /// <summary>
    /// When a manager erased the person's data at their request (152-ФЗ art. 21), UTC; null while on file. The card
    /// stays as an anonymous record of its purchases and points (accounting keeps the sales).
    /// </summary>
    [Infrastructure.Auditing.AuditName("Данные удалены")]
    public DateTime? ErasedAtUtc { get; set; }

    /// <summary>The customer can be written to in Telegram: the bot knows their chat and Telegram has not refused it (blocked).</summary>
    public bool ReachableInTelegram => TelegramChatId is not null && TelegramBlockedAtUtc is null;

    /// <summary>The consent of <paramref name="channel"/>: given or not, when and where (null when never asked).</summary>
    public Consent ConsentOf(ConsentChannel channel) => channel switch
    {
        ConsentChannel.Sms => new(channel, MarketingSms, SmsConsentAtUtc, SmsConsentSource),
        ConsentChannel.Email => new(channel, MarketingEmail, EmailConsentAtUtc, EmailConsentSource),
        ConsentChannel.Telegram => new(channel, MarketingTelegram, TelegramConsentAtUtc, TelegramConsentSource),
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    /// <summary>
    /// Records a consent to marketing messages by <paramref name="channel"/> given or withdrawn at
    /// <paramref name="atUtc"/> (UTC) from <paramref name="source"/>. An answer older than the one on file changes
    /// nothing (an import of last year's file does not undo what the customer said in the bot today).
    /// </summary>
    /// <returns>Whether the card changed.</returns>
    public bool SetConsent(ConsentChannel channel, bool given, ConsentSource source, DateTime atUtc)
    {
        var current = ConsentOf(channel);
        if (current.AtUtc is { } at && at > atUtc) return false;
        switch (channel)
        {
            case ConsentChannel.Sms: (MarketingSms, SmsConsentAtUtc, SmsConsentSource) = (given, atUtc, source); break;
            case ConsentChannel.Email: (MarketingEmail, EmailConsentAtUtc, EmailConsentSource) = (given, atUtc, source); break;
            case ConsentChannel.Telegram: (MarketingTelegram, TelegramConsentAtUtc, TelegramConsentSource) = (given, atUtc, source); break;
            default: throw new ArgumentOutOfRangeException(nameof(channel));
        }
        return true;
    }

    /// <summary>
    /// Sets the tags from what a manager typed ("VIP, опт"): split by commas, trimmed, empty and repeated ones
    /// (case-insensitive) dropped, at most 20 of at most 40 characters.
    /// </summary>
    /// <exception cref="Infrastructure.BusinessRuleException">A tag too long or too many.</exception>
    public static List<string> ParseTags(string? text)
    {
        var tags = (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .DistinctBy(t => t.ToLowerInvariant()).ToList();
        if (tags.Count > 20) throw new Infrastructure.BusinessRuleException("Не больше 20 меток на клиента.");
        if (tags.FirstOrDefault(t => t.Length > 40) is { } longTag)
            throw new Infrastructure.BusinessRuleException($"Метка «{longTag[..20]}…» длиннее 40 символов: сократите её.");
        return tags;
    }
}

/// <summary>A channel of marketing messages the customer may consent to.</summary>
public enum ConsentChannel
{
    [Infrastructure.Auditing.AuditName("SMS")] Sms = 1,
    [Infrastructure.Auditing.AuditName("Эл. почта")] Email = 2,
    [Infrastructure.Auditing.AuditName("Telegram")] Telegram = 3,
}

/// <summary>Where a consent was given or withdrawn.</summary>
public enum ConsentSource
{
    [Infrastructure.Auditing.AuditName("Касса")] Till = 1,
    [Infrastructure.Auditing.AuditName("Бот")] Bot = 2,
    [Infrastructure.Auditing.AuditName("Импорт")] Import = 3,
    [Infrastructure.Auditing.AuditName("Менеджер")] Manager = 4,
}

/// <summary>A customer's answer for one channel: given or not, when (UTC) and where; null dates when never asked.</summary>
public sealed record Consent(ConsentChannel Channel, bool Given, DateTime? AtUtc, ConsentSource? Source)
{
    /// <summary>Russian name of a channel.</summary>
    public static string ChannelLabel(ConsentChannel c) => c switch { ConsentChannel.Sms => "SMS", ConsentChannel.Email => "Эл. почта", _ => "Telegram" };

    /// <summary>Russian name of a source.</summary>
    public static string SourceLabel(ConsentSource? s) => s switch
    {
        ConsentSource.Till => "касса", ConsentSource.Bot => "бот", ConsentSource.Import => "импорт", ConsentSource.Manager => "менеджер", _ => "—",
    };

    /// <summary>Every channel in the order the screens show them.</summary>
    public static readonly IReadOnlyList<ConsentChannel> Channels = [ConsentChannel.Sms, ConsentChannel.Email, ConsentChannel.Telegram];
}
