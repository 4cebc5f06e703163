using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Reports;
using AlAroma.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Promotions;

/// <summary>Filters of the promotions list: state (derived from status and dates), type, and "runs on this date".</summary>
/// <param name="Sort">Column key of <see cref="ListPromotions.Sorts"/>, "-" in front for descending.</param>
public sealed record PromotionListQuery(PromotionState? State = null, PromotionType? Type = null, DateOnly? On = null, int Page = 1, string? Sort = null);

/// <summary>The promotions list (/promotions): newest first unless sorted otherwise, 50 a page; <see cref="Export"/> gives all of it.</summary>
public sealed class ListPromotions(AppDbContext db, TimeProvider clock, LocationScope scope)
{
    /// <summary>Rows on a page.</summary>
    public const int PageSize = 50;

    /// <summary>Columns the list sorts by; the newest promotion first unless asked.</summary>
    public static readonly SortColumns<PromotionRecord> Sorts = new SortColumns<PromotionRecord>("id", defaultDescending: true)
        .Add("id", p => p.Id).Add("name", p => p.Name).Add("type", p => p.Type).Add("from", p => p.ValidFrom).Add("to", p => p.ValidTo)
        .Add("priority", p => p.Priority).Add("updated", p => p.UpdatedAtUtc);

    /// <summary>A row of the list; <see cref="State"/> as of <see cref="PromotionListPage.Today"/>.</summary>
    public sealed record Row(int Id, string Name, PromotionType Type, decimal? Value, int Slots, DateOnly ValidFrom, DateOnly? ValidTo,
        IReadOnlyList<string> Locations, int Priority, PromotionState State, string UpdatedBy, DateTime UpdatedAtUtc);

    /// <summary>The page: rows, the filter, how many match in all, and the local date the states are computed for (Moscow).</summary>
    public sealed record PromotionListPage(IReadOnlyList<Row> Rows, PromotionListQuery Query, int Total, DateOnly Today, ListSort Sort)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    /// <summary>Runs the query; a user bound to locations sees chain-wide promotions and those of their locations.</summary>
    public async Task<PromotionListPage> HandleAsync(PromotionListQuery query, CancellationToken ct)
    {
        var (today, q) = await FilteredAsync(query, ct);
        var total = await q.CountAsync(ct);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var sort = Sorts.Parse(query.Sort);
        var rows = await RowsAsync(Sorts.Apply(q, sort).ThenByDescending(p => p.Id).Skip((page - 1) * PageSize).Take(PageSize), today, ct);
        return new PromotionListPage(rows, query with { Page = page }, total, today, sort);
    }

    /// <summary>Every promotion the filter finds (at most <see cref="ListWorkbook.MaxRows"/>), in the list's sort, with the date its state is of.</summary>
    public async Task<(IReadOnlyList<Row> Rows, DateOnly Today)> Export(PromotionListQuery query, CancellationToken ct)
    {
        var (today, q) = await FilteredAsync(query, ct);
        return (await RowsAsync(Sorts.Apply(q, Sorts.Parse(query.Sort)).ThenByDescending(p => p.Id).Take(ListWorkbook.MaxRows), today, ct), today);
    }

    private async Task<(DateOnly Today, IQueryable<PromotionRecord> Promotions)> FilteredAsync(PromotionListQuery query, CancellationToken ct)
    {
        var today = LocalTime.Today(clock.GetUtcNow(), null);
        var q = db.Set<PromotionRecord>().AsNoTracking();
        if (!scope.SeesAll)
        {
            var allowed = (await scope.AllowedAsync(ct)).Select(l => l.Id).ToList();
            q = q.Where(p => p.LocationIds.Count == 0 || p.LocationIds.Any(id => allowed.Contains(id)));
        }
        if (query.Type is { } type) q = q.Where(p => p.Type == type);
        if (query.On is { } on) q = q.Where(p => p.ValidFrom <= on && (p.ValidTo == null || p.ValidTo >= on));
        q = query.State switch
        {
            PromotionState.Finished => q.Where(p => p.ValidTo < today),
            PromotionState.Paused => q.Where(p => p.Status == PromotionStatus.Paused && (p.ValidTo == null || p.ValidTo >= today)),
            PromotionState.Scheduled => q.Where(p => p.Status == PromotionStatus.Active && p.ValidFrom > today && (p.ValidTo == null || p.ValidTo >= today)),
            PromotionState.Running => q.Where(p => p.Status == PromotionStatus.Active && p.ValidFrom <= today && (p.ValidTo == null || p.ValidTo >= today)),
            _ => q,
        };
        return (today, q);
    }

    private async Task<List<Row>> RowsAsync(IQueryable<PromotionRecord> ordered, DateOnly today, CancellationToken ct)
    {
        var records = await ordered.ToListAsync(ct);
        var names = await db.Locations.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        return records.Select(r => new Row(r.Id, r.Name, r.Type, r.Value, r.Slots.Count, r.ValidFrom, r.ValidTo,
            r.LocationIds.Select(id => names.GetValueOrDefault(id, $"#{id}")).ToList(), r.Priority, r.StateOn(today), r.UpdatedBy, r.UpdatedAtUtc)).ToList();
    }
}
