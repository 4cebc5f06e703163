using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Lists;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Stocktakes;

/// <summary>
/// The list of stocktakes at the user's locations: filters, sortable columns, keyset pages (newest first unless sorted
/// otherwise), totals over the filter; <see cref="ExportAsync"/> gives all of it in the same order.
/// </summary>
public sealed class ListStocktakes(AppDbContext db, LocationScope scope)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>Columns the list sorts by; newest first unless asked.</summary>
    public static readonly SortColumns<Stocktake> Sorts = new SortColumns<Stocktake>("date", defaultDescending: true)
        .Add("number", s => s.Number).Add("date", s => s.CreatedAtUtc);

    /// <summary>Filters from the query string; empty fields do not filter.</summary>
    public sealed class Input
    {
        /// <summary>First local day of the period (creation date), inclusive.</summary>
        public DateOnly? From { get; set; }

        /// <summary>Last local day of the period, inclusive.</summary>
        public DateOnly? To { get; set; }
        public int? LocationId { get; set; }
        public StocktakeStatus? Status { get; set; }

        /// <summary>Part of the number or the comment.</summary>
        public string? Q { get; set; }

        /// <summary>Column key of <see cref="Sorts"/>, "-" in front for descending.</summary>
        public string? Sort { get; set; }

        /// <summary>Keyset cursor of «Следующая».</summary>
        public string? After { get; set; }

        /// <summary>Keyset cursor of «Предыдущая».</summary>
        public string? Before { get; set; }
    }

    /// <summary>A row: units counted so far; <see cref="PostedDifference"/> in ₽ at cost, only for a posted stocktake.</summary>
    public sealed record Row(long Id, string Number, DateTime CreatedAtUtc, string Location, string TimeZoneId, StocktakeScope Scope,
        List<string> ScopeValues, StocktakeStatus Status, string CreatedBy, int Products, int Units, decimal? PostedDifference);

    /// <summary>The page with the totals of the rows matching the filter (posted difference over posted stocktakes).</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Location> Locations, IReadOnlyList<Row> Rows, KeysetPage Page, int Count,
        int TotalUnits, decimal TotalPostedDifference, ListSort Sort);

    /// <summary>One page of the filtered, sorted stocktakes with the count and totals of all of them.</summary>
    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var (allowed, q) = await FilteredAsync(input, ct);
        var sort = Sorts.Parse(input.Sort);
        var page = await Sorts.PageAsync(q, sort, s => s.Id, input.After, input.Before, PageSize, ct);
        var ids = page.Ids.ToList();
        var rows = page.InOrder(await RowsAsync(q.Where(s => ids.Contains(s.Id)), ct), r => r.Id);
        var entries = db.Set<StocktakeEntry>();
        var totalUnits = await entries.Where(e => q.Any(s => s.Id == e.StocktakeId && s.Status != StocktakeStatus.Cancelled)).SumAsync(e => e.Quantity, ct);
        var totalDiff = await q.Where(s => s.Status == StocktakeStatus.Posted).SelectMany(s => s.Lines)
            .SumAsync(x => ((x.CountedQuantity ?? 0) - x.BookQuantity) * (x.UnitCost ?? 0), ct);
        return new Model(input, allowed, rows, page, await q.CountAsync(ct), totalUnits, totalDiff, sort);
    }

    /// <summary>Every stocktake the filter finds (at most <see cref="ListWorkbook.MaxRows"/>), in the list's sort.</summary>
    public async Task<IReadOnlyList<Row>> ExportAsync(Input input, CancellationToken ct)
    {
        var (_, q) = await FilteredAsync(input, ct);
        var ids = await Sorts.Order(q, Sorts.Parse(input.Sort), s => s.Id).Select(s => s.Id).Take(ListWorkbook.MaxRows).ToListAsync(ct);
        return KeysetPage.ByIds(await RowsAsync(q.Where(s => ids.Contains(s.Id)), ct), ids, r => r.Id);
    }

    private async Task<(List<Location> Allowed, IQueryable<Stocktake> Query)> FilteredAsync(Input input, CancellationToken ct)
    {
        var allowed = await scope.AllowedAsync(ct);
        var ids = allowed.Select(l => l.Id).ToList();
        var q = db.Set<Stocktake>().AsNoTracking().Where(s => ids.Contains(s.LocationId));
        if (input.LocationId is { } loc) q = q.Where(s => s.LocationId == loc);
        var (fromUtc, toUtc) = LocalTime.Period(input.From, input.To, allowed.FirstOrDefault(l => l.Id == input.LocationId)?.TimeZoneId);
        if (fromUtc is { } f) q = q.Where(s => s.CreatedAtUtc >= f);
        if (toUtc is { } t) q = q.Where(s => s.CreatedAtUtc < t);
        if (input.Status is { } st) q = q.Where(s => s.Status == st);
        if (!string.IsNullOrWhiteSpace(input.Q))
        {
            var p = SqlLike.Contains(input.Q);
            q = q.Where(s => EF.Functions.ILike(s.Number, p, SqlLike.Escape) || (s.Comment != null && EF.Functions.ILike(s.Comment, p, SqlLike.Escape)));
        }
        return (allowed, q);
    }

    private Task<List<Row>> RowsAsync(IQueryable<Stocktake> q, CancellationToken ct)
    {
        var entries = db.Set<StocktakeEntry>();
        return (from s in q
                join l in db.Locations on s.LocationId equals l.Id
                select new Row(s.Id, s.Number, s.CreatedAtUtc, l.Name, l.TimeZoneId, s.Scope, s.ScopeValues, s.Status, s.CreatedBy,
                    entries.Where(e => e.StocktakeId == s.Id).Select(e => e.ProductId).Distinct().Count(),
                    entries.Where(e => e.StocktakeId == s.Id).Sum(e => e.Quantity),
                    s.Status == StocktakeStatus.Posted
                        ? s.Lines.Sum(x => ((x.CountedQuantity ?? 0) - x.BookQuantity) * (x.UnitCost ?? 0))
                        : null))
            .ToListAsync(ct);
    }
}
