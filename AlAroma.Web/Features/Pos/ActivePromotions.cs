using AlAroma.Web.Features.Promotions.Engine;

namespace AlAroma.Web.Features.Pos;

/// <summary>
/// The promotions the till prices with. The POS depends only on this interface; the promotions back office
/// implements it (<see cref="Promotions.GetActivePromotions"/>, promotions stored in the database).
/// </summary>
public interface IActivePromotions
{
    /// <summary>Promotions that may apply on <paramref name="localDate"/> (the shop's local date) at <paramref name="locationId"/>.</summary>
    Task<IReadOnlyList<Promotion>> ForAsync(DateOnly localDate, int locationId, CancellationToken ct);
}

/// <summary>Settings of the till (section "Pos").</summary>
public sealed class PosOptions
{
    /// <summary>Largest manual discount a Seller may give, % (default 15).</summary>
    public decimal SellerDiscountLimitPercent { get; set; } = ManualDiscountPolicy.DefaultSellerLimitPercent;

    /// <summary>Largest cash discrepancy (either way) a Cashier/Seller may close a shift with, ₽; above it a manager confirms (default 500).</summary>
    public decimal DiscrepancyLimit { get; set; } = 500m;

    /// <summary>Nominals of gift certificates sold at the till, ₽; null or empty = 1 000 / 3 000 / 5 000.</summary>
    public decimal[]? CertificateNominals { get; set; }

    /// <summary>The nominals in effect, ₽, ascending.</summary>
    public IReadOnlyList<decimal> Nominals =>
        CertificateNominals is { Length: > 0 } n ? n.Where(x => x > 0).Distinct().Order().ToArray() : [1000m, 3000m, 5000m];
}
