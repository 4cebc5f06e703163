using AlAroma.Web.Data;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Lists;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Customers.List;

/// <summary>
/// «Клиенты»: every customer of the chain (merged duplicates left out) with filters — level, home shop, birthday
/// month, last purchase before/after (Moscow days), spent in the last 12 months from–to (₽, goods net of returns,
/// certificates sold do not count), a tag, consent per channel, reachable in Telegram — and a search by the phone
/// (whole or its last digits) or a part of the name; sortable columns, keyset pages, totals (count, points).
/// <see cref="ExportAsync"/> gives the same rows in the same order. Chain-wide: times in Europe/Moscow.
/// </summary>
public sealed class ListCustomers(AppDbContext db, TimeProvider clock)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>Stand-in for "never bought" in the sort of the last purchase (keyset paging needs a value in every row).</summary>
    private static readonly DateTime Never = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Columns the list sorts by; by name unless asked.</summary>
    public static readonly SortColumns<Item> Sorts = new SortColumns<Item>("name")
        .Add("name", c => c.Name).Add("phone", c => c.Phone).Add("level", c => c.LevelRank).Add("points", c => c.Points)
        .Add("spent", c => c.Spent12Months).Add("last", c => c.LastPurchaseUtc).Add("created", c => c.CreatedAtUtc);

    /// <summary>Filters from the query string; empty fields do not filter.</summary>
    public sealed class Input
    {
        /// <summary>Phone (whole, or ≥ 4 last digits) or a part of the name.</summary>
        public string? Q { get; set; }
        public LoyaltyLevel? Level { get; set; }
        public int? HomeLocationId { get; set; }

        /// <summary>1–12.</summary>
        public int? BirthdayMonth { get; set; }

        /// <summary>Bought last on or after this Moscow day.</summary>
        public DateOnly? LastFrom { get; set; }

        /// <summary>Bought last on or before this Moscow day (customers who never bought are left out).</summary>
        public DateOnly? LastTo { get; set; }

        /// <summary>Spent in 12 months at least, ₽.</summary>
        public decimal? SpentFrom { get; set; }

        /// <summary>Spent in 12 months at most, ₽.</summary>
        public decimal? SpentTo { get; set; }
        public string? Tag { get; set; }

        /// <summary>Only customers who gave (true) or did not give (false) the SMS consent.</summary>
        public bool? Sms { get; set; }
        public bool? Email { get; set; }
        public bool? Telegram { get; set; }

        /// <summary>Only customers with (true) or without (false) a Telegram chat with the bot.</summary>
        public bool? Reachable { get; set; }

        /// <summary>Column key of <see cref="Sorts"/>, "-" in front for descending.</summary>
        public string? Sort { get; set; }
        public string? After { get; set; }
        public string? Before { get; set; }
    }

    /// <summary>A row of the list as the query computes it (₽; UTC; <see cref="Never"/> when no purchase).</summary>
    public sealed class Item
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Phone { get; init; } = "";
        public string? Email { get; init; }
        public LoyaltyLevel Level { get; init; }

        /// <summary>0 Standard … 3 Platinum (the level column sorts by it, not by the stored name).</summary>
        public int LevelRank { get; init; }
        public int Points { get; init; }
        public int? HomeLocationId { get; init; }
        public DateOnly? Birthday { get; init; }
        public List<string> Tags { get; init; } = [];
        public bool Sms { get; init; }
        public bool EmailConsent { get; init; }
        public bool Telegram { get; init; }
        public bool Reachable { get; init; }

        /// <summary>The customer has a chat with the bot but Telegram refused a message to it (blocked the bot).</summary>
        public bool Blocked { get; init; }
        public DateTime CreatedAtUtc { get; init; }
        public decimal Spent12Months { get; init; }
        public DateTime LastPurchaseUtc { get; init; }

        /// <summary>The last purchase, null when none.</summary>
        public DateTime? LastPurchase => LastPurchaseUtc > Never ? LastPurchaseUtc : null;
    }

    /// <summary>The page: filter, shops, tags in use, rows, paging, count and the sum of points balances over the filter.</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Location> Shops, IReadOnlyList<string> Tags, IReadOnlyList<Item> Rows,
        IReadOnlyDictionary<int, string> ShopNames, KeysetPage Page, int Count, long TotalPoints, ListSort Sort, string? Notice);

    /// <summary>One page of the filtered, sorted customers with the count and points of all of them.</summary>
    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var (q, notice) = Filtered(input);
        var sort = Sorts.Parse(input.Sort);
        var page = await Sorts.PageAsync(q, sort, c => c.Id, input.After, input.Before, PageSize, ct);
        var ids = page.Ids.ToList();
        var rows = page.InOrder(await q.Where(c => ids.Contains(c.Id)).ToListAsync(ct), r => r.Id);
        var (shops, tags) = await FilterChoicesAsync(ct);
        var count = await q.CountAsync(ct);
        var points = await q.SumAsync(c => (long)c.Points, ct);
        return new Model(input, shops, tags, rows, await ShopNamesAsync(ct), page, count, points, sort, notice);
    }

    /// <summary>What the filter form offers: the shops (by name) and the tags in use (at most 200, alphabetical).</summary>
    public async Task<(IReadOnlyList<Location> Shops, IReadOnlyList<string> Tags)> FilterChoicesAsync(CancellationToken ct)
    {
        var shops = await db.Locations.AsNoTracking().Where(l => l.Kind == LocationKind.Shop).OrderBy(l => l.Name).ToListAsync(ct);
        var tags = await db.Customers.Where(c => c.MergedIntoId == null).SelectMany(c => c.Tags).Distinct().OrderBy(t => t).Take(200).ToListAsync(ct);
        return (shops, tags);
    }

    /// <summary>Every customer the filter finds (at most <see cref="ListWorkbook.MaxRows"/>), in the list's sort.</summary>
    public async Task<IReadOnlyList<Item>> ExportAsync(Input input, CancellationToken ct)
    {
        var (q, _) = Filtered(input);
        return await Sorts.Order(q, Sorts.Parse(input.Sort), c => c.Id).Take(ListWorkbook.MaxRows).ToListAsync(ct);
    }

    /// <summary>Names of every location by id (home shops of the rows).</summary>
    public Task<Dictionary<int, string>> ShopNamesAsync(CancellationToken ct) => db.Locations.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct);

    /// <summary>The query of the list with <paramref name="input"/>'s filters, and a hint when the search is too short.</summary>
    public (IQueryable<Item> Query, string? Notice) Filtered(Input input)
    {
        var purchases = LoyaltyPurchases.Sales(db, clock.GetUtcNow().UtcDateTime.AddMonths(-12));
        var customers = db.Customers.AsNoTracking().Where(c => c.MergedIntoId == null);
        string? notice = null;
        if (!string.IsNullOrWhiteSpace(input.Q))
        {
            var text = input.Q.Trim();
            var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
            var phone = PhoneNormalizer.NormalizeRussian(text);
            if (phone.IsValid) customers = customers.Where(c => c.Phone == phone.E164);
            else if (digits.Length >= 4 && digits.Length == text.Count(ch => !char.IsWhiteSpace(ch) && ch is not ('-' or '(' or ')' or '+')))
                customers = customers.Where(c => c.Phone.EndsWith(digits));
            else if (digits.Length > 0 && digits.Length < 4 && digits.Length == text.Length)
            {
                notice = "Введите не меньше 4 последних цифр номера или часть имени.";
                customers = customers.Where(c => false);
            }
            else
            {
                var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
                customers = customers.Where(c => EF.Functions.ILike(c.Name, pattern));
            }
        }
        if (input.Level is { } level) customers = customers.Where(c => c.Level == level);
        if (input.HomeLocationId is { } shop) customers = customers.Where(c => c.HomeLocationId == shop);
        if (input.BirthdayMonth is >= 1 and <= 12) customers = customers.Where(c => c.Birthday != null && c.Birthday.Value.Month == input.BirthdayMonth);
        if (!string.IsNullOrWhiteSpace(input.Tag)) { var tag = input.Tag.Trim(); customers = customers.Where(c => c.Tags.Contains(tag)); }
        if (input.Sms is { } sms) customers = customers.Where(c => c.MarketingSms == sms);
        if (input.Email is { } email) customers = customers.Where(c => c.MarketingEmail == email);
        if (input.Telegram is { } tg) customers = customers.Where(c => c.MarketingTelegram == tg);
        if (input.Reachable is { } reachable) customers = customers.Where(c => (c.TelegramChatId != null && c.TelegramBlockedAtUtc == null) == reachable);

        var q = customers.Select(c => new Item
        {
            Id = c.Id, Name = c.Name, Phone = c.Phone, Email = c.Email, Level = c.Level,
            LevelRank = c.Level == LoyaltyLevel.Platinum ? 3 : c.Level == LoyaltyLevel.Gold ? 2 : c.Level == LoyaltyLevel.Silver ? 1 : 0, Points = c.PointsBalance,
            HomeLocationId = c.HomeLocationId, Birthday = c.Birthday, Tags = c.Tags, Sms = c.MarketingSms, EmailConsent = c.MarketingEmail,
            Telegram = c.MarketingTelegram, Reachable = c.TelegramChatId != null && c.TelegramBlockedAtUtc == null, Blocked = c.TelegramBlockedAtUtc != null, CreatedAtUtc = c.CreatedAtUtc,
            Spent12Months = purchases.Where(p => p.CustomerId == c.Id).Sum(p => p.Net),
            LastPurchaseUtc = db.Sales.Where(s => s.CustomerId == c.Id).Max(s => (DateTime?)s.CreatedAtUtc) ?? Never,
        });
        var (lastFrom, _) = LocalTime.Period(input.LastFrom, null);
        var (_, lastTo) = LocalTime.Period(null, input.LastTo);
        if (lastFrom is { } f) q = q.Where(c => c.LastPurchaseUtc >= f);
        if (lastTo is { } t) q = q.Where(c => c.LastPurchaseUtc < t && c.LastPurchaseUtc > Never);
        if (input.SpentFrom is { } min) q = q.Where(c => c.Spent12Months >= min);
        if (input.SpentTo is { } max) q = q.Where(c => c.Spent12Months <= max);
        return (q, notice);
    }
}

/// <summary>
/// The model of <c>_CustomerFilterFields</c>: the filter fields of «Клиенты» (without the search box's form), used by
/// the list and by a campaign's segment; <paramref name="Prefix"/> goes before every field name ("Segment.").
/// </summary>
public sealed record CustomerFilterFields(ListCustomers.Input Filter, IReadOnlyList<Location> Shops, IReadOnlyList<string> Tags, string Prefix = "");
