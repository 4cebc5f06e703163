using AlAroma.Web.Infrastructure.Auditing;

namespace AlAroma.Web.Features.Loyalty.Settings;

/// <summary>
/// One dated version of the loyalty programme's terms (issue 12 "Loyalty programme settings"): it applies to sales
/// whose local business day is on or after <see cref="EffectiveFrom"/> until the next version starts. Versions are
/// never edited once in force, so the history shows what every past sale was accrued under. Money in ₽.
/// </summary>
[AuditName("Условия программы лояльности", Link = "/loyalty/settings")]
public sealed class LoyaltyTerms
{
    public int Id { get; set; }

    /// <summary>First local business day (the shop's time zone) the terms apply to.</summary>
    [AuditName("Действуют с")]
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Purchases in 12 months, net of returns, from which the level is Silver / Gold / Platinum, ₽.</summary>
    [AuditName("Порог Серебряного, ₽")]
    public decimal SilverFrom { get; set; } = 15_000m;
    [AuditName("Порог Золотого, ₽")]
    public decimal GoldFrom { get; set; } = 50_000m;
    [AuditName("Порог Платинового, ₽")]
    public decimal PlatinumFrom { get; set; } = 150_000m;

    /// <summary>Points per whole 100 ₽ paid with money, per level.</summary>
    [AuditName("Баллов за 100 ₽ (Стандарт)")]
    public int StandardPointsPer100 { get; set; } = 1;
    [AuditName("Баллов за 100 ₽ (Серебряный)")]
    public int SilverPointsPer100 { get; set; } = 3;
    [AuditName("Баллов за 100 ₽ (Золотой)")]
    public int GoldPointsPer100 { get; set; } = 5;
    [AuditName("Баллов за 100 ₽ (Платиновый)")]
    public int PlatinumPointsPer100 { get; set; } = 7;

    /// <summary>Largest share of a receipt payable with points, whole percent (0–100).</summary>
    [AuditName("Оплата баллами, не более %")]
    public int MaxRedeemPercent { get; set; } = 30;

    /// <summary>Months a point accrued under these terms lives.</summary>
    [AuditName("Срок жизни баллов, мес.")]
    public int PointsLifetimeMonths { get; set; } = 12;

    /// <summary>Points given on the customer's birthday (0 = no gift) and the days they stay valid.</summary>
    [AuditName("Подарок на день рождения, баллов")]
    public int BirthdayGiftPoints { get; set; } = 500;
    [AuditName("Срок подарка, дней")]
    public int BirthdayGiftValidDays { get; set; } = 30;

    /// <summary>Points given once when a customer joins in the Telegram bot (0 = none).</summary>
    [AuditName("Приветственный бонус, баллов")]
    public int WelcomeBonusPoints { get; set; } = 200;

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Full name of whoever saved the version ("Система" for the initial one).</summary>
    [AuditName("Кто ввёл")]
    public string CreatedBy { get; set; } = "";

    /// <summary>Why the terms changed (optional, shown in the history).</summary>
    [AuditName("Комментарий")]
    public string? Comment { get; set; }

    /// <summary>The day the initial terms start: before any sale the system can hold.</summary>
    public static readonly DateOnly InitialDay = new(2000, 1, 1);

    /// <summary>"с 03.12.2026", or "с начала программы" for the initial terms.</summary>
    public string StartsText => EffectiveFrom <= InitialDay ? "с начала программы" : $"с {EffectiveFrom:dd.MM.yyyy}";

    /// <summary>A detached copy (the form of a new version starts from the one in force).</summary>
    public LoyaltyTerms Copy() => (LoyaltyTerms)MemberwiseClone();

    /// <summary>The level and accrual arithmetic of these terms.</summary>
    public LoyaltyRules Rules => new(SilverFrom, GoldFrom, PlatinumFrom, StandardPointsPer100, SilverPointsPer100, GoldPointsPer100,
        PlatinumPointsPer100, MaxRedeemPercent / 100m);

    /// <summary>
    /// The mistakes a manager could type, as (field, Russian message) pairs; empty when the terms are consistent:
    /// thresholds above zero and rising, rates from 0 to 100 and never lower at a higher level, a share of 0–100 %,
    /// a lifetime of 1–60 months, gift points from 0 to 100 000 and a validity of 1–365 days.
    /// </summary>
    public IReadOnlyList<(string Field, string Message)> Mistakes()
    {
        var list = new List<(string, string)>();
        if (SilverFrom <= 0) list.Add((nameof(SilverFrom), "Порог Серебряного уровня должен быть больше нуля."));
        if (GoldFrom <= SilverFrom) list.Add((nameof(GoldFrom), "Порог Золотого уровня должен быть больше порога Серебряного."));
        if (PlatinumFrom <= GoldFrom) list.Add((nameof(PlatinumFrom), "Порог Платинового уровня должен быть больше порога Золотого."));
        int[] rates = [StandardPointsPer100, SilverPointsPer100, GoldPointsPer100, PlatinumPointsPer100];
        string[] fields = [nameof(StandardPointsPer100), nameof(SilverPointsPer100), nameof(GoldPointsPer100), nameof(PlatinumPointsPer100)];
        for (var i = 0; i < rates.Length; i++)
        {
            if (rates[i] is < 0 or > 100) list.Add((fields[i], "Начисление — от 0 до 100 баллов за каждые 100 ₽."));
            else if (i > 0 && rates[i] < rates[i - 1]) list.Add((fields[i], "На более высоком уровне начисление не может быть меньше, чем на предыдущем."));
        }
        if (MaxRedeemPercent is < 0 or > 100) list.Add((nameof(MaxRedeemPercent), "Доля чека, которую можно оплатить баллами, — от 0 до 100 %."));
        if (PointsLifetimeMonths is < 1 or > 60) list.Add((nameof(PointsLifetimeMonths), "Срок жизни баллов — от 1 до 60 месяцев."));
        if (BirthdayGiftPoints is < 0 or > 100_000) list.Add((nameof(BirthdayGiftPoints), "Подарок на день рождения — от 0 до 100 000 баллов."));
        if (BirthdayGiftValidDays is < 1 or > 365) list.Add((nameof(BirthdayGiftValidDays), "Срок действия подарка — от 1 до 365 дней."));
        if (WelcomeBonusPoints is < 0 or > 100_000) list.Add((nameof(WelcomeBonusPoints), "Приветственный бонус — от 0 до 100 000 баллов."));
        return list;
    }
}
