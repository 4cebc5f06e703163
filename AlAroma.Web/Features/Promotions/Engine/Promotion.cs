namespace AlAroma.Web.Features.Promotions.Engine;

/// <summary>What kind of discount an applied line of the receipt explanation is.</summary>
public enum DiscountKind
{
    Percent = 1,
    Fixed = 2,
    Birthday = 3,
    ThreeForTwo = 4,
    Combo = 5,
    Manual = 6,

    /// <summary>A customer's one-time discount gift (loyalty programme), after every other discount.</summary>
    Gift = 7,
}

/// <summary>
/// A set of products: any product whose id is listed, or whose brand or category is listed
/// (brand/category compared case-insensitively), or every product when <see cref="AllProducts"/>.
/// Gift certificates never belong to a group.
/// </summary>
public sealed record ProductGroup(
    IReadOnlyCollection<int>? ProductIds = null,
    IReadOnlyCollection<string>? Brands = null,
    IReadOnlyCollection<string>? Categories = null,
    bool AllProducts = false)
{
    /// <summary>Every product.</summary>
    public static ProductGroup All { get; } = new(AllProducts: true);

    /// <summary>Products of these brands.</summary>
    public static ProductGroup OfBrands(params string[] brands) => new(Brands: brands);

    /// <summary>Products of these categories.</summary>
    public static ProductGroup OfCategories(params string[] categories) => new(Categories: categories);

    /// <summary>Exactly these products.</summary>
    public static ProductGroup OfProducts(params int[] productIds) => new(ProductIds: productIds);

    /// <summary>Whether the line's product belongs to the group (certificate lines never do).</summary>
    public bool Matches(CartLine line)
    {
        if (line.IsGiftCertificate) return false;
        if (AllProducts) return true;
        if (ProductIds is not null && ProductIds.Contains(line.ProductId)) return true;
        if (line.Brand is not null && Brands is not null
            && Brands.Any(b => string.Equals(b, line.Brand, StringComparison.OrdinalIgnoreCase))) return true;
        return line.Category is not null && Categories is not null
            && Categories.Any(c => string.Equals(c, line.Category, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>
/// A promotion the engine may apply. Valid from <see cref="ValidFrom"/> to <see cref="ValidTo"/> inclusive
/// (local dates; null = open) at <see cref="LocationIds"/> (empty = every location).
/// <see cref="Priority"/> (higher first) then <see cref="Id"/> (lower first) break ties between equally good choices.
/// </summary>
public abstract record Promotion(int Id, string Name)
{
    public int Priority { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public IReadOnlyCollection<int> LocationIds { get; init; } = [];

    /// <summary>Kind shown on the receipt and in the Z-report.</summary>
    public abstract DiscountKind Kind { get; }

    /// <summary>Whether the promotion runs on this local date at this location.</summary>
    public bool IsActiveOn(DateOnly today, int locationId) =>
        (ValidFrom is null || today >= ValidFrom.Value)
        && (ValidTo is null || today <= ValidTo.Value)
        && (LocationIds.Count == 0 || LocationIds.Contains(locationId));

    /// <summary>Throws <see cref="ArgumentException"/> when the promotion is not well-formed.</summary>
    internal virtual void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new ArgumentException($"Promotion {Id} has no name.");
    }
}

/// <summary>Whether a unit discount is a percentage or ₽ off each unit.</summary>
public enum UnitDiscountType
{
    /// <summary>Percent of the unit price, rounded to kopecks per unit.</summary>
    Percent = 1,

    /// <summary>₽ off each unit, never more than the unit price.</summary>
    Fixed = 2,
}

/// <summary>A percent or fixed (₽ per unit) discount on a product group.</summary>
public sealed record UnitDiscountPromotion(int Id, string Name, ProductGroup Group, UnitDiscountType Type, decimal Value)
    : Promotion(Id, Name)
{
    public override DiscountKind Kind => Type == UnitDiscountType.Percent ? DiscountKind.Percent : DiscountKind.Fixed;

    internal override void Validate()
    {
        base.Validate();
        if (Type == UnitDiscountType.Percent && Value is <= 0 or > 100)
            throw new ArgumentException($"Promotion {Id}: percent must be in (0, 100].");
        if (Type == UnitDiscountType.Fixed && Value <= 0)
            throw new ArgumentException($"Promotion {Id}: fixed discount must be positive.");
    }
}

/// <summary>
/// The birthday discount: <see cref="Percent"/> % on every unit of one receipt a year, from
/// <see cref="DaysAround"/> days before to <see cref="DaysAround"/> days after the birthday, if the birthday
/// has been on file for at least <see cref="OnFileDays"/> days. See <see cref="BirthdayRule"/>.
/// </summary>
public sealed record BirthdayPromotion(int Id, string Name) : Promotion(Id, Name)
{
    public decimal Percent { get; init; } = 10m;
    public int DaysAround { get; init; } = 3;
    public int OnFileDays { get; init; } = 30;

    public override DiscountKind Kind => DiscountKind.Birthday;

    internal override void Validate()
    {
        base.Validate();
        if (Percent is <= 0 or > 100) throw new ArgumentException($"Promotion {Id}: percent must be in (0, 100].");
        if (DaysAround < 0 || OnFileDays < 0) throw new ArgumentException($"Promotion {Id}: days must not be negative.");
    }
}

/// <summary>1+1=3: of n units of the group assigned to it, the floor(n/3) cheapest are free.</summary>
public sealed record ThreeForTwoPromotion(int Id, string Name, ProductGroup Group) : Promotion(Id, Name)
{
    public override DiscountKind Kind => DiscountKind.ThreeForTwo;
}

/// <summary>A slot of a combo: one unit of the group at a fixed combo price (0 ₽ = the gift slot).</summary>
public sealed record ComboSlot(ProductGroup Group, decimal Price)
{
    /// <summary>A gift slot: one unit of the group for 0 ₽.</summary>
    public static ComboSlot Gift(ProductGroup group) => new(group, 0m);
}

/// <summary>
/// A combo, e.g. "1500 ₽ + 700 ₽ + gift": one unit per slot at the slot's price; applies when every slot is
/// filled, as many times as the cart fills all slots again.
/// </summary>
public sealed record ComboPromotion(int Id, string Name, IReadOnlyList<ComboSlot> Slots) : Promotion(Id, Name)
{
    public override DiscountKind Kind => DiscountKind.Combo;

    internal override void Validate()
    {
        base.Validate();
        if (Slots.Count == 0) throw new ArgumentException($"Promotion {Id}: a combo needs at least one slot.");
        if (Slots.Any(s => s.Price < 0 || s.Price != decimal.Round(s.Price, 2)))
            throw new ArgumentException($"Promotion {Id}: slot prices must be ≥ 0 ₽ in whole kopecks.");
    }
}
