using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Suppliers;

/// <summary>"Поставщики": the directory with a search by name, INN or contact, active first.</summary>
public sealed class ListSuppliers(AppDbContext db, IHttpContextAccessor http)
{
    /// <summary>Filters from the query string.</summary>
    public sealed class Input
    {
        /// <summary>Part of the name, INN, contact person or phone.</summary>
        public string? Q { get; set; }

        /// <summary>Show inactive suppliers too.</summary>
        public bool All { get; set; }
        public int Page { get; set; } = 1;
    }

    /// <summary>A row with the number of goods receipts of the supplier.</summary>
    public sealed record Row(int Id, string Name, string? Inn, string? ContactPerson, string? Phone, string? Email, bool IsActive, int GoodsReceipts);

    /// <summary>The page; <paramref name="MayEdit"/> for managers and administrators.</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Row> Rows, Paging Paging, bool MayEdit);

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
        var paging = Paging.For(input.Page, await q.CountAsync(ct));
        input.Page = paging.Number;
        var rows = await q.OrderByDescending(s => s.IsActive).ThenBy(s => s.Name).Skip(paging.Skip).Take(paging.Size)
            .Select(s => new Row(s.Id, s.Name, s.Inn, s.ContactPerson, s.Phone, s.Email, s.IsActive, db.GoodsReceipts.Count(r => r.SupplierId == s.Id)))
            .ToListAsync(ct);
        return new Model(input, rows, paging, WarehouseAccess.IsApprover(http.HttpContext?.User));
    }

    /// <summary>Active suppliers for the select of a goods receipt, by name.</summary>
    public Task<List<Supplier>> ActiveAsync(CancellationToken ct) =>
        db.Suppliers.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).ToListAsync(ct);
}
