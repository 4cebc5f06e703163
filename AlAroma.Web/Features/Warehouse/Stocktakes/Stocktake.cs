using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Warehouse.Stocktakes;

/// <summary>Where a stocktake is in its life: Подсчёт → На проверке → Проведена, or Отменена.</summary>
public enum StocktakeStatus
{
    /// <summary>Counters scan; nobody sees book quantities.</summary>
    Counting = 0,

    /// <summary>Counting closed; the review shows book, counted and differences.</summary>
    Review = 1,

    /// <summary>Differences written to the ledger; read-only.</summary>
    Posted = 2,
    Cancelled = 9,
}

/// <summary>What a stocktake counts at its location.</summary>
public enum StocktakeScope
{
    /// <summary>Every product.</summary>
    Full = 0,

    /// <summary>Products of the brands in <see cref="Stocktake.ScopeValues"/>.</summary>
    Brands = 1,

    /// <summary>Products of the categories in <see cref="Stocktake.ScopeValues"/>.</summary>
    Categories = 2,
}

/// <summary>How a count entry was made.</summary>
public enum CountEntryKind
{
    /// <summary>A barcode scan with a quantity (1 unless typed).</summary>
    Scan = 1,

    /// <summary>A product found by search with a typed quantity.</summary>
    Typed = 2,

    /// <summary>A counter corrected their own count of a product (signed difference).</summary>
    Correction = 3,
}

/// <summary>
/// Stocktake (инвентаризация), "ИН-2026-000001": a blind count at one location, full or by brands/categories.
/// Counts are append-only <see cref="StocktakeEntry"/> rows per counter; a product's first count creates a
/// <see cref="StocktakeLine"/> that freezes the book quantity at that moment (see <see cref="StocktakeRules"/>).
/// </summary>
[Infrastructure.Auditing.AuditName("Инвентаризация", Link = "/warehouse/stocktakes/{0}")]
public class Stocktake
{
    public long Id { get; set; }

    /// <summary>"ИН-2026-000001": per year.</summary>
    public string Number { get; set; } = "";
    public int LocationId { get; set; }
    public StocktakeScope Scope { get; set; }

    /// <summary>Brands or categories of a partial stocktake (empty for a full one).</summary>
    public List<string> ScopeValues { get; set; } = [];

    /// <summary>Products in scope never counted that the reviewer chose to leave out (not counted as 0).</summary>
    public List<int> ExcludedProductIds { get; set; } = [];
    public StocktakeStatus Status { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? SubmittedAtUtc { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? PostedAtUtc { get; set; }
    public string? PostedBy { get; set; }
    public List<StocktakeLine> Lines { get; set; } = [];

    /// <summary>True when <paramref name="p"/> belongs to what this stocktake counts.</summary>
    public bool Covers(Product p) => Scope switch
    {
        StocktakeScope.Brands => p.Brand is { } b && ScopeValues.Contains(b),
        StocktakeScope.Categories => p.Category is { } c && ScopeValues.Contains(c),
        _ => true,
    };

    /// <summary>Closes counting ("Завершить подсчёт").</summary>
    /// <exception cref="BusinessRuleException">Not counting, or nothing was counted.</exception>
    public void Submit(DateTime atUtc, string by, bool anythingCounted)
    {
        EnsureCounting();
        if (!anythingCounted) throw new BusinessRuleException("Ничего не посчитано. Отсканируйте товары на полках, затем завершите подсчёт.");
        Status = StocktakeStatus.Review;
        SubmittedAtUtc = atUtc;
        SubmittedBy = by;
    }

    /// <summary>Sends the stocktake back to counting ("Вернуть на подсчёт"): e.g. to recount a suspicious line.</summary>
    /// <exception cref="BusinessRuleException">Not in review.</exception>
    public void Reopen()
    {
        EnsureReview();
        Status = StocktakeStatus.Counting;
    }

    /// <summary>Leaves an uncounted product out of the posting, or counts it as 0 again.</summary>
    /// <exception cref="BusinessRuleException">Not in review.</exception>
    public void Exclude(int productId, bool exclude)
    {
        EnsureReview();
        if (exclude && !ExcludedProductIds.Contains(productId)) ExcludedProductIds = [.. ExcludedProductIds, productId];
        if (!exclude) ExcludedProductIds = ExcludedProductIds.Where(x => x != productId).ToList();
    }

    /// <summary>Marks the stocktake posted (the caller writes the ledger in the same transaction).</summary>
    /// <exception cref="BusinessRuleException">Not in review.</exception>
    public void Post(DateTime atUtc, string by)
    {
        EnsureReview();
        Status = StocktakeStatus.Posted;
        PostedAtUtc = atUtc;
        PostedBy = by;
    }

    /// <summary>Cancels a stocktake that is not posted; stock stays as it is.</summary>
    /// <exception cref="BusinessRuleException">Already posted or cancelled.</exception>
    public void Cancel()
    {
        if (Status is StocktakeStatus.Posted or StocktakeStatus.Cancelled)
            throw new BusinessRuleException("Проведённую или отменённую инвентаризацию отменить нельзя. Ошибки исправляются новой инвентаризацией.");
        Status = StocktakeStatus.Cancelled;
    }

    /// <exception cref="BusinessRuleException">Counting is over.</exception>
    public void EnsureCounting()
    {
        if (Status != StocktakeStatus.Counting)
            throw new BusinessRuleException($"Подсчёт по {Number} уже закрыт (статус «{StatusLabel(Status)}»). Новые данные не приняты.");
    }

    /// <exception cref="BusinessRuleException">Not in review.</exception>
    public void EnsureReview()
    {
        if (Status != StocktakeStatus.Review)
            throw new BusinessRuleException($"Действие доступно только для инвентаризации на проверке, а {Number} — «{StatusLabel(Status)}». Обновите страницу.");
    }

    /// <summary>Russian status label for badges.</summary>
    public static string StatusLabel(StocktakeStatus s) => s switch
    {
        StocktakeStatus.Counting => "Подсчёт",
        StocktakeStatus.Review => "На проверке",
        StocktakeStatus.Posted => "Проведена",
        StocktakeStatus.Cancelled => "Отменена",
        _ => s.ToString(),
    };

    /// <summary>Bootstrap badge class of a status.</summary>
    public static string StatusBadge(StocktakeStatus s) => s switch
    {
        StocktakeStatus.Counting => "text-bg-primary",
        StocktakeStatus.Review => "text-bg-warning",
        StocktakeStatus.Posted => "text-bg-success",
        _ => "text-bg-dark",
    };

    /// <summary>"Полная", "Бренды: Dior, Chanel", "Категории: Парфюмерия".</summary>
    public static string ScopeLabel(StocktakeScope scope, IReadOnlyCollection<string> values) => scope switch
    {
        StocktakeScope.Brands => "Бренды: " + string.Join(", ", values),
        StocktakeScope.Categories => "Категории: " + string.Join(", ", values),
        _ => "Полная",
    };
}

/// <summary>
/// A product of a stocktake. Created by the product's first count (or at posting for a product never counted) with
/// the ledger balance and the id of the last ledger movement of (location, product) at that moment.
/// </summary>
[Infrastructure.Auditing.AuditName("Строка инвентаризации")]
public class StocktakeLine
{
    public long Id { get; set; }
    public long StocktakeId { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }

    /// <summary>Units on the books when the product was first counted (for a never-counted product: at posting).</summary>
    public int BookQuantity { get; set; }

    /// <summary>Id of the last stock movement of (location, product) included in <see cref="BookQuantity"/>; null = none yet. For tracing only.</summary>
    public long? SnapshotMovementId { get; set; }

    /// <summary>When the first unit was counted (UTC); null for a product nobody counted.</summary>
    public DateTime? FirstCountedAtUtc { get; set; }

    /// <summary>Units counted, frozen at posting (before: the sum of the entries).</summary>
    public int? CountedQuantity { get; set; }

    /// <summary>Average cost per unit at posting, ₽ (frozen so that the posted document keeps its ₽ figures).</summary>
    public decimal? UnitCost { get; set; }
}

/// <summary>One count by one counter: append-only, so counters working at once never overwrite each other.</summary>
public class StocktakeEntry
{
    public long Id { get; set; }
    public long StocktakeId { get; set; }
    public int ProductId { get; set; }

    /// <summary>Signed units (negative only for a counter's correction of their own count).</summary>
    public int Quantity { get; set; }
    public CountEntryKind Kind { get; set; }

    /// <summary>User name of the counter.</summary>
    public string CountedBy { get; set; } = "";
    public DateTime AtUtc { get; set; }
}

/// <summary>
/// The arithmetic of a stocktake whose location keeps trading during the count.
/// <para>
/// A counter's count is what stood on the shelf when the product was counted; the line's book quantity is the
/// ledger balance at that same moment. Everything that happens afterwards (sales, receipts, transfers) changes the
/// shelf and the books by the same amount, so it does not change the difference. The adjustment to post is
/// therefore <c>counted − book at count</c>, applied to the balance at posting time — NOT "counted − current
/// balance", which would undo every sale made after counting. After posting the balance equals the count plus
/// everything that moved after it (e.g. counted 7, then 2 sold: the balance is 5).
/// </para>
/// </summary>
public static class StocktakeRules
{
    /// <summary>The signed adjustment in units: + surplus, − shortage.</summary>
    public static int Adjustment(int counted, int bookAtCount) => counted - bookAtCount;

    /// <summary>The difference in ₽ at average cost (negative for a shortage), rounded to kopecks.</summary>
    public static decimal Value(int adjustment, decimal unitCost) => Money.Round(adjustment * unitCost);

    /// <summary>
    /// True when the adjustment can be applied to <paramref name="currentBalance"/> without going negative. It cannot
    /// only when more left the location after counting than was counted, i.e. the count itself was wrong.
    /// </summary>
    public static bool Applicable(int currentBalance, int adjustment) => currentBalance + adjustment >= 0;
}
