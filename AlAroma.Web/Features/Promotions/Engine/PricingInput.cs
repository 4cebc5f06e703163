namespace AlAroma.Web.Features.Promotions.Engine;

/// <summary>
/// One line of the cart as the till has it. Prices are ₽ with at most two decimals (kopecks).
/// </summary>
/// <param name="LineId">Stable id of the line within the cart (unique, non-empty). Results are keyed by it.</param>
/// <param name="ProductId">Catalog product id (0 for a gift certificate line).</param>
/// <param name="Brand">Brand of the product as in the catalog; compared case-insensitively.</param>
/// <param name="Category">Category of the product as in the catalog; compared case-insensitively.</param>
/// <param name="UnitPrice">Retail price of one unit, ₽, ≥ 0, whole kopecks.</param>
/// <param name="Quantity">Units on the line, 1..<see cref="PricingEngine.MaxQuantityPerLine"/>.</param>
/// <param name="IsGiftCertificate">The line sells a gift certificate: it gets no discount of any kind.</param>
public sealed record CartLine(
    string LineId,
    int ProductId,
    string? Brand,
    string? Category,
    decimal UnitPrice,
    int Quantity,
    bool IsGiftCertificate = false);

/// <summary>
/// What the engine needs to know about the customer of the receipt (null on the request = anonymous sale).
/// </summary>
/// <param name="Birthday">Date of birth (only month and day matter); null when unknown.</param>
/// <param name="BirthdayRecordedOn">Local date the birthday was put on file (or last changed); the birthday
/// discount needs it to be on file for <see cref="BirthdayPromotion.OnFileDays"/> days.</param>
/// <param name="BirthdayDiscountUsedThisYear">The customer already had the birthday discount on a receipt
/// for the current birthday (the caller decides from the sales history); then it is not given again.</param>
public sealed record PricingCustomer(
    DateOnly? Birthday,
    DateOnly? BirthdayRecordedOn,
    bool BirthdayDiscountUsedThisYear = false);

/// <summary>Whether a manual discount is a percentage or an amount in ₽.</summary>
public enum ManualDiscountKind
{
    /// <summary>Value is a percentage, 0 &lt; Value ≤ 100.</summary>
    Percent = 1,

    /// <summary>Value is ₽ off the receipt or the line (not per unit), whole kopecks.</summary>
    Amount = 2,
}

/// <summary>
/// A discount the person at the till gives by hand, applied after promotions on what is left to pay.
/// </summary>
/// <param name="Kind">Percent or ₽.</param>
/// <param name="Value">Percent (0..100] or ₽ amount (&gt; 0).</param>
/// <param name="LineId">The line it applies to; null = the whole receipt (certificate lines excluded).</param>
public sealed record ManualDiscount(ManualDiscountKind Kind, decimal Value, string? LineId = null);

/// <summary>
/// A customer's one-time discount gift (loyalty programme, «Подарки») used on this receipt: a percentage of what is
/// left to pay after promotions and the manual discount. The gift was the approval, so no role limit applies.
/// </summary>
/// <param name="Name">Name printed on the receipt, e.g. "Подарок: скидка 10 %".</param>
/// <param name="Percent">Percent, 0 &lt; Percent ≤ 100.</param>
public sealed record GiftDiscount(string Name, decimal Percent);

/// <summary>
/// Everything the engine prices: the cart, the customer, the promotions (the engine itself drops those not
/// valid on <see cref="Today"/> at <see cref="LocationId"/>), manual discounts and who gives them.
/// </summary>
/// <param name="Lines">The cart; the order of lines does not change the result.</param>
/// <param name="Promotions">Candidate promotions (any order).</param>
/// <param name="Today">Local date of the sale at the location (used for promotion dates and the birthday window).</param>
/// <param name="LocationId">The shop of the sale.</param>
/// <param name="Customer">The customer, or null for an anonymous sale.</param>
/// <param name="ManualDiscounts">Manual discounts; line discounts are applied before receipt discounts.</param>
/// <param name="ActorRoles">Roles of the person giving manual discounts (see <see cref="ManualDiscountPolicy"/>).</param>
/// <param name="SellerManualLimitPercent">The configurable Seller limit, % (default 15).</param>
/// <param name="Gift">The customer's discount gift used on the receipt, or null.</param>
public sealed record PricingRequest(
    IReadOnlyList<CartLine> Lines,
    IReadOnlyList<Promotion> Promotions,
    DateOnly Today,
    int LocationId,
    PricingCustomer? Customer = null,
    IReadOnlyList<ManualDiscount>? ManualDiscounts = null,
    IReadOnlyCollection<string>? ActorRoles = null,
    decimal SellerManualLimitPercent = ManualDiscountPolicy.DefaultSellerLimitPercent,
    GiftDiscount? Gift = null);
