using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Stocktakes;

/// <summary>How a product stands in the review.</summary>
public enum ReviewState
{
    /// <summary>Counted by at least one counter.</summary>
    Counted = 0,

    /// <summary>In scope, on the books, never counted: posted as counted 0 unless excluded.</summary>
    NotCounted = 1,

    /// <summary>Not counted and left out by the reviewer: its stock stays.</summary>
    Excluded = 2,
}

/// <summary>
/// The review ("Проверка"): book quantity, counted, difference in units and in ₽ at average cost, totals. Before
/// posting the figures are live (book at count, current average cost, current balance of products nobody counted);
/// a posted stocktake shows what was posted. Never shown while counting (blind count): null then, as for a missing
/// stocktake or a foreign location.
/// </summary>
public sealed class GetStocktakeReview(AppDbContext db, LocationScope scope)
{
    /// <summary>A product row. Units; <see cref="UnitCost"/> and sums in ₽; <see cref="Book"/> null for an excluded product.</summary>
    public sealed record Row(int ProductId, string Sku, string Name, string? Brand, string? Barcode, ReviewState State, int? Book, int Counted,
        decimal UnitCost, DateTime? CountedAtUtc, long? SnapshotMovementId)
    {
        /// <summary>Signed difference, units: + surplus, − shortage; 0 for an excluded product.</summary>
        public int Difference => State == ReviewState.Excluded || Book is null ? 0 : StocktakeRules.Adjustment(Counted, Book.Value);

        /// <summary>Signed difference at average cost, ₽.</summary>
        public decimal DifferenceSum => StocktakeRules.Value(Difference, UnitCost);
    }

    /// <summary>The review page.</summary>
    public sealed record Model(StocktakeHeader Header, IReadOnlyList<Row> Rows)
    {
        /// <summary>The reviewer may still decide (exclude, post, send back).</summary>
        public bool Reviewing => Header.Status == StocktakeStatus.Review;
        private IEnumerable<Row> Included => Rows.Where(r => r.State != ReviewState.Excluded);
        public int BookUnits => Included.Sum(r => r.Book ?? 0);
        public int CountedUnits => Included.Sum(r => r.Counted);
        public int ShortageUnits => -Rows.Where(r => r.Difference < 0).Sum(r => r.Difference);
        public int SurplusUnits => Rows.Where(r => r.Difference > 0).Sum(r => r.Difference);
        public decimal BookSum => Included.Sum(r => Infrastructure.Money.Round((r.Book ?? 0) * r.UnitCost));
        public decimal CountedSum => Included.Sum(r => Infrastructure.Money.Round(r.Counted * r.UnitCost));
        public decimal ShortageSum => -Rows.Where(r => r.DifferenceSum < 0).Sum(r => r.DifferenceSum);
        public decimal SurplusSum => Rows.Where(r => r.DifferenceSum > 0).Sum(r => r.DifferenceSum);
        public decimal NetSum => Rows.Sum(r => r.DifferenceSum);
        public int NotCountedCount => Rows.Count(r => r.State == ReviewState.NotCounted);
    }

    public async Task<Model?> HandleAsync(long id, CancellationToken ct)
    {
        if (await StocktakeDocs.HeaderAsync(db, scope, id, ct) is not { } h || h.Status == StocktakeStatus.Counting) return null;
        var s = await db.Set<Stocktake>().AsNoTracking().FirstAsync(x => x.Id == id, ct);
        var posted = s.Status == StocktakeStatus.Posted;
        var counted = await StocktakeDocs.CountedAsync(db, id, ct);
        var lines = await db.Set<StocktakeLine>().AsNoTracking().Where(l => l.StocktakeId == id).ToListAsync(ct);

        // Products without a line: in scope (live) or excluded (posted); their book is the current balance.
        var lineIds = lines.Select(l => l.ProductId).ToList();
        var others = posted
            ? db.Products.AsNoTracking().Where(p => s.ExcludedProductIds.Contains(p.Id))
            : StocktakeDocs.InScope(db, s.LocationId, s.Scope, s.ScopeValues).Where(p => !lineIds.Contains(p.Id));
        var balances = await others
            .Select(p => new { p.Id, Qty = db.StockBalances.Where(b => b.LocationId == s.LocationId && b.ProductId == p.Id).Select(b => b.Quantity).FirstOrDefault() })
            .Where(x => posted || x.Qty != 0 || s.ExcludedProductIds.Contains(x.Id))
            .ToDictionaryAsync(x => x.Id, x => x.Qty, ct);

        var ids = lineIds.Concat(balances.Keys).ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Sku, p.Name, p.Brand, p.AverageCost, Barcode = p.Barcodes.Where(b => !b.IsTester).OrderBy(b => b.Id).Select(b => b.Code).FirstOrDefault() })
            .ToDictionaryAsync(p => p.Id, ct);

        var rows = new List<Row>();
        foreach (var l in lines)
        {
            var p = products[l.ProductId];
            var state = l.FirstCountedAtUtc is null ? ReviewState.NotCounted : ReviewState.Counted;
            rows.Add(new Row(p.Id, p.Sku, p.Name, p.Brand, p.Barcode, state, l.BookQuantity,
                posted ? l.CountedQuantity ?? 0 : counted.GetValueOrDefault(l.ProductId), posted ? l.UnitCost ?? p.AverageCost : p.AverageCost,
                l.FirstCountedAtUtc, l.SnapshotMovementId));
        }
        foreach (var (productId, balance) in balances)
        {
            var p = products[productId];
            var excluded = s.ExcludedProductIds.Contains(productId);
            rows.Add(new Row(p.Id, p.Sku, p.Name, p.Brand, p.Barcode, excluded ? ReviewState.Excluded : ReviewState.NotCounted,
                posted ? null : balance, 0, p.AverageCost, null, null));
        }
        return new Model(h, rows.OrderBy(r => r.State == ReviewState.Counted ? 1 : 0).ThenByDescending(r => Math.Abs(r.DifferenceSum))
            .ThenBy(r => r.Name).ToList());
    }
}
