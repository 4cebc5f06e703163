using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Stocktakes;

/// <summary>The header of a stocktake page (times UTC; show them in <see cref="TimeZoneId"/>).</summary>
public sealed record StocktakeHeader(long Id, string Number, StocktakeStatus Status, int LocationId, string Location, string LocationAddress,
    string TimeZoneId, StocktakeScope Scope, IReadOnlyList<string> ScopeValues, string? Comment, DateTime CreatedAtUtc, string CreatedBy,
    DateTime? SubmittedAtUtc, string? SubmittedBy, DateTime? PostedAtUtc, string? PostedBy, IReadOnlyList<DocumentHistory.Event> History)
{
    /// <summary>"Полная" or "Бренды: Dior".</summary>
    public string ScopeText => Stocktake.ScopeLabel(Scope, ScopeValues.ToList());
}

/// <summary>What every stocktake handler needs: the header, the locked document with a location check, the products in scope.</summary>
public static class StocktakeDocs
{
    /// <summary>Number prefix of stocktakes.</summary>
    public const string Prefix = "ИН";

    /// <summary>The header, or null when the stocktake is missing or at a location the user may not see.</summary>
    public static async Task<StocktakeHeader?> HeaderAsync(AppDbContext db, LocationScope scope, long id, CancellationToken ct)
    {
        var s = await db.Set<Stocktake>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || !await scope.MayAccessAsync(s.LocationId, ct)) return null;
        var l = await db.Locations.AsNoTracking().FirstAsync(x => x.Id == s.LocationId, ct);
        var history = await DocumentHistory.ForAsync(db, nameof(Stocktake), id, x => Stocktake.StatusLabel(Enum.Parse<StocktakeStatus>(x)), ct);
        return new StocktakeHeader(s.Id, s.Number, s.Status, s.LocationId, l.Name, l.Address, l.TimeZoneId, s.Scope, s.ScopeValues, s.Comment,
            s.CreatedAtUtc, s.CreatedBy, s.SubmittedAtUtc, s.SubmittedBy, s.PostedAtUtc, s.PostedBy, history);
    }

    /// <summary>
    /// The stocktake, its row locked until the caller's transaction ends: FOR SHARE for counting (counters do not
    /// wait for each other, only for a status change), FOR UPDATE for status changes and posting. Checks the location.
    /// </summary>
    /// <param name="action">What is refused at a foreign location, e.g. "вести подсчёт".</param>
    /// <exception cref="BusinessRuleException">No such stocktake, or not the user's location.</exception>
    public static async Task<Stocktake> LockAsync(AppDbContext db, LocationScope scope, long id, bool exclusive, string action, CancellationToken ct)
    {
        if (exclusive) await db.Database.ExecuteSqlAsync($"SELECT 1 FROM stocktakes WHERE id = {id} FOR UPDATE", ct);
        else await db.Database.ExecuteSqlAsync($"SELECT 1 FROM stocktakes WHERE id = {id} FOR SHARE", ct);
        var s = await db.Set<Stocktake>().FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new BusinessRuleException("Инвентаризация не найдена — обновите список документов.");
        await WarehouseAccess.EnsureAsync(db, scope, s.LocationId, action, ct);
        return s;
    }

    /// <summary>Runs a status change of one stocktake in one transaction under its row lock; returns the number.</summary>
    /// <exception cref="BusinessRuleException">From the lock or from <paramref name="change"/>; nothing changes.</exception>
    public static async Task<string> ChangeAsync(AppDbContext db, LocationScope scope, long id, string action,
        Func<Stocktake, Task> change, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var s = await LockAsync(db, scope, id, exclusive: true, action, ct);
        await change(s);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return s.Number;
    }

    /// <summary>
    /// Products the stocktake covers at its location: matching its scope, and active or with a non-zero balance
    /// there (an inactive product still on the shelf is counted too).
    /// </summary>
    public static IQueryable<Product> InScope(AppDbContext db, int locationId, StocktakeScope scopeKind, IReadOnlyCollection<string> values)
    {
        var q = db.Products.AsNoTracking()
            .Where(p => p.IsActive || db.StockBalances.Any(b => b.LocationId == locationId && b.ProductId == p.Id && b.Quantity != 0));
        return scopeKind switch
        {
            StocktakeScope.Brands => q.Where(p => p.Brand != null && values.Contains(p.Brand)),
            StocktakeScope.Categories => q.Where(p => p.Category != null && values.Contains(p.Category)),
            _ => q,
        };
    }

    /// <summary>Units counted per product (sum of all counters' entries).</summary>
    public static Task<Dictionary<int, int>> CountedAsync(AppDbContext db, long stocktakeId, CancellationToken ct) =>
        db.Set<StocktakeEntry>().AsNoTracking().Where(e => e.StocktakeId == stocktakeId)
            .GroupBy(e => e.ProductId).Select(g => new { g.Key, Qty = g.Sum(e => e.Quantity) })
            .ToDictionaryAsync(x => x.Key, x => x.Qty, ct);
}
