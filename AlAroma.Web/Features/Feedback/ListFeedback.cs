using AlAroma.Web.Data;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Infrastructure.Lists;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Feedback;

/// <summary>
/// «Отзывы и обращения»: the feedback of the shops the manager sees (<see cref="LocationScope"/>; feedback of a
/// customer who never bought — no shop — only for those who see every shop), newest first, with filters — shop, kind,
/// rating from–to, status, period (local days of the chain, Europe/Moscow) — keyset pages, and the table of reviews
/// per shop and month: count, average rating and NPS (<see cref="Nps"/>), over the shop and period filters only
/// (the last 12 months when no period is given; months in each shop's own time zone).
/// </summary>
public sealed class ListFeedback(AppDbContext db, LocationScope scope, TimeProvider clock)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>Columns the list sorts by; newest first unless asked.</summary>
    public static readonly SortColumns<Item> Sorts = new SortColumns<Item>("created", defaultDescending: true)
        .Add("created", f => f.CreatedAtUtc).Add("rating", f => f.RatingSort);

    /// <summary>Filters from the query string; empty fields do not filter.</summary>
    public sealed class Input
    {
        public int? LocationId { get; set; }
        public FeedbackKind? Kind { get; set; }

        /// <summary>Rating at least (1–10); only reviews then.</summary>
        public int? RatingFrom { get; set; }

        /// <summary>Rating at most (1–10); only reviews then.</summary>
        public int? RatingTo { get; set; }
        public FeedbackStatus? Status { get; set; }

        /// <summary>Received on or after this local day.</summary>
        public DateOnly? From { get; set; }

        /// <summary>Received on or before this local day.</summary>
        public DateOnly? To { get; set; }

        /// <summary>Column key of <see cref="Sorts"/>, "-" in front for descending.</summary>
        public string? Sort { get; set; }
        public string? After { get; set; }
        public string? Before { get; set; }
    }

    /// <summary>A row: the feedback with its customer, shop and receipt (UTC times; text as sent).</summary>
    public sealed class Item
    {
        public long Id { get; init; }
        public DateTime CreatedAtUtc { get; init; }
        public FeedbackKind Kind { get; init; }
        public int? Rating { get; init; }

        /// <summary>The rating, 0 for an idea or a message (keyset paging needs a value in every row).</summary>
        public int RatingSort { get; init; }
        public string Text { get; init; } = "";
        public FeedbackStatus Status { get; init; }
        public long CustomerId { get; init; }
        public string CustomerName { get; init; } = "";
        public string Phone { get; init; } = "";
        public int? LocationId { get; init; }
        public string? Shop { get; init; }
        public string? ShopTimeZoneId { get; init; }
        public long? SaleId { get; init; }
        public string? SaleNumber { get; init; }
    }

    /// <summary>Reviews of one shop in one month (local to the shop): count, average, NPS.</summary>
    public sealed record MonthRow(int? LocationId, string Shop, int Year, int Month, Nps.Figures Figures)
    {
        /// <summary>The month in Russian, e.g. «декабрь 2026».</summary>
        public string Label => new DateTime(Year, Month, 1).ToString("MMMM yyyy", Infrastructure.Money.Ru);
    }

    /// <summary>The page: filter, the shops to choose from, rows, paging, count of all filtered rows, the NPS table.</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Location> Shops, IReadOnlyList<Item> Rows, KeysetPage Page, int Count,
        ListSort Sort, IReadOnlyList<MonthRow> Months);

    /// <summary>One page of the filtered feedback and the per-shop, per-month figures.</summary>
    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var q = await FilteredAsync(input, ct);
        var sort = Sorts.Parse(input.Sort);
        var page = await Sorts.PageAsync(q, sort, f => f.Id, input.After, input.Before, PageSize, ct);
        var ids = page.Ids.ToList();
        var rows = page.InOrder(await q.Where(f => ids.Contains(f.Id)).ToListAsync(ct), r => r.Id);
        var shops = (await scope.AllowedAsync(ct)).Where(l => l.Kind == LocationKind.Shop).OrderBy(l => l.Name).ToList();
        return new Model(input, shops, rows, page, await q.CountAsync(ct), sort, await MonthsAsync(input, ct));
    }

    /// <summary>
    /// Reviews per shop and month within the shop and period filters (the last 12 months when no period is given),
    /// the latest month first, shops by name within a month.
    /// </summary>
    public async Task<IReadOnlyList<MonthRow>> MonthsAsync(Input input, CancellationToken ct)
    {
        var today = LocalTime.Today(clock.GetUtcNow());
        var yearAgo = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var period = new Input { LocationId = input.LocationId, Kind = FeedbackKind.Review, From = input.From ?? (input.To is null ? yearAgo : null), To = input.To };
        var reviews = await (await FilteredAsync(period, ct)).Where(f => f.Rating != null)
            .Select(f => new { f.LocationId, f.Shop, f.ShopTimeZoneId, f.CreatedAtUtc, Rating = f.Rating!.Value }).ToListAsync(ct);
        return reviews
            .Select(r => new { r.LocationId, r.Shop, Local = LocalTime.ToLocal(r.CreatedAtUtc, r.ShopTimeZoneId), r.Rating })
            .GroupBy(r => (r.LocationId, r.Shop, r.Local.Year, r.Local.Month))
            .Select(g => new MonthRow(g.Key.LocationId, g.Key.Shop ?? "Без магазина", g.Key.Year, g.Key.Month, Nps.Of(g.Select(r => r.Rating))))
            .OrderByDescending(m => m.Year).ThenByDescending(m => m.Month).ThenBy(m => m.Shop).ToList();
    }

    /// <summary>The query of the list with <paramref name="input"/>'s filters, limited to the shops the user sees.</summary>
    public async Task<IQueryable<Item>> FilteredAsync(Input input, CancellationToken ct)
    {
        var feedback = db.Feedback.AsNoTracking();
        if (!scope.SeesAll)
        {
            var allowed = (await scope.AllowedAsync(ct)).Select(l => l.Id).ToList();
            feedback = feedback.Where(f => f.LocationId != null && allowed.Contains(f.LocationId.Value));
        }
        if (input.LocationId is { } shop) feedback = feedback.Where(f => f.LocationId == shop);
        if (input.Kind is { } kind) feedback = feedback.Where(f => f.Kind == kind);
        if (input.RatingFrom is { } min) feedback = feedback.Where(f => f.Rating >= min);
        if (input.RatingTo is { } max) feedback = feedback.Where(f => f.Rating <= max);
        if (input.Status is { } status) feedback = feedback.Where(f => f.Status == status);
        var (from, to) = LocalTime.Period(input.From, input.To);
        if (from is { } a) feedback = feedback.Where(f => f.CreatedAtUtc >= a);
        if (to is { } b) feedback = feedback.Where(f => f.CreatedAtUtc < b);
        return from f in feedback
               join c in db.Customers on f.CustomerId equals c.Id
               join l in db.Locations on f.LocationId equals l.Id into ls
               from l in ls.DefaultIfEmpty()
               join s in db.Sales on f.SaleId equals s.Id into ss
               from s in ss.DefaultIfEmpty()
               select new Item
               {
                   Id = f.Id, CreatedAtUtc = f.CreatedAtUtc, Kind = f.Kind, Rating = f.Rating, RatingSort = f.Rating ?? 0, Text = f.Text,
                   Status = f.Status, CustomerId = c.Id, CustomerName = c.Name, Phone = c.Phone, LocationId = f.LocationId,
                   Shop = l == null ? null : l.Name, ShopTimeZoneId = l == null ? null : l.TimeZoneId,
                   SaleId = f.SaleId, SaleNumber = s == null ? null : s.Number,
               };
    }
}
