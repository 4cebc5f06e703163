using AlAroma.Web.Features.Loyalty;

namespace AlAroma.Web.Features.Customers;

/// <summary>A loyalty customer (клиент). Identified by a Russian phone number in E.164, unique.</summary>
[Infrastructure.Auditing.AuditName("Покупатель")]
public class Customer
{
    public long Id { get; set; }

    /// <summary>"+79161234567" (<see cref="PhoneNormalizer"/>).</summary>
    public string Phone { get; set; } = "";
    public string Name { get; set; } = "";
    public DateOnly? Birthday { get; set; }

    /// <summary>When the birthday was put on file (UTC): the birthday discount needs it on file for 30 days.</summary>
    public DateTime? BirthdaySetAtUtc { get; set; }
    public string? Email { get; set; }
    public long? TelegramUserId { get; set; }
    public long? TelegramChatId { get; set; }
    public bool MarketingTelegram { get; set; }
    public bool MarketingEmail { get; set; }
    public bool MarketingSms { get; set; }
    public int? HomeLocationId { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Points balance (1 point = 1 ₽); may be negative after a return reversed an accrual. Changed only by <see cref="PointsLedger"/>.</summary>
    public int PointsBalance { get; set; }
    public LoyaltyLevel Level { get; set; }
}
