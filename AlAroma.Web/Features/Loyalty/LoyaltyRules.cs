namespace AlAroma.Web.Features.Loyalty;

/// <summary>Loyalty level by purchases in the last 12 months (DOMAIN.md "Loyalty").</summary>
public enum LoyaltyLevel
{
    [Infrastructure.Auditing.AuditName("Стандарт")] Standard = 0,
    [Infrastructure.Auditing.AuditName("Серебряный")] Silver = 1,
    [Infrastructure.Auditing.AuditName("Золотой")] Gold = 2,
    [Infrastructure.Auditing.AuditName("Платиновый")] Platinum = 3,
}

/// <summary>
/// The loyalty programme's arithmetic, pure and configurable (defaults from DOMAIN.md): level thresholds
/// 0 / 15 000 / 50 000 / 150 000 ₽ of purchases in 12 months; accrual 1 / 3 / 5 / 7 points per whole 100 ₽
/// paid with money (cash or card; rounded down); 1 point = 1 ₽; redemption up to 30 % of a receipt.
/// </summary>
public sealed record LoyaltyRules(
    decimal SilverFrom = 15_000m,
    decimal GoldFrom = 50_000m,
    decimal PlatinumFrom = 150_000m,
    int StandardPointsPer100 = 1,
    int SilverPointsPer100 = 3,
    int GoldPointsPer100 = 5,
    int PlatinumPointsPer100 = 7,
    decimal MaxRedeemShare = 0.30m)
{
    /// <summary>The level earned by <paramref name="purchases12Months"/> ₽ of purchases (net of returns).</summary>
    public LoyaltyLevel LevelFor(decimal purchases12Months) => purchases12Months switch
    {
        var s when s >= PlatinumFrom => LoyaltyLevel.Platinum,
        var s when s >= GoldFrom => LoyaltyLevel.Gold,
        var s when s >= SilverFrom => LoyaltyLevel.Silver,
        _ => LoyaltyLevel.Standard,
    };

    /// <summary>Points per whole 100 ₽ at a level.</summary>
    public int RatePer100(LoyaltyLevel level) => level switch
    {
        LoyaltyLevel.Platinum => PlatinumPointsPer100,
        LoyaltyLevel.Gold => GoldPointsPer100,
        LoyaltyLevel.Silver => SilverPointsPer100,
        _ => StandardPointsPer100,
    };

    /// <summary>
    /// Points earned on <paramref name="paidWithMoney"/> ₽ (cash + card only; the part paid with points or
    /// certificates and the sale of certificates earn nothing): whole hundreds × rate, rounded down.
    /// </summary>
    public int Accrual(decimal paidWithMoney, LoyaltyLevel level) =>
        (int)decimal.Floor(Math.Max(paidWithMoney, 0) / 100m) * RatePer100(level);

    /// <summary>
    /// The most points the customer may spend on a receipt of <paramref name="receiptTotal"/> ₽ (after discounts,
    /// excluding certificate sales): 30 % of it rounded down to whole ₽, and never more than the balance.
    /// A negative balance (after a return reversed an accrual) allows nothing.
    /// </summary>
    public int MaxRedeemable(decimal receiptTotal, int balance) =>
        Math.Max(Math.Min(balance, (int)decimal.Floor(receiptTotal * MaxRedeemShare)), 0);

    /// <summary>Russian label of a level.</summary>
    public static string Label(LoyaltyLevel level) => level switch
    {
        LoyaltyLevel.Silver => "Серебряный",
        LoyaltyLevel.Gold => "Золотой",
        LoyaltyLevel.Platinum => "Платиновый",
        _ => "Стандарт",
    };
}
