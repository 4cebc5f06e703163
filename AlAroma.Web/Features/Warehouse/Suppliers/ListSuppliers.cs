using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Suppliers;

/// <summary>"Поставщики": the directory with a search by name, INN or contact, active first, by name; keyset pages.</summary>
public sealed class ListSuppliers(AppDbContext db, IHttpContextAccessor http)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>Columns the list sorts by: by name, active suppliers first (inactive ones only show with "Показать неактивных").</summary>
    public static readonly SortColumns<Supplier> Sorts = new SortColumns<Supplier>("name")
        .Add("name", s => s.IsActive ? 0 : 1, s => s.Name).Add("inn", s => s.Inn ?? "");

    /// <summary>Filters from the query string.</summary>
    public sealed class Input
    {
        /// <summary>Part of the name, INN, contact person or phone.</summary>
        public string? Q { get; set; }

        /// <summary>Show inactive suppliers too.</summary>
        public bool All { get; set; }

        /// <summary>Column key of <see cref="Sorts"/>, "-" in front for descending.</summary>
        public string? Sort { get; set; }

        /// <summary>Keyset cursor of «Следующая».</summary>
        public string? After { get; set; }

        /// <summary>Keyset cursor of «Предыдущая».</summary>
        public string? Before { get; set; }
    }

    /// <summary>A row with the number of goods receipts of the supplier.</summary>
    public sealed record Row(int Id, string Name, string? Inn, string? ContactPerson, string? Phone, string? Email, bool IsActive, int GoodsReceipts);

    /// <summary>The page; <paramref name="MayEdit"/> for managers and administrators.</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Row> Rows, KeysetPage Page, int Count, bool MayEdit, ListSort Sort);

    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var q = db.Suppliers.AsNoTracking();
        if (!input.All) q = q.Where(s => s.IsActive);
        if (!string.IsNullOrWhiteSpace(input.Q))
        {
            var p = SqlLike.Contains(input.Q);
            q = q.Where(s => EF.Functions.ILike(s.Name, p, SqlLike.Escape) || EF.Functions.ILike(s.Inn ?? "", p, SqlLike.Escape)
                             || EF.Functions.ILike(s.ContactPerson ?? "", p, SqlLike.Escape) || EF.Functions.ILike(s.Phone ?? "", p, SqlLike.Escape));
        }
        var sort = Sorts.Parse(input.Sort);
        var page = await Sorts.PageAsync(q, sort, s => s.Id, input.After, input.Before, PageSize, ct);
        var ids = page.Ids.Select(id => (int)id).ToList();
        var rows = await q.Where(s => ids.Contains(s.Id))
            .Select(s => new Row(s.Id, s.Name, s.Inn, s.ContactPerson, s.Phone, s.Email, s.IsActive, db.GoodsReceipts.Count(r => r.SupplierId == s.Id)))
            .ToListAsync(ct);
        return new Model(input, page.InOrder(rows, r => r.Id), page, await q.CountAsync(ct), WarehouseAccess.IsApprover(http.HttpContext?.User), sort);
    }

    /// <summary>Active suppliers for the select of a goods receipt, by name.</summary>
    public Task<List<Supplier>> ActiveAsync(CancellationToken ct) =>
        db.Suppliers.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).ToListAsync(ct);
}
