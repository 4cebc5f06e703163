using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Projects;

/// <summary>
/// «Поставщики баз»: the sellers of phone bases with a search by name, active first, then by name; keyset pages of
/// <see cref="PageSize"/>. Each row carries how many numbers of all projects came from the supplier (one grouped query
/// for the page, not one per row).
/// </summary>
public sealed class ListLeadSuppliers(AppDbContext db)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>Columns the list sorts by: name (active suppliers first) and price.</summary>
    public static readonly SortColumns<LeadSupplier> Sorts = new SortColumns<LeadSupplier>("name")
        .Add("name", s => s.IsActive ? 0 : 1, s => s.Name).Add("price", s => s.PricePerNumberKopecks);

    /// <summary>Filters from the query string.</summary>
    public sealed class Input
    {
        /// <summary>Part of the name.</summary>
        public string? Q { get; set; }

        /// <summary>Column key of <see cref="Sorts"/>, "-" in front for descending.</summary>
        public string? Sort { get; set; }

        /// <summary>Keyset cursor of «Следующая».</summary>
        public string? After { get; set; }

        /// <summary>Keyset cursor of «Предыдущая».</summary>
        public string? Before { get; set; }
    }

    /// <summary>A supplier row; <paramref name="PricePerNumberKopecks"/> in kopecks, <paramref name="Numbers"/> = leads of every project with this supplier.</summary>
    public sealed record Row(int Id, string Name, string? Contacts, long PricePerNumberKopecks, bool IsActive, long Numbers);

    /// <summary>The page: rows in order, the pager, how many suppliers match, the sort shown.</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Row> Rows, KeysetPage Page, int Count, ListSort Sort);

    /// <summary>One page of the list.</summary>
    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var q = db.LeadSuppliers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(input.Q))
        {
            var p = SqlLike.Contains(input.Q.Trim());
            q = q.Where(s => EF.Functions.ILike(s.Name, p, SqlLike.Escape));
        }
        var sort = Sorts.Parse(input.Sort);
        var page = await Sorts.PageAsync(q, sort, s => s.Id, input.After, input.Before, PageSize, ct);
        var ids = page.Ids.Select(id => (int)id).ToList();
        var suppliers = await q.Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        var numbers = await db.Leads.Where(l => l.SupplierId != null && ids.Contains(l.SupplierId.Value))
            .GroupBy(l => l.SupplierId!.Value).Select(g => new { g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var rows = suppliers.Select(s => new Row(s.Id, s.Name, s.Contacts, s.PricePerNumberKopecks, s.IsActive, numbers.GetValueOrDefault(s.Id))).ToList();
        return new Model(input, page.InOrder(rows, r => r.Id), page, await q.CountAsync(ct), sort);
    }

    /// <summary>"1,50 ₽" for a price in kopecks.</summary>
    public static string Price(long kopecks) => Money.Format(kopecks / 100m);
}
