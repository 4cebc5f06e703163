using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Stocktakes;

/// <summary>
/// The counter's screen ("Подсчёт"): what has been counted, by whom — and deliberately NOTHING from the books
/// (blind count): no balances, no book quantities, no differences. Null when missing or not the user's location.
/// </summary>
public sealed class GetCounting(AppDbContext db, LocationScope scope, ICurrentUser user)
{
    /// <summary>A counted product: units counted by me and by everybody, who counted it, when it was last counted (UTC).</summary>
    public sealed record Line(int ProductId, string Sku, string Name, string? Brand, string? Barcode, int Mine, int Total,
        IReadOnlyList<string> Counters, DateTime LastAtUtc);

    /// <summary>The page: header, lines (latest count first), totals in units and products.</summary>
    public sealed record Model(StocktakeHeader Header, string Me, IReadOnlyList<Line> Lines, int ProductsInScope)
    {
        public bool Counting => Header.Status == StocktakeStatus.Counting;
        public int TotalUnits => Lines.Sum(l => l.Total);
        public int MyUnits => Lines.Sum(l => l.Mine);
        public int ProductsCounted => Lines.Count;
    }

    public async Task<Model?> HandleAsync(long id, CancellationToken ct)
    {
        if (await StocktakeDocs.HeaderAsync(db, scope, id, ct) is not { } h) return null;
        var me = user.UserName;
        var byCounter = await db.Set<StocktakeEntry>().AsNoTracking().Where(e => e.StocktakeId == id)
            .GroupBy(e => new { e.ProductId, e.CountedBy })
            .Select(g => new { g.Key.ProductId, g.Key.CountedBy, Qty = g.Sum(e => e.Quantity), Last = g.Max(e => e.AtUtc) })
            .ToListAsync(ct);
        var ids = byCounter.Select(x => x.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Sku, p.Name, p.Brand, Barcode = p.Barcodes.Where(b => !b.IsTester).OrderBy(b => b.Id).Select(b => b.Code).FirstOrDefault() })
            .ToDictionaryAsync(p => p.Id, ct);
        var lines = byCounter.GroupBy(x => x.ProductId).Select(g =>
            {
                var p = products[g.Key];
                return new Line(p.Id, p.Sku, p.Name, p.Brand, p.Barcode, g.Where(x => x.CountedBy == me).Sum(x => x.Qty), g.Sum(x => x.Qty),
                    g.Where(x => x.Qty != 0).Select(x => x.CountedBy).OrderBy(x => x).ToList(), g.Max(x => x.Last));
            })
            .OrderByDescending(l => l.LastAtUtc).ThenBy(l => l.Name).ToList();
        var inScope = await StocktakeDocs.InScope(db, h.LocationId, h.Scope, h.ScopeValues).CountAsync(ct);
        return new Model(h, me, lines, inScope);
    }
}
