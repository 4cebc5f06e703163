namespace AlAroma.Web.Features.Promotions.Engine;

/// <summary>
/// One explanation line under a receipt line: which promotion (or the manual discount) took how much.
/// </summary>
/// <param name="PromotionId">The promotion; null for the manual discount.</param>
/// <param name="Name">Name printed on the receipt.</param>
/// <param name="Kind">Kind of discount.</param>
/// <param name="Units">Units of this line the discount covers.</param>
/// <param name="FreeUnits">For 1+1=3: units of this line that are the free ones (shown as free on the receipt).</param>
/// <param name="Amount">₽ taken off this line by this discount (the share spread onto the line).</param>
public sealed record AppliedDiscount(int? PromotionId, string Name, DiscountKind Kind, int Units, int FreeUnits, decimal Amount);

/// <summary>
/// A priced cart line. <c>Subtotal − Discount == Total</c> exactly and
/// <c>UnitTotals</c> sums to <c>Total</c>.
/// </summary>
/// <param name="LineId">The cart line's id.</param>
/// <param name="ProductId">The cart line's product.</param>
/// <param name="Quantity">Units.</param>
/// <param name="UnitPrice">Retail price of a unit, ₽.</param>
/// <param name="Subtotal">Quantity × UnitPrice, ₽.</param>
/// <param name="Discount">All discounts on the line, ₽.</param>
/// <param name="Total">What the line costs the customer, ₽.</param>
/// <param name="UnitTotals">Effective price of each unit (to the kopeck, highest first), used by returns and margins.</param>
/// <param name="Applied">Promotions and the manual discount on the line, by promotion order.</param>
public sealed record PricedLine(
    string LineId,
    int ProductId,
    int Quantity,
    decimal UnitPrice,
    decimal Subtotal,
    decimal Discount,
    decimal Total,
    IReadOnlyList<decimal> UnitTotals,
    IReadOnlyList<AppliedDiscount> Applied);

/// <summary>Receipt-level total of one promotion (or of the manual discount) for the Z-report.</summary>
/// <param name="PromotionId">The promotion; null for the manual discount.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Kind of discount.</param>
/// <param name="Units">Units covered.</param>
/// <param name="Applications">How many times it applied: combos per completed set, 1+1=3 per free unit, else units.</param>
/// <param name="Amount">₽ discount.</param>
public sealed record PromotionTotal(int? PromotionId, string Name, DiscountKind Kind, int Units, int Applications, decimal Amount);

/// <summary>
/// The priced receipt: lines in the order of the request, <c>Subtotal − DiscountTotal == Total</c> exactly.
/// </summary>
/// <param name="Lines">Priced lines, same order as the request.</param>
/// <param name="Subtotal">Sum of line subtotals, ₽.</param>
/// <param name="DiscountTotal">All discounts, ₽.</param>
/// <param name="Total">To pay, ₽.</param>
/// <param name="ByPromotion">Discount per promotion (promotion order; manual last).</param>
/// <param name="SearchWasExact">True when the best combination was proved optimal; false when the cart was too
/// big for the exact search and the bounded fallback was used (see <see cref="PricingEngine"/>).</param>
public sealed record PricingResult(
    IReadOnlyList<PricedLine> Lines,
    decimal Subtotal,
    decimal DiscountTotal,
    decimal Total,
    IReadOnlyList<PromotionTotal> ByPromotion,
    bool SearchWasExact);
