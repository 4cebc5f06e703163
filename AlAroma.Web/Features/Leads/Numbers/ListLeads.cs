using AlAroma.Web.Data;
using AlAroma.Web.Features.Leads.Numbering;
using AlAroma.Web.Infrastructure.Lists;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Numbers;

/// <summary>
/// «Номера»: the numbers of the live projects with filters (project, supplier, region, status, attempts, loaded and last
/// call dates in Moscow time, phone), keyset pages by (sort value, id) so the last page of a base of millions is as quick
/// as the first, and a count capped at <see cref="CountCap"/> (an exact count of millions is a scan; the project's exact
/// figures are on its page). <see cref="Filtered"/> is also the query of the export.
/// </summary>
public sealed class ListLeads(AppDbContext db)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>The list counts up to this many rows, then says "более".</summary>
    public const int CountCap = 10_000;

    /// <summary>Sort columns: newest loaded first by default.</summary>
    public static readonly SortColumns<Lead> Sorts = new SortColumns<Lead>("id", defaultDescending: true)
        .Add("id", l => l.Id).Add("phone", l => l.Phone).Add("attempts", l => l.Attempts).Add("queue", l => l.QueueAtUtc);

    /// <summary>Filters from the query string.</summary>
    public sealed class Input
    {
        public int? Project { get; set; }
        public int? Supplier { get; set; }
        public string? Region { get; set; }
        public LeadStatus? Status { get; set; }

        /// <summary>At least this many attempts.</summary>
        public int? AttemptsFrom { get; set; }

        /// <summary>At most this many attempts.</summary>
        public int? AttemptsTo { get; set; }

        /// <summary>Loaded on or after / on or before these days (Moscow time).</summary>
        public DateOnly? LoadedFrom { get; set; }
        public DateOnly? LoadedTo { get; set; }

        /// <summary>Last called on or after / on or before these days (Moscow time).</summary>
        public DateOnly? CalledFrom { get; set; }
        public DateOnly? CalledTo { get; set; }

        /// <summary>A phone in any format; the list shows that number.</summary>
        public string? Phone { get; set; }
        public string? Sort { get; set; }
        public string? After { get; set; }
        public string? Before { get; set; }
    }

    /// <summary>A row of the list.</summary>
    public sealed record Row(long Id, long Phone, string Project, string? Supplier, string? Region, LeadStatus Status, int Attempts,
        DateTime? LastCallAtUtc, DateTime LoadedAtUtc, string? Comment);

    /// <summary>The page: <paramref name="Count"/> is exact up to <see cref="CountCap"/>; <paramref name="MoreThanCap"/> when there are more.</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Row> Rows, KeysetPage Page, int Count, bool MoreThanCap, ListSort Sort,
        IReadOnlyList<(int Id, string Name)> Projects, IReadOnlyList<(int Id, string Name)> Suppliers);

    /// <summary>The numbers of live projects matching <paramref name="f"/> (no order).</summary>
    public IQueryable<Lead> Filtered(Input f)
    {
        var live = db.LeadProjects.Where(p => p.DeletedAtUtc == null).Select(p => p.Id);
        var q = db.Leads.AsNoTracking().Where(l => live.Contains(l.ProjectId));
        if (f.Project is { } p) q = q.Where(l => l.ProjectId == p);
        if (f.Supplier is { } s) q = q.Where(l => l.SupplierId == s);
        if (!string.IsNullOrEmpty(f.Region)) q = f.Region == "-" ? q.Where(l => l.Region == null) : q.Where(l => l.Region == f.Region);
        if (f.Status is { } st) q = q.Where(l => l.Status == st);
        if (f.AttemptsFrom is { } af) q = q.Where(l => l.Attempts >= af);
        if (f.AttemptsTo is { } at) q = q.Where(l => l.Attempts <= at);
        var (loadedFrom, loadedTo) = LocalTime.Period(f.LoadedFrom, f.LoadedTo);
        if (loadedFrom is { } lf) q = q.Where(l => l.LoadedAtUtc >= lf);
        if (loadedTo is { } lt) q = q.Where(l => l.LoadedAtUtc < lt);
        var (calledFrom, calledTo) = LocalTime.Period(f.CalledFrom, f.CalledTo);
        if (calledFrom is { } cf) q = q.Where(l => l.LastCallAtUtc >= cf);
        if (calledTo is { } ct) q = q.Where(l => l.LastCallAtUtc < ct);
        if (!string.IsNullOrWhiteSpace(f.Phone))
        {
            var phone = LeadPhone.Normalize(f.Phone) ?? -1;
            q = q.Where(l => l.Phone == phone);
        }
        return q;
    }

    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var q = Filtered(input);
        var sort = Sorts.Parse(input.Sort);
        var page = await Sorts.PageAsync(q, sort, l => l.Id, input.After, input.Before, PageSize, ct);
        var ids = page.Ids.ToList();
        var rows = await (from l in db.Leads.AsNoTracking()
                          join p in db.LeadProjects on l.ProjectId equals p.Id
                          where ids.Contains(l.Id)
                          select new Row(l.Id, l.Phone, p.Name, db.LeadSuppliers.Where(s => s.Id == l.SupplierId).Select(s => s.Name).FirstOrDefault(),
                              l.Region, l.Status, l.Attempts, l.LastCallAtUtc, l.LoadedAtUtc, l.Comment)).ToListAsync(ct);
        var count = await q.Take(CountCap + 1).CountAsync(ct);
        var projects = await db.LeadProjects.AsNoTracking().Where(p => p.DeletedAtUtc == null).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var suppliers = await db.LeadSuppliers.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        return new Model(input, page.InOrder(rows, r => r.Id), page, Math.Min(count, CountCap), count > CountCap, sort,
            projects.Select(p => (p.Id, p.Name)).ToList(), suppliers.Select(s => (s.Id, s.Name)).ToList());
    }
}
