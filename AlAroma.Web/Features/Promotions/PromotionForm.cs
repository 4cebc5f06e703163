using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Promotions;

/// <summary>A product group as typed in the form: "all products", brands, categories, and SKUs (артикулы) as text.</summary>
public sealed class GroupInput
{
    public bool All { get; set; }
    public List<string> Brands { get; set; } = [];
    public List<string> Categories { get; set; } = [];

    /// <summary>SKUs separated by commas, semicolons, spaces or new lines.</summary>
    public string? Skus { get; set; }

    /// <summary>The SKUs typed, trimmed, without duplicates (case-insensitive), in the order typed.</summary>
    public IReadOnlyList<string> SkuList() =>
        (Skus ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>True when nothing is chosen.</summary>
    public bool IsBlank => !All && Clean(Brands).Count == 0 && Clean(Categories).Count == 0 && SkuList().Count == 0;

    /// <summary>The stored group; SKUs become product ids through <paramref name="skuIds"/> (every SKU must be in it).</summary>
    public GroupSpec ToSpec(IReadOnlyDictionary<string, int> skuIds) => All
        ? new GroupSpec { AllProducts = true }
        : new GroupSpec
        {
            Brands = Clean(Brands),
            Categories = Clean(Categories),
            ProductIds = SkuList().Select(s => skuIds[s]).Distinct().ToList(),
        };

    /// <summary>The form's group for a stored one; product ids become SKUs through <paramref name="skuOf"/> (unknown ids are dropped).</summary>
    public static GroupInput From(GroupSpec g, IReadOnlyDictionary<int, string> skuOf) => new()
    {
        All = g.AllProducts,
        Brands = [.. g.Brands],
        Categories = [.. g.Categories],
        Skus = string.Join(", ", g.ProductIds.Where(skuOf.ContainsKey).Select(id => skuOf[id])),
    };

    internal static List<string> Clean(IEnumerable<string>? values) =>
        (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

/// <summary>One combo slot row of the form. A row with nothing chosen, no price and not a gift is ignored (the spare row).</summary>
public sealed class SlotInput
{
    public GroupInput Group { get; set; } = new();

    /// <summary>Combo price as typed ("1 500", "700,50").</summary>
    public string? Price { get; set; }
    public bool IsGift { get; set; }

    /// <summary>True for the untouched spare row.</summary>
    public bool IsBlank => Group.IsBlank && string.IsNullOrWhiteSpace(Price) && !IsGift;
}

/// <summary>
/// The create/edit promotion form (/promotions/new, /promotions/{id}). Amounts and percents are text so that both
/// "10,5" and "10.5" work (<see cref="Money.Parse"/>). <see cref="Validate"/> is pure; <see cref="ToRecordAsync"/>
/// also checks SKUs and locations against the database.
/// </summary>
public sealed class PromotionForm
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public PromotionType Type { get; set; } = PromotionType.Percent;
    public GroupInput Group { get; set; } = new();

    /// <summary>Percent (percent and birthday types) or ₽ per unit (fixed type), as typed.</summary>
    public string? Value { get; set; }
    public List<SlotInput> Slots { get; set; } = [];
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public List<int> LocationIds { get; set; } = [];
    public int Priority { get; set; }

    /// <summary>Whether the type uses <see cref="Group"/>.</summary>
    public static bool HasGroup(PromotionType t) => t is PromotionType.Percent or PromotionType.FixedPerUnit or PromotionType.ThreeForTwo;

    /// <summary>Whether the type uses <see cref="Value"/>.</summary>
    public static bool HasValue(PromotionType t) => t is PromotionType.Percent or PromotionType.FixedPerUnit or PromotionType.Birthday;

    /// <summary>The combo rows that count (the spare blank row left out).</summary>
    public IReadOnlyList<SlotInput> FilledSlots => Slots.Where(s => !s.IsBlank).ToList();

    /// <summary>
    /// The form's mistakes as Russian sentences keyed by field name (as the form names its inputs; "" = the whole form).
    /// Empty when the form is fine as far as can be told without the database.
    /// </summary>
    public Dictionary<string, string> Validate()
    {
        var e = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Name)) e[nameof(Name)] = "Введите название акции — оно печатается в чеке.";
        else if (Name.Trim().Length > 200) e[nameof(Name)] = "Название не длиннее 200 символов.";
        if (!Enum.IsDefined(Type)) e[nameof(Type)] = "Выберите тип акции из списка.";
        if (HasGroup(Type) && Group.IsBlank)
            e[nameof(Group)] = "Выберите бренды, категории или артикулы товаров — или отметьте «Все товары».";
        if (HasValue(Type))
        {
            var v = Money.Parse(Value);
            if (v is null) e[nameof(Value)] = Type == PromotionType.FixedPerUnit
                ? "Введите скидку в рублях, например 500 или 149,90."
                : "Введите процент скидки — число от 1 до 99.";
            else if (Type == PromotionType.FixedPerUnit && v <= 0) e[nameof(Value)] = "Скидка в рублях должна быть больше 0 ₽.";
            else if (Type != PromotionType.FixedPerUnit && v is < 1 or > 99) e[nameof(Value)] = "Процент скидки должен быть от 1 до 99.";
        }
        if (Type == PromotionType.Combo) ValidateSlots(e);
        if (ValidFrom is null) e[nameof(ValidFrom)] = "Укажите дату начала акции.";
        else if (ValidTo is { } to && to < ValidFrom) e[nameof(ValidTo)] = "Дата окончания не может быть раньше даты начала.";
        if (Priority is < 0 or > 1000) e[nameof(Priority)] = "Приоритет — целое число от 0 до 1000.";
        return e;
    }

    private void ValidateSlots(Dictionary<string, string> e)
    {
        for (var i = 0; i < Slots.Count; i++)
        {
            var s = Slots[i];
            if (s.IsBlank) continue;
            if (s.Group.IsBlank) e[$"Slots[{i}].Group"] = "Выберите товары слота: бренды, категории или артикулы.";
            if (s.IsGift) continue;
            var price = Money.Parse(s.Price);
            if (price is null || price <= 0) e[$"Slots[{i}].Price"] = "Цена слота должна быть больше 0 ₽ (или отметьте «Подарок»).";
        }
        var filled = FilledSlots;
        if (filled.Count(s => !s.Group.IsBlank) < 2) e[nameof(Slots)] = "В комбо нужно хотя бы 2 слота с выбранными товарами.";
        else if (filled.Count(s => s.IsGift) > 1) e[nameof(Slots)] = "В комбо может быть только один подарок.";
    }

    /// <summary>
    /// Copies a valid form onto <paramref name="r"/> (SKUs mapped to ids by <paramref name="skuIds"/>); what the type does
    /// not use is cleared. Call only when <see cref="Validate"/> found nothing.
    /// </summary>
    public void ApplyTo(PromotionRecord r, IReadOnlyDictionary<string, int> skuIds)
    {
        r.Name = Name.Trim();
        r.Type = Type;
        r.Group = HasGroup(Type) ? Group.ToSpec(skuIds) : new GroupSpec();
        r.Value = HasValue(Type) ? Money.Parse(Value) : null;
        r.Slots = Type == PromotionType.Combo
            ? FilledSlots.Select(s => new SlotSpec { Group = s.Group.ToSpec(skuIds), IsGift = s.IsGift, Price = s.IsGift ? 0m : Money.Parse(s.Price)!.Value }).ToList()
            : [];
        r.ValidFrom = ValidFrom!.Value;
        r.ValidTo = ValidTo;
        r.LocationIds = LocationIds.Distinct().Order().ToList();
        r.Priority = Priority;
    }

    /// <summary>The form showing a stored promotion; <paramref name="skuOf"/> turns product ids back into SKUs.</summary>
    public static PromotionForm From(PromotionRecord r, IReadOnlyDictionary<int, string> skuOf) => new()
    {
        Id = r.Id,
        Name = r.Name,
        Type = r.Type,
        Group = GroupInput.From(r.Group, skuOf),
        Value = r.Value?.ToString("0.##", Money.Ru),
        Slots = r.Slots.Select(s => new SlotInput
        {
            Group = GroupInput.From(s.Group, skuOf), IsGift = s.IsGift, Price = s.IsGift ? null : s.Price.ToString("0.##", Money.Ru),
        }).ToList(),
        ValidFrom = r.ValidFrom,
        ValidTo = r.ValidTo,
        LocationIds = [.. r.LocationIds],
        Priority = r.Priority,
    };

    /// <summary>
    /// Validates the form against the rules and the database (SKUs exist, locations exist) and, when all is well,
    /// copies it onto <paramref name="target"/>. Returns the errors (empty = copied).
    /// </summary>
    public async Task<Dictionary<string, string>> ToRecordAsync(AppDbContext db, PromotionRecord target, CancellationToken ct)
    {
        var errors = Validate();
        var groups = new List<(string Key, GroupInput Group)>();
        if (HasGroup(Type)) groups.Add((nameof(Group), Group));
        if (Type == PromotionType.Combo) groups.AddRange(Slots.Select((s, i) => ($"Slots[{i}].Group", s.Group)).Where(g => !g.Group.All));
        var skus = groups.SelectMany(g => g.Group.SkuList()).Select(s => s.ToUpperInvariant()).Distinct().ToList();
        var found = await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku.ToUpper())).Select(p => new { p.Sku, p.Id }).ToListAsync(ct);
        var skuIds = found.ToDictionary(p => p.Sku, p => p.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, group) in groups)
        {
            var missing = group.SkuList().Where(s => !skuIds.ContainsKey(s)).ToList();
            if (missing.Count > 0 && !group.All)
                errors[key + ".Skus"] = $"Нет в каталоге: {string.Join(", ", missing)}. Проверьте артикулы.";
        }
        var locationIds = LocationIds.Distinct().ToList();
        var known = await db.Locations.CountAsync(l => locationIds.Contains(l.Id), ct);
        if (known != locationIds.Count) errors[nameof(LocationIds)] = "Одной из выбранных точек больше нет. Обновите страницу и выберите точки заново.";
        if (errors.Count == 0) ApplyTo(target, skuIds);
        return errors;
    }
}
