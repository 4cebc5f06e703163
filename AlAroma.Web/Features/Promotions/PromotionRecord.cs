namespace AlAroma.Web.Features.Promotions;

/// <summary>Kind of a stored promotion (DOMAIN.md "Promotions").</summary>
public enum PromotionType
{
    /// <summary>Percent off every unit of the group.</summary>
    Percent = 1,

    /// <summary>₽ off every unit of the group.</summary>
    FixedPerUnit = 2,

    /// <summary>The birthday discount (percent on one receipt a year around the birthday).</summary>
    Birthday = 3,

    /// <summary>1+1=3: of every three units of the group the cheapest is free.</summary>
    ThreeForTwo = 4,

    /// <summary>Combo: slots, each a group at a fixed price, optionally a gift slot at 0 ₽.</summary>
    Combo = 5,
}

/// <summary>What the back office sets: the promotion runs (within its dates) or is paused by hand.</summary>
public enum PromotionStatus
{
    Active = 1,
    Paused = 2,
}

/// <summary>What the list shows: derived from <see cref="PromotionStatus"/> and the dates (see <see cref="PromotionRecord.StateOn"/>).</summary>
public enum PromotionState
{
    /// <summary>Действует: active and today is within its dates.</summary>
    Running = 1,

    /// <summary>Запланирована: active, starts later.</summary>
    Scheduled = 2,

    /// <summary>На паузе: paused by hand (and not yet over).</summary>
    Paused = 3,

    /// <summary>Завершена: its last day has passed.</summary>
    Finished = 4,
}

/// <summary>
/// A set of products as stored: product ids, brands, categories (any match), or every product.
/// Stored as jsonb inside the promotion (see <see cref="PromotionConfiguration"/>).
/// </summary>
public sealed record GroupSpec
{
    public List<int> ProductIds { get; init; } = [];
    public List<string> Brands { get; init; } = [];
    public List<string> Categories { get; init; } = [];
    public bool AllProducts { get; init; }

    /// <summary>True when the group selects nothing at all.</summary>
    public bool IsEmpty => !AllProducts && ProductIds.Count == 0 && Brands.Count == 0 && Categories.Count == 0;
}

/// <summary>A combo slot as stored: one unit of <see cref="Group"/> at <see cref="Price"/> ₽ (0 ₽ when <see cref="IsGift"/>).</summary>
public sealed record SlotSpec
{
    public GroupSpec Group { get; init; } = new();

    /// <summary>Combo price of the slot, ₽ (whole kopecks); 0 for the gift slot.</summary>
    public decimal Price { get; init; }
    public bool IsGift { get; init; }
}

/// <summary>
/// A promotion managed in the back office (Акция). The POS reads the active ones through
/// <see cref="GetActivePromotions"/>, which maps them to the pricing engine's records (<see cref="PromotionMapper"/>).
/// Dates are local dates of the shop, inclusive; no <see cref="ValidTo"/> = open-ended.
/// </summary>
[Infrastructure.Auditing.AuditName("Акция", Link = "/promotions/{0}")]
public class PromotionRecord
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public PromotionType Type { get; set; }

    /// <summary>The products of a percent, fixed or 1+1=3 promotion (empty for birthday and combo).</summary>
    public GroupSpec Group { get; set; } = new();

    /// <summary>Percent (percent, birthday) or ₽ per unit (fixed); null for 1+1=3 and combo.</summary>
    public decimal? Value { get; set; }

    /// <summary>Slots of a combo in order (empty for other types).</summary>
    public List<SlotSpec> Slots { get; set; } = [];

    /// <summary>First local day the promotion runs.</summary>
    public DateOnly ValidFrom { get; set; }

    /// <summary>Last local day the promotion runs (inclusive); null = no end date.</summary>
    public DateOnly? ValidTo { get; set; }

    /// <summary>Shops where it runs; empty = every location.</summary>
    public List<int> LocationIds { get; set; } = [];

    /// <summary>Higher wins a tie between equally good combinations (see the engine).</summary>
    public int Priority { get; set; }
    public PromotionStatus Status { get; set; } = PromotionStatus.Active;

    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";

    /// <summary>The state shown in the list on local date <paramref name="today"/>: a finished promotion is "Завершена" even when paused.</summary>
    public PromotionState StateOn(DateOnly today) => State(Status, ValidFrom, ValidTo, today);

    /// <summary>See <see cref="StateOn"/>.</summary>
    public static PromotionState State(PromotionStatus status, DateOnly from, DateOnly? to, DateOnly today) =>
        to is { } end && end < today ? PromotionState.Finished
        : status == PromotionStatus.Paused ? PromotionState.Paused
        : from > today ? PromotionState.Scheduled
        : PromotionState.Running;

    /// <summary>Russian label of a type for the UI.</summary>
    public static string TypeLabel(PromotionType type) => type switch
    {
        PromotionType.Percent => "Скидка в процентах",
        PromotionType.FixedPerUnit => "Скидка в рублях за штуку",
        PromotionType.Birthday => "День рождения",
        PromotionType.ThreeForTwo => "1+1=3",
        PromotionType.Combo => "Комбо-набор",
        _ => type.ToString(),
    };

    /// <summary>Russian label of a state for the status badge.</summary>
    public static string StateLabel(PromotionState state) => state switch
    {
        PromotionState.Running => "Действует",
        PromotionState.Scheduled => "Запланирована",
        PromotionState.Paused => "На паузе",
        PromotionState.Finished => "Завершена",
        _ => state.ToString(),
    };

    /// <summary>Bootstrap badge class of a state.</summary>
    public static string StateBadge(PromotionState state) => state switch
    {
        PromotionState.Running => "text-bg-success",
        PromotionState.Scheduled => "text-bg-info",
        PromotionState.Paused => "text-bg-warning",
        _ => "text-bg-secondary",
    };
}
