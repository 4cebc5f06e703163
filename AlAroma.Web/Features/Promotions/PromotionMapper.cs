using AlAroma.Web.Features.Promotions.Engine;

namespace AlAroma.Web.Features.Promotions;

/// <summary>Stored promotion → the pricing engine's record. Pure: no database, no clock.</summary>
public static class PromotionMapper
{
    /// <summary>
    /// The engine's promotion for <paramref name="r"/>, with its id, priority, dates and locations. The status is
    /// not part of the engine's record: callers pass only active promotions (see <see cref="GetActivePromotions"/>).
    /// Throws <see cref="ArgumentException"/> when the record lacks what its type needs (a value or slots).
    /// </summary>
    public static Promotion ToEngine(PromotionRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        Promotion p = r.Type switch
        {
            PromotionType.Percent => new UnitDiscountPromotion(r.Id, r.Name, ToGroup(r.Group), UnitDiscountType.Percent, Required(r)),
            PromotionType.FixedPerUnit => new UnitDiscountPromotion(r.Id, r.Name, ToGroup(r.Group), UnitDiscountType.Fixed, Required(r)),
            PromotionType.Birthday => new BirthdayPromotion(r.Id, r.Name) { Percent = Required(r) },
            PromotionType.ThreeForTwo => new ThreeForTwoPromotion(r.Id, r.Name, ToGroup(r.Group)),
            PromotionType.Combo => new ComboPromotion(r.Id, r.Name,
                r.Slots.Select(s => new ComboSlot(ToGroup(s.Group), s.IsGift ? 0m : s.Price)).ToArray()),
            _ => throw new ArgumentException($"Promotion {r.Id}: unknown type {r.Type}."),
        };
        return p with
        {
            Priority = r.Priority,
            ValidFrom = r.ValidFrom,
            ValidTo = r.ValidTo,
            LocationIds = r.LocationIds.Distinct().Order().ToArray(),
        };
    }

    /// <summary>The engine's product group for a stored one (lists copied, so later edits of the record do not leak in).</summary>
    public static ProductGroup ToGroup(GroupSpec g) =>
        g.AllProducts ? ProductGroup.All : new ProductGroup(g.ProductIds.ToArray(), g.Brands.ToArray(), g.Categories.ToArray());

    private static decimal Required(PromotionRecord r) =>
        r.Value ?? throw new ArgumentException($"Promotion {r.Id}: a {r.Type} promotion needs a value.");
}
