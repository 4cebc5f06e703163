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
}
